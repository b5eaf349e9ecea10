import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import fc from 'fast-check'
import { duplicateFields, guessColumns, IGNORE } from './column-mapping.ts'
import { parseCsv } from './csv-parse.ts'
import { decodeText } from './decode-text.ts'
import type { ImportFileError } from './import-file-error.ts'
import { looksLikeMyNumber, mergeIssues, prepareUpload } from './prepare-upload.ts'
import { readImportFile } from './read-table.ts'

const generator = createSyntheticGenerator('web-import-pipeline')

/** Shift_JIS bytes of text, as Windows Excel saves a CSV (TextEncoder writes only UTF-8). */
function shiftJis(text: string): Uint8Array {
  const bytes: number[] = []
  const decoder = new TextDecoder('shift_jis')
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      bytes.push(ch.charCodeAt(0))
      continue
    }
    // Find the two-byte code whose decoding is the character (small alphabet for the test).
    let found = false
    for (let lead = 0x81; lead <= 0xef && !found; lead++) {
      for (let trail = 0x40; trail <= 0xfc && !found; trail++) {
        if (decoder.decode(new Uint8Array([lead, trail])) === ch) {
          bytes.push(lead, trail)
          found = true
        }
      }
    }
    assert.ok(found, ch)
  }
  return new Uint8Array(bytes)
}

test('CSV は BOM 付き・なしの UTF-8 と Shift_JIS を見分けて読む', () => {
  const text = '氏名,生年月日\r\n山田　花子,昭和60年4月1日\r\n'
  const utf8 = new TextEncoder().encode(text)
  assert.deepEqual(decodeText(utf8), { text, encoding: 'utf-8' })
  assert.deepEqual(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])), { text, encoding: 'utf-8' })
  assert.deepEqual(decodeText(shiftJis(text)), { text, encoding: 'shift_jis' })
})

test('RFC 4180 の引用符・改行・区切りを読み、閉じない引用符は行番号だけで知らせる', () => {
  assert.deepEqual(parseCsv('a,"b,""c""\nd"\r\ne,f\rg,\n'), [
    ['a', 'b,"c"\nd'],
    ['e', 'f'],
    ['g', ''],
  ])
  assert.throws(
    () => parseCsv('a,b\nc,"secret'),
    (error: ImportFileError) =>
      error.code === 'CSV_UNTERMINATED_QUOTE' && !error.messageJa.includes('secret'),
  )
})

test('引用符で囲んだ値はどんな文字でも書いて読み戻せる', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
      (rows) => {
        const csv = rows
          .map((cells) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))
          .join('\r\n')
        assert.deepEqual(parseCsv(csv), rows)
      },
    ),
  )
})

test('空行は飛ばし、行番号は表計算ソフトの行番号のまま、空のファイルはそう告げる', async () => {
  const read = await readImportFile(new TextEncoder().encode('氏名,性別\n\n山田 花子,女\n,\n佐藤 太郎\n'))
  assert.deepEqual(read, {
    format: 'csv',
    encoding: 'utf-8',
    table: {
      headerRow: 1,
      headers: ['氏名', '性別'],
      rows: [
        { row: 3, cells: ['山田 花子', '女'] },
        { row: 5, cells: ['佐藤 太郎', null] },
      ],
    },
  })
  await assert.rejects(
    readImportFile(new Uint8Array()),
    (error: ImportFileError) => error.code === 'FILE_EMPTY',
  )
})

test('見出しから列の対応を推測し、同じ項目を2列に選ぶと知らせる', () => {
  const choices = guessColumns('employees', [
    '社員No.',
    '氏名',
    'ﾌﾘｶﾞﾅ',
    '（生年月日）',
    'マイナンバー',
    '備考',
  ])
  assert.deepEqual(choices, ['employeeNumber', 'fullName', 'fullNameKana', 'birthDate', 'myNumber', IGNORE])
  assert.deepEqual(duplicateFields(['fullName', IGNORE, 'fullName', IGNORE, 'birthDate']), ['fullName'])
})

test('個人番号の列は送らず、正しい番号だけを行ごとに画面に残し、他の列の12桁は空にして知らせる', () => {
  const valid = generator.myNumber()
  const stray = generator.myNumber()
  const wrong = `${valid.slice(0, 11)}${(Number(valid[11]) + 1) % 10}`
  const source = {
    headerRow: 1,
    headers: ['氏名', '個人番号', '住所', '備考'],
    rows: [
      { row: 2, cells: ['山田 花子', valid, '東京都', 'x'] },
      {
        row: 3,
        cells: ['佐藤 太郎', wrong, `${stray.slice(0, 4)} ${stray.slice(4, 8)} ${stray.slice(8)}`, null],
      },
      { row: 4, cells: ['鈴木 一郎', null, '大阪府', null] },
    ],
  }
  const prepared = prepareUpload('employees', source, guessColumns('employees', source.headers))
  assert.deepEqual(prepared.table, {
    headerRow: 1,
    headers: ['氏名', '住所'],
    mapping: { 氏名: 'fullName', 住所: 'address' },
    rows: [
      { row: 2, cells: ['山田 花子', '東京都'] },
      { row: 3, cells: ['佐藤 太郎', null] },
      { row: 4, cells: ['鈴木 一郎', '大阪府'] },
    ],
  })
  assert.deepEqual([...prepared.numbers], [[2, valid]])
  assert.deepEqual(
    prepared.issues.map((i) => [i.row, i.column, i.code]),
    [
      [3, '個人番号', 'MY_NUMBER_CHECK_DIGIT'],
      [3, '住所', 'MY_NUMBER_IN_TEXT'],
    ],
  )
  const sent = JSON.stringify(prepared.table) + JSON.stringify(prepared.issues)
  for (const number of [valid, wrong, stray]) assert.ok(!sent.includes(number.slice(4, 8)))
})

test('12桁や4-4-4の数字を含むセルは個人番号とみなし、10桁や11桁の番号はそのまま', () => {
  assert.equal(looksLikeMyNumber('１２３４５６７８９０１２'), true)
  assert.equal(looksLikeMyNumber('1234-5678-9012'), true)
  assert.equal(looksLikeMyNumber('1234567890'), false)
  assert.equal(looksLikeMyNumber('12345678901'), false)
  assert.equal(looksLikeMyNumber(null), false)
})

test('画面とサーバーの指摘は表・行・列の順に並べる', () => {
  const issue = (table: 'employees' | 'dependents', row: number, column: string) => ({
    table,
    row,
    column,
    field: null,
    code: 'X',
    message: 'm',
  })
  const merged = mergeIssues(
    [issue('dependents', 2, 'a'), issue('employees', 5, 'b')],
    [issue('employees', 5, 'a')],
  )
  assert.deepEqual(
    merged.map((i) => [i.table, i.row, i.column]),
    [
      ['employees', 5, 'a'],
      ['employees', 5, 'b'],
      ['dependents', 2, 'a'],
    ],
  )
})
