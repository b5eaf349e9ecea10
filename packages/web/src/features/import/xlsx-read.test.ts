import assert from 'node:assert/strict'
import { test } from 'node:test'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { ImportFileError } from './import-file-error.ts'
import { readImportFile } from './read-table.ts'
import { columnIndex, readXlsx, sharedStrings, sheetRows } from './xlsx-read.ts'

const serialOf = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  build(workbook)
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

test('Excel の各シートを順に読み、文字・数値・日付（シリアル値）・真偽・数式の結果・リッチテキストを値で返す', async () => {
  const bytes = await workbookBytes((workbook) => {
    const employees = workbook.addWorksheet('社員')
    employees.addRow(['社員番号', '氏名', '生年月日', '基本給', '在籍', '手当合計'])
    employees.addRow(['S00001', '山田\u3000花子', new Date(Date.UTC(1985, 3, 1)), 250000, true, null])
    employees.addRow([])
    employees.addRow([
      'S00002',
      { richText: [{ text: '佐藤 ' }, { text: '太郎', font: { bold: true } }] },
      '昭和60年4月1日',
      198000,
      false,
      { formula: 'D4*2', result: 396000 },
    ])
    const dependents = workbook.addWorksheet('扶養家族')
    dependents.addRow(['社員番号', '続柄'])
    dependents.addRow(['S00001', '子 & 配偶者 <同居>'])
  })
  const sheets = await readXlsx(bytes)
  assert.deepEqual(
    sheets.map((s) => s.name),
    ['社員', '扶養家族'],
  )
  assert.deepEqual(sheets[0]?.rows, [
    { row: 1, cells: ['社員番号', '氏名', '生年月日', '基本給', '在籍', '手当合計'] },
    { row: 2, cells: ['S00001', '山田\u3000花子', serialOf('1985-04-01'), 250000, true] },
    { row: 4, cells: ['S00002', '佐藤 太郎', '昭和60年4月1日', 198000, false, 396000] },
  ])
  assert.deepEqual(sheets[1]?.rows, [
    { row: 1, cells: ['社員番号', '続柄'] },
    { row: 2, cells: ['S00001', '子 & 配偶者 <同居>'] },
  ])
  const read = await readImportFile(bytes)
  assert.equal(read.format, 'xlsx')
  assert.ok(read.format === 'xlsx' && 'headers' in read.sheets[1]!.table)
})

test('ふりがな（rPh）は文字列に含めず、_xHHHH_ と文字参照はもとの文字に戻す', () => {
  const xml =
    '<sst><si><r><t>山田</t></r><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><phoneticPr fontId="1"/></si>' +
    '<si><t xml:space="preserve">A_x000D_B &amp;#38; &#x41;</t></si></sst>'
  assert.deepEqual(sharedStrings(xml), ['山田', 'A\rB &#38; A'])
})

test('セル参照の列どおりに並べ、空いた列は空、インライン文字列とエラーのセルも読む', () => {
  const xml =
    '<worksheet><sheetData><row r="3"><c r="B3" t="inlineStr"><is><t>右</t></is></c>' +
    '<c r="D3" t="e"><v>#N/A</v></c><c r="AA3"><v>1.5</v></c></row><row r="4"/></sheetData></worksheet>'
  const rows = sheetRows(xml, [])
  assert.equal(rows.length, 1)
  assert.equal(rows[0]?.row, 3)
  assert.equal(rows[0]?.cells[1], '右')
  assert.equal(rows[0]?.cells[3], null)
  assert.equal(rows[0]?.cells[26], 1.5)
  assert.equal(columnIndex('A1'), 0)
  assert.equal(columnIndex('AB12'), 27)
})

test('ZIP として壊れたファイルは、どんな中身でも読み取れないと告げるだけで、それ以外の失敗はしない', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.uint8Array({ maxLength: 300 }),
      fc.option(fc.uint8Array({ minLength: 18, maxLength: 18 })),
      async (tail, directoryEnd) => {
        // With or without an end-of-directory record whose counts and offsets are anything.
        const end = directoryEnd === null ? [] : [0x50, 0x4b, 0x05, 0x06, ...directoryEnd]
        const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail, ...end])
        await assert.rejects(readImportFile(bytes), (error) => error instanceof ImportFileError)
      },
    ),
    { numRuns: 300 },
  )
})
