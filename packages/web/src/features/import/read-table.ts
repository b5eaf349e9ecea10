import type { ImportTable } from '../../api/imports.ts'
import { parseCsv } from './csv-parse.ts'
import type { TextEncodingName } from './decode-text.ts'
import { decodeText } from './decode-text.ts'
import { ImportFileError } from './import-file-error.ts'

/** The most rows (besides the header) and columns one import takes (the server's limits). */
export const MAX_IMPORT_ROWS = 100_000
export const MAX_IMPORT_COLUMNS = 200

/** .xlsx is a ZIP archive (PK\x03\x04). */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

/** A CSV file's bytes (UTF-8 or Shift_JIS) as a table, with the encoding it was read in. */
export function readCsvTable(bytes: Uint8Array): { table: ImportTable; encoding: TextEncodingName } {
  if (bytes.length === 0)
    throw new ImportFileError('FILE_EMPTY', 'ファイルが空です。中身のあるファイルを選んでください。')
  if (isZip(bytes)) {
    throw new ImportFileError(
      'XLSX_NOT_SUPPORTED',
      'この画面は CSV ファイルを読み込みます。Excel で「CSV（コンマ区切り）」として保存してから選んでください。',
    )
  }
  const { text, encoding } = decodeText(bytes)
  return { table: toTable(parseCsv(text)), encoding }
}

/** Blank rows dropped; row numbers as a spreadsheet shows them (the header is row 1). */
export function toTable(records: readonly string[][]): ImportTable {
  const numbered = records
    .map((cells, i) => ({ row: i + 1, cells }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
  const [header, ...data] = numbered
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
  const headers = header.cells.map((c) => c.normalize('NFKC').trim())
  return {
    headerRow: header.row,
    headers,
    rows: data.map((r) => ({
      row: r.row,
      cells: headers.map((_, i) => {
        const cell = r.cells[i]
        return cell === undefined || cell === '' ? null : cell
      }),
    })),
  }
}
