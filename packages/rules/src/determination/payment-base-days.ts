import { RulesError } from '../errors.ts'
import { assertPaymentBaseDays } from './monthly-pay.ts'

/**
 * How a month's 支払基礎日数 is counted, by pay form (filings.md, How 支払基礎日数 is counted;
 * CONFIRMED):
 * - 'monthly' (月給・週給, no deduction for absence): the calendar days of the pay period;
 * - 'daily-monthly' (日給月給, pay cut for absence): the 所定労働日数 minus the days absent;
 * - 'daily-or-hourly' (日給・時給): the days worked, paid leave (有給休暇) included.
 */
export type PaymentBaseDaysBasis =
  | { readonly payForm: 'monthly'; readonly periodCalendarDays: number }
  | { readonly payForm: 'daily-monthly'; readonly scheduledWorkingDays: number; readonly absentDays: number }
  | { readonly payForm: 'daily-or-hourly'; readonly daysWorked: number; readonly paidLeaveDays: number }

export function countPaymentBaseDays(basis: PaymentBaseDaysBasis): number {
  switch (basis.payForm) {
    case 'monthly':
      assertPaymentBaseDays(basis.periodCalendarDays, 'periodCalendarDays')
      return basis.periodCalendarDays
    case 'daily-monthly': {
      assertPaymentBaseDays(basis.scheduledWorkingDays, 'scheduledWorkingDays')
      assertPaymentBaseDays(basis.absentDays, 'absentDays')
      if (basis.absentDays > basis.scheduledWorkingDays) {
        throw new RulesError({
          code: 'ARGUMENT_INVALID',
          message: 'absentDays exceeds scheduledWorkingDays',
          messageJa: '欠勤日数が所定労働日数を超えています。',
          field: 'absentDays',
        })
      }
      return basis.scheduledWorkingDays - basis.absentDays
    }
    case 'daily-or-hourly': {
      assertPaymentBaseDays(basis.daysWorked, 'daysWorked')
      assertPaymentBaseDays(basis.paidLeaveDays, 'paidLeaveDays')
      const days = basis.daysWorked + basis.paidLeaveDays
      assertPaymentBaseDays(days, 'daysWorked')
      return days
    }
  }
}
