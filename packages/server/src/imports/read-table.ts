import { parseCsv } from './csv-parse.ts'
import { importFileError } from './import-errors.ts'
import { decodeText } from './text-encoding.ts'
import type { Cell, SheetRow } from './xlsx-read.ts'
import { readXlsxRows } from './xlsx-read.ts'

/** The most rows (besides the header) and columns one import takes. */
export const MAX_IMPORT_ROWS = 100_000
export const MAX_IMPORT_COLUMNS = 200

/**
 * One table of a file: the header row (its number and labels) and the data rows with their row
 * numbers as the user sees them (CSV: the record's number counting the header as 1; Excel: the
 * sheet's row number). Blank rows are dropped; cells are aligned with `headers`.
 */
export type ImportTable = {
  headerRow: number
  headers: string[]
  rows: { row: number; cells: Cell[] }[]
}

export type FileFormat = 'csv' | 'xlsx'

/** .xlsx is a ZIP archive; every other file is read as CSV text. */
export function detectFormat(bytes: Uint8Array): FileFormat {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv'
}

/** Reads a CSV (UTF-8 or Shift_JIS, detected) or .xlsx file (first sheet, or `sheet`) into a table. */
export async function readTable(bytes: Uint8Array, options: { sheet?: string } = {}): Promise<ImportTable> {
  if (bytes.length === 0) throw importFileError('FILE_EMPTY', 'ファイルが空です。')
  const rows =
    detectFormat(bytes) === 'xlsx'
      ? await readXlsxRows(bytes, options.sheet)
      : parseCsv(decodeText(bytes).text).map((cells, i): SheetRow => ({ row: i + 1, cells }))
  return toTable(rows)
}

export function toTable(sheetRows: readonly SheetRow[]): ImportTable {
  const rows = sheetRows.filter((r) => r.cells.some((c) => c !== null && String(c).trim() !== ''))
  const [header, ...data] = rows
  if (header === undefined) {
    throw importFileError(
      'HEADER_MISSING',
      '見出しの行がありません。1行目に列の見出し（氏名、生年月日など）を入れてください。',
    )
  }
  if (header.cells.length > MAX_IMPORT_COLUMNS) {
    throw importFileError('TOO_MANY_COLUMNS', `列が多すぎます。${MAX_IMPORT_COLUMNS}列以内にしてください。`)
  }
  if (data.length > MAX_IMPORT_ROWS) {
    throw importFileError(
      'TOO_MANY_ROWS',
      `行が多すぎます。1回の取り込みは${MAX_IMPORT_ROWS.toLocaleString('ja-JP')}行までです。ファイルを分けてください。`,
    )
  }
  const headers = header.cells.map((c) => (c === null ? '' : String(c).normalize('NFKC').trim()))
  return {
    headerRow: header.row,
    headers,
    rows: data.map((r) => ({ row: r.row, cells: headers.map((_, i) => r.cells[i] ?? null) })),
  }
}
