import assert from 'node:assert/strict'
import { test } from 'node:test'
import ExcelJS from 'exceljs'
import { ServerError } from '../errors.ts'
import { readTable } from './read-table.ts'
import { readXlsxRows } from './xlsx-read.ts'

async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  fill(wb)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

test('cells come as the sheet gives them: dates as the day shown, numbers, text of rich text and formulas', async () => {
  const bytes = await workbook((wb) => {
    const sheet = wb.addWorksheet('社員')
    sheet.addRow(['氏名', '生年月日', '基本給', '備考', '計'])
    sheet.addRow([
      '山田 太郎',
      new Date(Date.UTC(1985, 3, 1)),
      250000,
      { richText: [{ text: '架空' }, { text: 'の人' }] },
      { formula: 'C2*2', result: 500000 },
    ])
    sheet.getCell('B2').numFmt = 'yyyy/m/d'
  })
  assert.deepEqual(await readXlsxRows(bytes), [
    { row: 1, cells: ['氏名', '生年月日', '基本給', '備考', '計'] },
    { row: 2, cells: ['山田 太郎', '1985-04-01', 250000, '架空の人', 500000] },
  ])
})

test('the first sheet by default, or the one named; a missing sheet is refused by name', async () => {
  const bytes = await workbook((wb) => {
    wb.addWorksheet('社員').addRow(['社員番号'])
    wb.addWorksheet('扶養家族').addRow(['続柄'])
  })
  assert.equal((await readTable(bytes)).headers[0], '社員番号')
  assert.equal((await readTable(bytes, { sheet: '扶養家族' })).headers[0], '続柄')
  await assert.rejects(
    readTable(bytes, { sheet: '存在しない' }),
    (error: unknown) => error instanceof ServerError && error.field === 'sheet',
  )
})

test("row numbers are the sheet's: blank rows are skipped, not renumbered", async () => {
  const bytes = await workbook((wb) => {
    const sheet = wb.addWorksheet('社員')
    sheet.getCell('A2').value = '氏名'
    sheet.getCell('A4').value = '山田 太郎'
  })
  const table = await readTable(bytes)
  assert.equal(table.headerRow, 2)
  assert.deepEqual(table.rows, [{ row: 4, cells: ['山田 太郎'] }])
})

test('a file that is a ZIP but not a workbook is refused with a Japanese message', async () => {
  const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4])
  await assert.rejects(
    readTable(bytes),
    (error: unknown) => error instanceof ServerError && error.message === 'XLSX_UNREADABLE',
  )
})
