import { compareFractionWithHalf, type ExactYen, floorYen } from '../money/exact-yen.ts'

/**
 * How the employee's share is rounded to whole yen (通貨の単位及び貨幣の発行等に関する法律3条, as applied
 * by 年金機構 / 厚労省; premiums.md, Rounding rules). A per-establishment setting, not table data:
 * - 'deduct-from-pay': deducted from pay — 50銭以下 dropped, over 50銭 rounded up;
 * - 'paid-in-cash': the employee pays in cash — under 50銭 dropped, 50銭 or more rounded up;
 * - 'agreement-round-down' / 'agreement-round-up': a 特約 (labour-management agreement or
 *   established practice) that overrides both.
 */
export type ShareRounding = 'deduct-from-pay' | 'paid-in-cash' | 'agreement-round-down' | 'agreement-round-up'

export const SHARE_ROUNDING_NAMES_JA: Readonly<Record<ShareRounding, string>> = {
  'deduct-from-pay': '給与から控除 (50銭以下切捨て・50銭超切上げ)',
  'paid-in-cash': '現金で支払い (50銭未満切捨て・50銭以上切上げ)',
  'agreement-round-down': '特約により切捨て',
  'agreement-round-up': '特約により切上げ',
}

export function roundEmployeeShare(exact: ExactYen, rounding: ShareRounding): number {
  const floor = floorYen(exact)
  const againstHalf = compareFractionWithHalf(exact)
  const hasFraction = exact.numerator % exact.denominator !== 0
  switch (rounding) {
    case 'deduct-from-pay':
      return againstHalf > 0 ? floor + 1 : floor
    case 'paid-in-cash':
      return againstHalf >= 0 ? floor + 1 : floor
    case 'agreement-round-down':
      return floor
    case 'agreement-round-up':
      return hasFraction ? floor + 1 : floor
  }
}
