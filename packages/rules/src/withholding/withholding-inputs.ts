import { RulesError } from '../errors.ts'
import { assertYen } from '../money/exact-yen.ts'

/** 扶養親族等の数 as declared on the 扶養控除等申告書 (withholding.md, Table 2): 0 or more. */
export function assertDependents(value: number, field = 'dependents'): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > 99) {
    throw new RulesError({
      code: 'ARGUMENT_INVALID',
      message: `${field} must be a whole number from 0 to 99`,
      messageJa: '扶養親族等の数は 0 以上 99 以下の整数で指定してください。',
      field,
    })
  }
}

/**
 * その月の社会保険料等控除後の給与等の金額: pay minus the 社会保険料等 deducted from it (健保, 介護,
 * 厚年, 雇用, 支援金). Social insurance above the pay leaves nothing to tax, so the amount is 0.
 */
export function amountAfterSocialInsurance(
  pay: number,
  socialInsurance: number,
  fields: { pay: string; socialInsurance: string } = { pay: 'pay', socialInsurance: 'socialInsurance' },
): number {
  assertYen(pay, fields.pay)
  assertYen(socialInsurance, fields.socialInsurance)
  return Math.max(0, pay - socialInsurance)
}
