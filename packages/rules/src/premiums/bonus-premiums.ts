import type { PrefectureCode } from '../prefectures/prefecture-codes.ts'
import { determineStandardBonus, type StandardBonus } from '../remuneration/standard-bonus.ts'
import { type ChildContribution, calculateChildContribution } from './child-contribution.ts'
import { calculateHealthInsurancePremium, type HealthInsurancePremium } from './health-insurance-premium.ts'
import { decideLongTermCare, type LongTermCareDecision, type PersonAge } from './long-term-care-by-person.ts'
import { calculatePensionPremium, type PensionPremium } from './pension-premium.ts'
import type { ShareRounding } from './share-rounding.ts'

export type BonusPremiums = {
  readonly standardBonus: StandardBonus
  readonly longTermCare: LongTermCareDecision
  readonly healthInsurance: HealthInsurancePremium
  readonly pensionInsurance: PensionPremium
  readonly childContribution: ChildContribution
  readonly employeeTotal: number
  readonly explanationJa: string
}

/**
 * Premiums on the bonuses paid in one month (健康保険法156条, 厚生年金保険法81条 on the 標準賞与額),
 * with the same rates as that month's monthly premium. `date` is the payment date; the 介護 test
 * uses its month. A second bonus in the same month: call again with the month's total and charge
 * the difference (premiums.md: payments on the same day are rounded as one).
 */
export function calculateBonusPremiums(input: {
  date: string
  prefecture: PrefectureCode
  bonusPaidThisMonth: number
  healthStandardBonusEarlierInFiscalYear: number
  person: PersonAge
  rounding: ShareRounding
}): BonusPremiums {
  const standardBonus = determineStandardBonus(input)
  const longTermCare = decideLongTermCare(input.person, input.date)
  const healthInsurance = calculateHealthInsurancePremium({
    date: input.date,
    prefecture: input.prefecture,
    basis: 'bonus',
    base: standardBonus.healthStandardBonus,
    longTermCareInsured: longTermCare.insured,
    rounding: input.rounding,
  })
  const pensionInsurance = calculatePensionPremium({
    date: input.date,
    basis: 'bonus',
    base: standardBonus.pensionStandardBonus,
    rounding: input.rounding,
  })
  const childContribution = calculateChildContribution({
    date: input.date,
    basis: 'bonus',
    base: standardBonus.pensionStandardBonus,
  })
  return {
    standardBonus,
    longTermCare,
    healthInsurance,
    pensionInsurance,
    childContribution,
    employeeTotal: healthInsurance.employeeShare + pensionInsurance.employeeShare,
    explanationJa: [
      standardBonus.explanationJa,
      longTermCare.explanationJa,
      healthInsurance.explanationJa,
      pensionInsurance.explanationJa,
      childContribution.explanationJa,
    ].join('\n'),
  }
}
