import { api } from './client.ts'
import type { MyNumberSubject } from './my-number.ts'
import { myNumberPath } from './my-number.ts'
import type { MyNumberRegistration } from './self-service.ts'

/** Shapes of packages/server/src/imports/imports.schema.ts. */

/** A cell as the file gives it: text, a number (Excel; dates are serials), a boolean, or blank. */
export type Cell = string | number | boolean | null

/**
 * One table of a file: the header row (its number and labels) and the data rows with their row
 * numbers as the user sees them in a spreadsheet. Cells are aligned with `headers`.
 */
export type ImportTable = {
  headerRow: number
  headers: string[]
  rows: { row: number; cells: Cell[] }[]
}

/** What goes to the server: only mapped columns, with their mapping (header → field). */
export type UploadTable = ImportTable & { mapping: Record<string, string> }

/** A problem of one row, from the page's own checks or the server's preview (ZRowIssue). */
export type RowIssue = {
  table: 'employees' | 'dependents'
  row: number
  column: string | null
  field: string | null
  code: string
  message: string
}

export type ImportRows = { employees: UploadTable; dependents?: UploadTable }

export type ImportPreview = {
  ok: boolean
  rows: { employees: number; dependents: number }
  valid: { employees: number; dependents: number }
  issues: RowIssue[]
}

export type CommittedSubject = {
  table: 'employees' | 'dependents'
  row: number
  subjectId: string
  employeeId: string
}

export type CommitLine =
  | { type: 'progress'; processed: number; total: number }
  | {
      type: 'committed'
      importId: string
      employeesCreated: number
      dependentsCreated: number
      subjects: CommittedSubject[]
    }
  | { type: 'failed'; code: string; message: string; field?: string; requestId: string }

const importsPath = (clientId: string) => `/clients/${encodeURIComponent(clientId)}/imports`

/** Checks every row and stores nothing (the server audits its 社員番号 check). */
export function previewImport(clientId: string, rows: ImportRows): Promise<ImportPreview> {
  return api.post(`${importsPath(clientId)}/preview`, { body: rows })
}

/** All rows in one transaction; progress lines as they come, then committed or failed. */
export function commitImport(
  clientId: string,
  importId: string,
  rows: ImportRows,
  onLine: (line: CommitLine) => void,
): Promise<void> {
  return api.postLines(`${importsPath(clientId)}/commit`, { body: { importId, ...rows } }, onLine)
}

/** A number read from the file, sealed in the page after the commit made its person, relayed to the vault. */
export function registerImportedMyNumber(
  subject: MyNumberSubject,
  registration: MyNumberRegistration,
): Promise<{ registeredAt: string }> {
  return api.put(myNumberPath(subject), { body: registration })
}
