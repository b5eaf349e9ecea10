import { RulesError } from '../errors.ts'
import { assertYen } from '../money/exact-yen.ts'

/**
 * One month's 報酬 as the 算定基礎届 and 月額変更届 report it: what was paid in the month (by
 * payment date, not the period worked; filings.md), cash and in kind together, with its
 * 支払基礎日数. `retroactivePay` is the 遡及支払額 inside `remuneration`: back pay for earlier
 * periods, which is taken out before averaging (filings.md: 修正平均額 for the 算定; the
 * back-pay portion for the 月変, kiyonari-office.com).
 */
export type MonthlyPay = {
  readonly paymentBaseDays: number
  readonly remuneration: number
  readonly retroactivePay?: number | undefined
}

/** 支払基礎日数 is a whole number of days within one month's pay period. */
export function assertPaymentBaseDays(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > 31) {
    throw new RulesError({
      code: 'ARGUMENT_INVALID',
      message: `${field} must be a whole number of days from 0 to 31`,
      messageJa: '支払基礎日数は 0 以上 31 以下の整数(日)で指定してください。',
      field,
    })
  }
}

/** Checks one month and returns the 報酬 that enters the average (遡及支払額 taken out). */
export function remunerationForAverage(pay: MonthlyPay, field: string): number {
  assertPaymentBaseDays(pay.paymentBaseDays, `${field}.paymentBaseDays`)
  assertYen(pay.remuneration, `${field}.remuneration`)
  const retroactive = pay.retroactivePay ?? 0
  assertYen(retroactive, `${field}.retroactivePay`)
  if (retroactive > pay.remuneration) {
    throw new RulesError({
      code: 'AMOUNT_INVALID',
      message: `${field}.retroactivePay exceeds the month's remuneration`,
      messageJa: '遡及支払額がその月の報酬の総額を超えています。',
      field: `${field}.retroactivePay`,
    })
  }
  return pay.remuneration - retroactive
}

/**
 * 報酬月額 = the total over the months used ÷ their number, fractions of ¥1 dropped (filings.md,
 * Computing the 報酬月額; kirico income_average). Precondition: at least one amount.
 */
export function averageRemuneration(amounts: readonly number[]): number {
  const total = amounts.reduce((sum, a) => sum + a, 0)
  return (total - (total % amounts.length)) / amounts.length
}

/** 3 months of pay, checked for count: both 届 take exactly three. */
export function assertThreeMonths(months: readonly MonthlyPay[], field: string): void {
  if (months.length !== 3) {
    throw new RulesError({
      code: 'ARGUMENT_INVALID',
      message: `${field} must hold exactly three months`,
      messageJa: '報酬は3か月分を順に指定してください。',
      field,
    })
  }
}
