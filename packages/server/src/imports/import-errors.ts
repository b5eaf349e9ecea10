import { ServerError } from '../errors.ts'

/**
 * Why a whole file or request cannot be imported (row problems are issues, not errors). The
 * server's closed code list has no import codes yet, so these are REQUEST_INVALID on the field
 * `file` (or the one named); `reason` is the stable name of the problem, kept in `message` for
 * logs and tests. Messages never quote the file's content.
 */
export type ImportFileReason =
  | 'CSV_UNTERMINATED_QUOTE'
  | 'FILE_EMPTY'
  | 'FILE_FORMAT_UNKNOWN'
  | 'XLSX_UNREADABLE'
  | 'XLSX_SHEET_NOT_FOUND'
  | 'HEADER_MISSING'
  | 'TOO_MANY_ROWS'
  | 'TOO_MANY_COLUMNS'

export function importFileError(reason: ImportFileReason, messageJa: string, field = 'file'): ServerError {
  return new ServerError({ code: 'REQUEST_INVALID', message: reason, messageJa, field })
}
