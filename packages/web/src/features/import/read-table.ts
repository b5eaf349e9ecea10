import type { Cell, ImportTable } from '../../api/imports.ts'
import { parseCsv } from './csv-parse.ts'
import type { TextEncodingName } from './decode-text.ts'
import { decodeText } from './decode-text.ts'
import { ImportFileError } from './import-file-error.ts'
import { readXlsx } from './xlsx-read.ts'

/** The most rows (besides the header) and columns one import takes (the server's limits). */
export const MAX_IMPORT_ROWS = 100_000
export const MAX_IMPORT_COLUMNS = 200

/** A file as the page read it: a CSV's one table, or each sheet of an Excel workbook. */
export type ReadFile =
  | { format: 'csv'; encoding: TextEncodingName; table: ImportTable }
  | { format: 'xlsx'; sheets: Array<{ name: string; table: ImportTable | ImportFileError }> }

/** .xlsx is a ZIP archive (PK\x03\x04); every other file is read as CSV text. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

/** A CSV (UTF-8 or Shift_JIS) or .xlsx file's bytes; a sheet with no header row says so in its place. */
export async function readImportFile(bytes: Uint8Array): Promise<ReadFile> {
  if (bytes.length === 0) {
    throw new ImportFileError('FILE_EMPTY', 'ファイルが空です。中身のあるファイルを選んでください。')
  }
  if (isZip(bytes)) {
    const sheets = await readXlsx(bytes)
    if (sheets.length === 0)
      throw new ImportFileError('XLSX_NO_SHEET', 'Excel ファイルにシートがありません。')
    return {
      format: 'xlsx',
      sheets: sheets.map((sheet) => {
        try {
          return { name: sheet.name, table: toTable(sheet.rows) }
        } catch (error) {
          if (error instanceof ImportFileError) return { name: sheet.name, table: error }
          throw error
        }
      }),
    }
  }
  const { text, encoding } = decodeText(bytes)
  return {
    format: 'csv',
    encoding,
    table: toTable(parseCsv(text).map((cells, i) => ({ row: i + 1, cells }))),
  }
}

const isBlank = (cell: Cell | undefined) =>
  cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '')

/** Blank rows dropped; the first row left is the header; row numbers as the spreadsheet shows them. */
export function toTable(rows: ReadonlyArray<{ row: number; cells: readonly Cell[] }>): ImportTable {
  const [header, ...data] = rows.filter((r) => r.cells.some((c) => !isBlank(c)))
  if (header === undefined) {
    throw new ImportFileError(
      'HEADER_MISSING',
      '見出しの行がありません。1行目に列の見出し（氏名、生年月日など）を入れてください。',
    )
  }
  if (header.cells.length > MAX_IMPORT_COLUMNS) {
    throw new ImportFileError(
      'TOO_MANY_COLUMNS',
      `列が多すぎます。${MAX_IMPORT_COLUMNS}列以内にしてください。`,
    )
  }
  if (data.length > MAX_IMPORT_ROWS) {
    throw new ImportFileError(
      'TOO_MANY_ROWS',
      `行が多すぎます。1回の取り込みは${MAX_IMPORT_ROWS.toLocaleString('ja-JP')}行までです。ファイルを分けてください。`,
    )
  }
  const headers = header.cells.map((c) => (c === null ? '' : String(c).normalize('NFKC').trim()))
  return {
    headerRow: header.row,
    headers,
    rows: data.map((r) => ({
      row: r.row,
      cells: headers.map((_, i) => {
        const cell = r.cells[i]
        return cell === undefined || isBlank(cell) ? null : cell
      }),
    })),
  }
}
