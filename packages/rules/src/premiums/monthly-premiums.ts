import type { PrefectureCode } from '../prefectures/prefecture-codes.ts'
import {
  determineStandardMonthlyRemuneration,
  type StandardMonthlyRemuneration,
} from '../remuneration/standard-monthly-remuneration.ts'
import { type ChildContribution, calculateChildContribution } from './child-contribution.ts'
import { calculateHealthInsurancePremium, type HealthInsurancePremium } from './health-insurance-premium.ts'
import { decideLongTermCare, type LongTermCareDecision, type PersonAge } from './long-term-care-by-person.ts'
import { calculatePensionPremium, type PensionPremium } from './pension-premium.ts'
import type { ShareRounding } from './share-rounding.ts'

export type MonthlyPremiums = {
  readonly health: StandardMonthlyRemuneration
  readonly pension: StandardMonthlyRemuneration
  readonly longTermCare: LongTermCareDecision
  readonly healthInsurance: HealthInsurancePremium
  readonly pensionInsurance: PensionPremium
  readonly childContribution: ChildContribution
  /** 健保 (with 介護, 支援金) + 厚年 deducted from the employee, yen. */
  readonly employeeTotal: number
  readonly explanationJa: string
}

/**
 * A month's social insurance premiums for a 協会けんぽ member from the 報酬月額: both grades, then each
 * premium with its split. 雇用保険 is charged on actual wages, not on the 標準報酬, and is separate
 * (employment-insurance-premium.ts). `date` is a day in the month the premiums are for (〇月分).
 */
export function calculateMonthlyPremiums(input: {
  date: string
  prefecture: PrefectureCode
  remuneration: number
  person: PersonAge
  rounding: ShareRounding
}): MonthlyPremiums {
  const health = determineStandardMonthlyRemuneration({
    insurance: 'health',
    date: input.date,
    remuneration: input.remuneration,
  })
  const pension = determineStandardMonthlyRemuneration({
    insurance: 'pension',
    date: input.date,
    remuneration: input.remuneration,
  })
  const longTermCare = decideLongTermCare(input.person, input.date)
  const healthInsurance = calculateHealthInsurancePremium({
    date: input.date,
    prefecture: input.prefecture,
    basis: 'monthly',
    base: health.standardMonthlyRemuneration,
    longTermCareInsured: longTermCare.insured,
    rounding: input.rounding,
  })
  const pensionInsurance = calculatePensionPremium({
    date: input.date,
    basis: 'monthly',
    base: pension.standardMonthlyRemuneration,
    rounding: input.rounding,
  })
  const childContribution = calculateChildContribution({
    date: input.date,
    basis: 'monthly',
    base: pension.standardMonthlyRemuneration,
  })
  return {
    health,
    pension,
    longTermCare,
    healthInsurance,
    pensionInsurance,
    childContribution,
    employeeTotal: healthInsurance.employeeShare + pensionInsurance.employeeShare,
    explanationJa: [
      health.explanationJa,
      pension.explanationJa,
      longTermCare.explanationJa,
      healthInsurance.explanationJa,
      pensionInsurance.explanationJa,
      childContribution.explanationJa,
    ].join('\n'),
  }
}
