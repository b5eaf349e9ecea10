/** '300,000円' — for explanations shown to a 社労士. */
export function formatYen(amount: number): string {
  return `${groupThousands(amount)}円`
}

/** 545050 銭 → '5,450.50円'; whole yen print without 銭. */
export function formatSen(sen: number): string {
  const yen = Math.floor(sen / 100)
  const rest = sen % 100
  return rest === 0 ? formatYen(yen) : `${groupThousands(yen)}.${String(rest).padStart(2, '0')}円`
}

/**
 * `amount.toLocaleString('ja-JP')`, by string slicing for safe integers: Intl's formatter cost a
 * fifth of a payroll calculation (bench:payroll). Anything else (fractions, -0, huge or non-finite
 * numbers) still goes through Intl, so the output is the same for every number (format.test.ts).
 */
function groupThousands(amount: number): string {
  if (!Number.isSafeInteger(amount) || Object.is(amount, -0)) return amount.toLocaleString('ja-JP')
  const digits = String(amount < 0 ? -amount : amount)
  const length = digits.length
  if (length <= 3) return amount < 0 ? `-${digits}` : digits
  let head = length % 3
  if (head === 0) head = 3
  let out = amount < 0 ? `-${digits.slice(0, head)}` : digits.slice(0, head)
  for (let i = head; i < length; i += 3) out += `,${digits.slice(i, i + 3)}`
  return out
}
