import type { Cell } from './xlsx-read.ts'

// Twelve digits in a row (also inside a longer run), or grouped 4-4-4 as the card prints them.
// No field an import takes has twelve digits (基礎年金番号 10, 雇用保険被保険者番号 11), so such a
// cell is most likely a My Number in the wrong column: it is refused, never kept or echoed.
const MY_NUMBER_LIKE = /\d{12}|\d{4}[ -]\d{4}[ -]\d{4}/

/** Whether a cell looks like it holds a My Number in plaintext (full-width digits included). */
export function looksLikeMyNumber(cell: Cell): boolean {
  if (cell === null || typeof cell === 'boolean') return false
  const text = typeof cell === 'number' ? cell.toFixed(0) : cell.normalize('NFKC')
  return MY_NUMBER_LIKE.test(text)
}
