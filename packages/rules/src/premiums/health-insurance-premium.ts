import { applyRate, floorSen } from '../money/exact-yen.ts'
import { formatSen, formatYen } from '../money/format.ts'
import { addRates, formatPercent, type Rate } from '../money/rate.ts'
import type { PrefectureCode } from '../prefectures/prefecture-codes.ts'
import { findTableInForce, findTableInForceSinceIntroduction } from '../tables/find-table-in-force.ts'
import { assertPremiumBase, PREMIUM_BASIS_NAMES_JA, type PremiumBasis } from './premium-basis.ts'
import { SHARE_ROUNDING_NAMES_JA, type ShareRounding } from './share-rounding.ts'
import { type SplitPremium, splitPremium } from './split-premium.ts'

export type HealthPremiumItem = 'health' | 'long-term-care' | 'child-support'

export type HealthPremiumComponent = {
  readonly item: HealthPremiumItem
  readonly rate: Rate
  /** This item's part of the total, in 銭 (銭未満切捨て); for payslips that itemise. */
  readonly totalSen: number
}

export type HealthInsurancePremium = SplitPremium & {
  readonly basis: PremiumBasis
  readonly base: number
  readonly components: readonly HealthPremiumComponent[]
  readonly tableIds: readonly string[]
  readonly explanationJa: string
}

const ITEM_NAMES_JA: Readonly<Record<HealthPremiumItem, string>> = {
  health: '健康保険料',
  'long-term-care': '介護保険料',
  'child-support': '子ども・子育て支援金',
}

/**
 * 協会けんぽ 健康保険料 for one person and month (or one bonus), with 介護保険料 for a 第2号被保険者
 * and the 子ども・子育て支援金 from 令和8年4月分. The rates are added first and the employee's half
 * is rounded once:
 * - 介護: the 協会けんぽ 保険料額表 prints one 折半額 for 健保 + 介護 (premiums.md worked example
 *   ¥410,000 × 11.50% → ¥23,575);
 * - 支援金: 厚労省「子ども・子育て支援金に関するQ&A」(2026-02-12), as quoted by psrn.jp and
 *   sr-bridge.com: 標準報酬 × (一般保険料率 + 支援金率), halved, then the 50銭 rule.
 *
 * `date` is a day in the month the premium is for (〇月分), or the bonus payment date.
 * 健康保険組合 rates are not covered (each 組合 has its own).
 */
export function calculateHealthInsurancePremium(input: {
  date: string
  prefecture: PrefectureCode
  basis: PremiumBasis
  base: number
  longTermCareInsured: boolean
  rounding: ShareRounding
}): HealthInsurancePremium {
  assertPremiumBase({ insurance: 'health', basis: input.basis, base: input.base, date: input.date })
  const kenpo = findTableInForce('kyokai-kenpo-rates', input.date)
  const levy = findTableInForceSinceIntroduction('child-support-levy', input.date)
  const parts: { item: HealthPremiumItem; rate: Rate }[] = [
    { item: 'health', rate: kenpo.healthRates[input.prefecture] },
  ]
  if (input.longTermCareInsured) parts.push({ item: 'long-term-care', rate: kenpo.longTermCareRate })
  if (levy) parts.push({ item: 'child-support', rate: levy.rate })

  const rate = addRates(parts.map((p) => p.rate))
  const split = splitPremium({ base: input.base, rate, employeeRate: 'half', rounding: input.rounding })
  const components = parts.map((p) => ({ ...p, totalSen: floorSen(applyRate(input.base, p.rate)) }))
  const names = parts.map((p) => `${ITEM_NAMES_JA[p.item]} ${formatPercent(p.rate)}`).join(' + ')
  return {
    ...split,
    basis: input.basis,
    base: input.base,
    components,
    tableIds: [kenpo.id, ...(levy ? [levy.id] : [])],
    explanationJa:
      `${PREMIUM_BASIS_NAMES_JA[input.basis]}${formatYen(input.base)} × ${formatPercent(rate)} (${names}) = ${formatSen(split.totalSen)}。` +
      `被保険者負担は折半額を${SHARE_ROUNDING_NAMES_JA[input.rounding]}して${formatYen(split.employeeShare)}、事業主負担は残りの${formatSen(split.employerShareSen)}。`,
  }
}
