import { isValidMyNumber } from '@mamori/rules/mynumber/check-digit.ts'
import { normalizeDigits } from '@mamori/rules/text/normalize-digits.ts'
import type { Cell, ImportTable, RowIssue, UploadTable } from '../../api/imports.ts'
import type { ColumnChoice, TableKind } from './column-mapping.ts'
import { IGNORE } from './column-mapping.ts'

/** The page's side of an import, as the CLI does on its device (server imports/device.ts). */
export type PreparedTable = {
  /** Mapped columns only; never the 個人番号 column; any cell that looks like a My Number blanked. */
  table: UploadTable
  /** Problems only the page can see (the server never receives these cells). */
  issues: RowIssue[]
  /**
   * Valid numbers of the 個人番号 column by row, canonical digits. They stay in this page's memory
   * until the commit has given each row its person; then each is sealed to the vault and relayed.
   */
  numbers: Map<number, string>
}

// Twelve digits in a row, or grouped 4-4-4 as the card prints them (as the server checks): no field
// an import takes has twelve digits, so such a cell is a My Number in the wrong column.
const MY_NUMBER_LIKE = /\d{12}|\d{4}[ -]\d{4}[ -]\d{4}/

export function looksLikeMyNumber(cell: Cell): boolean {
  if (cell === null || typeof cell === 'boolean') return false
  return MY_NUMBER_LIKE.test(typeof cell === 'number' ? cell.toFixed(0) : cell.normalize('NFKC'))
}

/** A cell of the 個人番号 column as typed text: an Excel number keeps its digits (no exponent). */
function numberText(cell: Cell | undefined): string {
  if (cell === undefined || cell === null || typeof cell === 'boolean') return ''
  return typeof cell === 'number' ? cell.toFixed(0) : cell.normalize('NFKC').trim()
}

export function prepareUpload(
  kind: TableKind,
  source: ImportTable,
  choices: readonly ColumnChoice[],
): PreparedTable {
  const sent = choices.flatMap((choice, i) => (choice === IGNORE || choice === 'myNumber' ? [] : [i]))
  const numberColumn = choices.indexOf('myNumber')
  const issues: RowIssue[] = []
  const numbers = new Map<number, string>()
  const rows = source.rows.map(({ row, cells }) => {
    if (numberColumn !== -1) {
      const text = numberText(cells[numberColumn])
      if (text !== '') {
        const digits = normalizeDigits(text)
        if (isValidMyNumber(digits)) numbers.set(row, digits)
        else
          issues.push({
            table: kind,
            row,
            column: source.headers[numberColumn] ?? null,
            field: 'myNumber',
            code: 'MY_NUMBER_CHECK_DIGIT',
            message:
              '個人番号が正しくありません。12桁の数字で、最後の1桁（検査用数字）が合うか、通知カードやマイナンバーカードと見比べてください。',
          })
      }
    }
    return {
      row,
      cells: sent.map((i) => {
        const cell = cells[i] ?? null
        if (!looksLikeMyNumber(cell)) return cell
        issues.push({
          table: kind,
          row,
          column: source.headers[i] ?? null,
          field: choices[i] ?? null,
          code: 'MY_NUMBER_IN_TEXT',
          message:
            '12桁の数字は送信しません。個人番号ならこの列ではなく「個人番号」の列に入れ、ファイルを選び直してください。',
        })
        return null
      }),
    }
  })
  const headers = sent.map((i) => source.headers[i] ?? '')
  const mapping = Object.fromEntries(sent.map((i) => [source.headers[i] ?? '', choices[i] ?? IGNORE]))
  return { table: { headerRow: source.headerRow, headers, rows, mapping }, issues, numbers }
}

/** The page's and the server's issues together, by table, row and column, as the user reads the file. */
export function mergeIssues(...lists: ReadonlyArray<readonly RowIssue[]>): RowIssue[] {
  const order = (t: TableKind) => (t === 'employees' ? 0 : 1)
  return lists
    .flat()
    .sort(
      (a, b) =>
        order(a.table) - order(b.table) || a.row - b.row || (a.column ?? '').localeCompare(b.column ?? ''),
    )
}
