import type { ImportTable } from '../../api/imports.ts'
import type { ColumnChoice, TableKind } from './column-mapping.ts'
import { guessColumns } from './column-mapping.ts'
import { ENCODING_LABEL } from './decode-text.ts'
import type { ImportFileError } from './import-file-error.ts'
import type { ReadFile } from './read-table.ts'

/** A file chosen for one table of the import: what was read, which sheet, and the column choices. */
export type LoadedFile = {
  name: string
  source: ReadFile
  /** The sheet in use (Excel), or null for a CSV. */
  sheet: string | null
  /** The table to import, or why the chosen sheet cannot be one. */
  table: ImportTable | ImportFileError
  choices: ColumnChoice[]
}

const DEPENDENT_SHEET = /扶養|家族/

/** The sheet a table most likely is on: the dependents' by its name, the employees' the first other. */
export function defaultSheet(kind: TableKind, names: readonly string[]): string | undefined {
  const named = names.find((n) => DEPENDENT_SHEET.test(n))
  const others = names.filter((n) => !DEPENDENT_SHEET.test(n))
  return kind === 'dependents' ? (named ?? names[0]) : (others[0] ?? names[0])
}

/**
 * The file as the wizard holds it. A corrected file (or another sheet) with the same headers as
 * before keeps the columns the user chose; otherwise they are guessed from the headers again.
 */
export function loadFile(
  kind: TableKind,
  name: string,
  source: ReadFile,
  previous: LoadedFile | null,
  sheet?: string,
): LoadedFile {
  const chosenSheet =
    source.format === 'csv'
      ? null
      : (sheet ??
        defaultSheet(
          kind,
          source.sheets.map((s) => s.name),
        ) ??
        null)
  const table =
    source.format === 'csv'
      ? source.table
      : (source.sheets.find((s) => s.name === chosenSheet)?.table ?? source.sheets[0]!.table)
  const headers = 'headers' in table ? table.headers : []
  const previousHeaders = previous !== null && 'headers' in previous.table ? previous.table.headers : null
  const choices =
    previousHeaders !== null && sameHeaders(previousHeaders, headers)
      ? (previous?.choices ?? [])
      : guessColumns(kind, headers)
  return { name, source, sheet: chosenSheet, table, choices }
}

/** 社員名簿.csv（Shift_JIS、3 行） or 名簿.xlsx（シート「社員」、3 行）. */
export function fileSummary(file: LoadedFile): string {
  const rows = 'rows' in file.table ? `、${file.table.rows.length} 行` : ''
  const where =
    file.source.format === 'csv' ? ENCODING_LABEL[file.source.encoding] : `シート「${file.sheet ?? ''}」`
  return `${file.name}（${where}${rows}）`
}

function sameHeaders(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((header, i) => header === b[i])
}
