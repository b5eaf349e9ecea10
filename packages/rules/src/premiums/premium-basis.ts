import { RulesError } from '../errors.ts'
import { assertYen } from '../money/exact-yen.ts'
import { findGradeByStandardAmount } from '../remuneration/find-grade.ts'
import { findTableInForce } from '../tables/find-table-in-force.ts'

/**
 * What a premium is charged on: the 標準報酬月額 (a grade amount of the table in force) for the
 * monthly premium, or a 標準賞与額 (whole thousands, capped) for a bonus.
 */
export type PremiumBasis = 'monthly' | 'bonus'

export const PREMIUM_BASIS_NAMES_JA: Readonly<Record<PremiumBasis, string>> = {
  monthly: '標準報酬月額',
  bonus: '標準賞与額',
}

/** Refuses a base that cannot be a 標準報酬月額 / 標準賞与額 of that insurance on that date. */
export function assertPremiumBase(input: {
  insurance: 'health' | 'pension'
  basis: PremiumBasis
  base: number
  date: string
}): void {
  assertYen(input.base, 'base')
  if (input.basis === 'monthly') {
    const kind =
      input.insurance === 'health' ? 'health-standard-remuneration' : 'pension-standard-remuneration'
    findGradeByStandardAmount(findTableInForce(kind, input.date), input.base, 'base')
    return
  }
  const caps = findTableInForce('standard-bonus-caps', input.date)
  const cap = input.insurance === 'health' ? caps.healthAnnualCap : caps.pensionMonthlyCap
  if (input.base % caps.truncationUnit !== 0 || input.base > cap) {
    throw new RulesError({
      code: 'AMOUNT_INVALID',
      message: 'A standard bonus is whole thousands of yen within its cap',
      messageJa: `標準賞与額は1,000円単位で、上限 (${cap.toLocaleString('ja-JP')}円) 以下の金額で指定してください。`,
      field: 'base',
    })
  }
}
