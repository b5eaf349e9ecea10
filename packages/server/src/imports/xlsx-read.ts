import ExcelJS from 'exceljs'
import { importFileError } from './import-errors.ts'

/** A cell as a spreadsheet gives it: dates as 'YYYY-MM-DD', numbers as numbers, blanks as null. */
export type Cell = string | number | boolean | null

export type SheetRow = { row: number; cells: Cell[] }

/**
 * The rows of one sheet of an .xlsx workbook (the first, or the one named), each with its row
 * number as Excel shows it. Formulas give their last computed result; rich text and hyperlinks
 * their text; error cells (#N/A …) and blanks null. Dates are the cell's calendar day: exceljs
 * reads date-formatted cells as UTC midnight, so the UTC parts are the day the sheet shows.
 */
export async function readXlsxRows(bytes: Uint8Array, sheetName?: string): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never)
  } catch (cause) {
    throw Object.assign(
      importFileError(
        'XLSX_UNREADABLE',
        'Excel ファイル（.xlsx）として読み取れませんでした。ファイルを確認してください。',
      ),
      { cause },
    )
  }
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName)
  if (sheet === undefined) {
    throw importFileError(
      'XLSX_SHEET_NOT_FOUND',
      sheetName === undefined
        ? 'Excel ファイルにシートがありません。'
        : `シート「${sheetName}」が見つかりません。シート名を確認してください。`,
      'sheet',
    )
  }
  const rows: SheetRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = []
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellValue(row.getCell(column).value))
    rows.push({ row: rowNumber, cells })
  })
  return rows
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value
  if (value instanceof Date) return isoDay(value)
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellValue(value.text)
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result
    return result === undefined ||
      (typeof result === 'object' && result !== null && !(result instanceof Date))
      ? null
      : cellValue(result as ExcelJS.CellValue)
  }
  return null
}

function isoDay(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, '0')
  const m = String(date.getUTCMonth() + 1).padStart(2, '0')
  const d = String(date.getUTCDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}
