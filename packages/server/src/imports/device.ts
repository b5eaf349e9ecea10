import { isValidMyNumber } from '@mamori/rules/mynumber/check-digit.ts'
import { normalizeDigits } from '@mamori/rules/text/normalize-digits.ts'
import { cellText } from './cell-values.ts'
import type { ColumnMapping, TableKind } from './column-mapping.ts'
import { resolveColumns } from './column-mapping.ts'
import { looksLikeMyNumber } from './plaintext-my-number.ts'
import type { ImportTable } from './read-table.ts'
import type { RowIssue } from './validate-import.ts'

export type { ColumnMapping, TableKind } from './column-mapping.ts'
export type { ImportTable } from './read-table.ts'
export { readTable } from './read-table.ts'
export type { RowIssue } from './validate-import.ts'

/**
 * The importing device's side (the `mamori import` CLI; the web page will do the same): what
 * leaves the device is only the columns that map to a field, never the 個人番号 column and never
 * a cell that looks like a My Number. My Number cells are checked here (check digit) and counted;
 * they stay on the device until the commit has made their person, then are sealed to the vault
 * for that person's id and relayed (the seal binds the subject id, which exists only after commit).
 */
export type PreparedTable = {
  /** The table to send: mapped columns only, cells that look like My Numbers blanked. */
  table: ImportTable & { mapping: ColumnMapping<TableKind> }
  /** Problems found on the device, which the server never sees. */
  issues: RowIssue[]
  /** Rows with a valid My Number in the 個人番号 column (kept on the device, not sent). */
  myNumbers: number
  /**
   * Those numbers by row, canonical digits: they stay on the device until the commit has given
   * each row its person, then each is sealed to the vault for that person (HPKE) and relayed.
   */
  numbers: Array<{ row: number; number: string }>
}

export function prepareUpload<K extends TableKind>(
  kind: K,
  source: ImportTable,
  mapping: ColumnMapping<K> = {},
): PreparedTable {
  const columns = resolveColumns(kind, source.headers, mapping)
  const sent = columns.flatMap((field, i) => (field === null || field === 'myNumber' ? [] : [i]))
  const issues: RowIssue[] = []
  const numbers: Array<{ row: number; number: string }> = []
  const rows = source.rows.map(({ row, cells }) => {
    columns.forEach((field, i) => {
      if (field !== 'myNumber') return
      const text = cellText(cells[i] ?? null)
      if (text === null) return
      const digits = normalizeDigits(text)
      if (isValidMyNumber(digits)) numbers.push({ row, number: digits })
      else {
        issues.push({
          table: kind,
          row,
          column: source.headers[i] ?? null,
          field,
          code: 'MY_NUMBER_CHECK_DIGIT',
          message: '個人番号が正しくありません（12桁の数字で、最後の検査用数字が合いません）。',
        })
      }
    })
    return {
      row,
      cells: sent.map((i) => {
        const cell = cells[i] ?? null
        if (!looksLikeMyNumber(cell)) return cell
        issues.push({
          table: kind,
          row,
          column: source.headers[i] ?? null,
          field: columns[i] ?? null,
          code: 'MY_NUMBER_IN_TEXT',
          message: '12桁の数字は送信できません。個人番号はこの列ではなく「個人番号」の列に入れてください。',
        })
        return null
      }),
    }
  })
  const headers = sent.map((i) => source.headers[i]!)
  const sentMapping = Object.fromEntries(sent.map((i) => [source.headers[i]!, columns[i]!]))
  return {
    table: { headerRow: source.headerRow, headers, rows, mapping: sentMapping },
    issues,
    myNumbers: numbers.length,
    numbers,
  }
}
