import { applyRate, floorSen } from '../money/exact-yen.ts'
import { formatSen, formatYen } from '../money/format.ts'
import { formatPercent, type Rate } from '../money/rate.ts'
import { findTableInForce } from '../tables/find-table-in-force.ts'
import { assertPremiumBase, PREMIUM_BASIS_NAMES_JA, type PremiumBasis } from './premium-basis.ts'

export type ChildContribution = {
  readonly rate: Rate
  readonly base: number
  /** Paid wholly by the employer; in 銭 because only the establishment's total is rounded. */
  readonly employerShareSen: number
  readonly tableId: string
  readonly explanationJa: string
}

/**
 * 子ども・子育て拠出金 (子ども・子育て支援法69条): employer only, on the 厚年 標準報酬月額 or 標準賞与額.
 * Not the 子ども・子育て支援金, which is charged with the 健康保険料 (health-insurance-premium.ts).
 */
export function calculateChildContribution(input: {
  date: string
  basis: PremiumBasis
  base: number
}): ChildContribution {
  assertPremiumBase({ insurance: 'pension', basis: input.basis, base: input.base, date: input.date })
  const table = findTableInForce('child-contribution', input.date)
  const employerShareSen = floorSen(applyRate(input.base, table.rate))
  return {
    rate: table.rate,
    base: input.base,
    employerShareSen,
    tableId: table.id,
    explanationJa: `子ども・子育て拠出金 (事業主のみ): 厚生年金保険の${PREMIUM_BASIS_NAMES_JA[input.basis]}${formatYen(input.base)} × ${formatPercent(table.rate)} = ${formatSen(employerShareSen)}。`,
  }
}
