import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { ColumnChoice } from './column-mapping.ts'
import { IGNORE } from './column-mapping.ts'
import { ImportFileError } from './import-file-error.ts'
import { defaultSheet, fileSummary, loadFile } from './loaded-file.ts'
import type { ReadFile } from './read-table.ts'

const table = (headers: string[], rows = 2) => ({
  headerRow: 1,
  headers,
  rows: Array.from({ length: rows }, (_, i) => ({ row: i + 2, cells: headers.map(() => 'x') })),
})

test('被扶養者は名前に「扶養」「家族」のあるシート、社員はそれ以外の最初のシートを使う', () => {
  assert.equal(defaultSheet('employees', ['扶養家族', '社員', 'メモ']), '社員')
  assert.equal(defaultSheet('dependents', ['社員', '扶養家族']), '扶養家族')
  assert.equal(defaultSheet('dependents', ['Sheet1']), 'Sheet1')
})

test('見出しが同じ修正版のファイルは選んだ列の対応を引き継ぎ、見出しが違えば推測し直す', () => {
  const csv = (headers: string[]): ReadFile => ({
    format: 'csv',
    encoding: 'shift_jis',
    table: table(headers),
  })
  const first = loadFile('employees', '名簿.csv', csv(['氏名', '備考']), null)
  assert.deepEqual(first.choices, ['fullName', IGNORE])
  const chosen = { ...first, choices: [IGNORE, 'address'] satisfies ColumnChoice[] }
  assert.deepEqual(loadFile('employees', '名簿（修正）.csv', csv(['氏名', '備考']), chosen).choices, [
    IGNORE,
    'address',
  ])
  assert.deepEqual(loadFile('employees', '別.csv', csv(['氏名', '住所']), chosen).choices, [
    'fullName',
    'address',
  ])
  assert.equal(fileSummary(first), '名簿.csv（Shift_JIS、2 行）')
})

test('Excel はシートを選べ、表にならないシートはその理由を持つ', () => {
  const missing = new ImportFileError('HEADER_MISSING', '見出しの行がありません。')
  const source: ReadFile = {
    format: 'xlsx',
    sheets: [
      { name: '扶養家族', table: table(['続柄'], 1) },
      { name: '社員', table: table(['氏名'], 3) },
      { name: '空', table: missing },
    ],
  }
  const employees = loadFile('employees', '名簿.xlsx', source, null)
  assert.equal(fileSummary(employees), '名簿.xlsx（シート「社員」、3 行）')
  assert.equal(loadFile('employees', '名簿.xlsx', source, employees, '空').table, missing)
  assert.equal(
    fileSummary(loadFile('dependents', '名簿.xlsx', source, null)),
    '名簿.xlsx（シート「扶養家族」、1 行）',
  )
})
