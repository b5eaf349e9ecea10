import { formatSen, formatYen } from '../money/format.ts'
import { formatPercent } from '../money/rate.ts'
import { findTableInForce } from '../tables/find-table-in-force.ts'
import { assertPremiumBase, PREMIUM_BASIS_NAMES_JA, type PremiumBasis } from './premium-basis.ts'
import { SHARE_ROUNDING_NAMES_JA, type ShareRounding } from './share-rounding.ts'
import { type SplitPremium, splitPremium } from './split-premium.ts'

export type PensionPremium = SplitPremium & {
  readonly basis: PremiumBasis
  readonly base: number
  readonly tableId: string
  readonly explanationJa: string
}

/**
 * 厚生年金保険料 (厚生年金保険法81条) on the 厚年 標準報酬月額 or 標準賞与額, split 折半 (82条).
 * `date` is a day in the month the premium is for, or the bonus payment date.
 */
export function calculatePensionPremium(input: {
  date: string
  basis: PremiumBasis
  base: number
  rounding: ShareRounding
}): PensionPremium {
  assertPremiumBase({ insurance: 'pension', basis: input.basis, base: input.base, date: input.date })
  const table = findTableInForce('pension-rate', input.date)
  const split = splitPremium({
    base: input.base,
    rate: table.rate,
    employeeRate: 'half',
    rounding: input.rounding,
  })
  return {
    ...split,
    basis: input.basis,
    base: input.base,
    tableId: table.id,
    explanationJa:
      `厚生年金保険料: ${PREMIUM_BASIS_NAMES_JA[input.basis]}${formatYen(input.base)} × ${formatPercent(table.rate)} = ${formatSen(split.totalSen)}。` +
      `被保険者負担は折半額を${SHARE_ROUNDING_NAMES_JA[input.rounding]}して${formatYen(split.employeeShare)}、事業主負担は残りの${formatSen(split.employerShareSen)}。`,
  }
}
