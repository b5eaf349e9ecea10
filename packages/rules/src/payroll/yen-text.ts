/**
 * '300,000円' for payslip explanations: the output of money/format.ts formatYen for whole yen, by
 * string arithmetic instead of Intl, which dominated the cost of a payroll calculation (bench:payroll
 * runs a million). yen-text.test.ts checks the two agree.
 */
export function yenJa(amount: number): string {
  return `${groupDigits(amount)}円`
}

export function groupDigits(amount: number): string {
  const digits = String(Math.abs(amount))
  let out = ''
  for (let i = 0; i < digits.length; i += 1) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ','
    out += digits[i]
  }
  return amount < 0 ? `-${out}` : out
}

/** 545050 銭 → '5,450.50円'; whole yen print without 銭 (as money/format.ts formatSen). */
export function senJa(sen: number): string {
  const rest = sen % 100
  return rest === 0
    ? yenJa(sen / 100)
    : `${groupDigits((sen - rest) / 100)}.${String(rest).padStart(2, '0')}円`
}
