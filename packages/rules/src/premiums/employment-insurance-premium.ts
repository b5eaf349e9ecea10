import { assertYen } from '../money/exact-yen.ts'
import { formatSen, formatYen } from '../money/format.ts'
import { addRates, formatPercent } from '../money/rate.ts'
import {
  EMPLOYMENT_INSURANCE_BUSINESS_TYPE_NAMES_JA,
  type EmploymentInsuranceBusinessType,
} from '../tables/employment-insurance-rates/employment-insurance-rate-table.ts'
import { findTableInForce } from '../tables/find-table-in-force.ts'
import { SHARE_ROUNDING_NAMES_JA, type ShareRounding } from './share-rounding.ts'
import { type SplitPremium, splitPremium } from './split-premium.ts'

export type EmploymentInsurancePremium = SplitPremium & {
  readonly wages: number
  readonly businessType: EmploymentInsuranceBusinessType
  readonly tableId: string
  readonly explanationJa: string
}

/**
 * 雇用保険料 on the wages actually paid (賃金総額: every item the law counts as 賃金, including
 * 通勤手当 and bonuses; no standard amount, no ¥1,000 truncation, no cap). The employee pays the
 * worker rate, rounded by the establishment's rule; the employer bears the rest of the total rate
 * (its share is settled for the year at the 年度更新). `date` is the wage's 賃金締切日 (a bonus: its
 * payment date), which picks the 労働保険年度.
 */
export function calculateEmploymentInsurancePremium(input: {
  date: string
  wages: number
  businessType: EmploymentInsuranceBusinessType
  rounding: ShareRounding
}): EmploymentInsurancePremium {
  assertYen(input.wages, 'wages')
  const table = findTableInForce('employment-insurance-rates', input.date)
  const rates = table.rates[input.businessType]
  const rate = addRates([rates.worker, rates.employer])
  const split = splitPremium({
    base: input.wages,
    rate,
    employeeRate: rates.worker,
    rounding: input.rounding,
  })
  return {
    ...split,
    wages: input.wages,
    businessType: input.businessType,
    tableId: table.id,
    explanationJa:
      `雇用保険料 (${EMPLOYMENT_INSURANCE_BUSINESS_TYPE_NAMES_JA[input.businessType]}、${table.titleJa}): 賃金${formatYen(input.wages)} × 労働者負担${formatPercent(rates.worker)}を${SHARE_ROUNDING_NAMES_JA[input.rounding]}して${formatYen(split.employeeShare)}。` +
      `全体 ${formatPercent(rate)} で${formatSen(split.totalSen)}、事業主負担は残りの${formatSen(split.employerShareSen)}。`,
  }
}
