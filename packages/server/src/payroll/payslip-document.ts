import { toWareki } from '@mamori/rules/calendar/wareki.ts'
import type { Attendance } from '@mamori/rules/payroll/attendance.ts'
import { formatMinutes } from '@mamori/rules/payroll/format-minutes.ts'
import type { DeductionLine, EarningLine, PayrollTotals } from '@mamori/rules/payroll/payroll-line.ts'
import { formatPremiumMonthJa } from '@mamori/rules/payroll/social-insurance-month.ts'
import { groupDigits } from '@mamori/rules/payroll/yen-text.ts'

/**
 * What a 給与明細 / 賞与明細 shows: who pays whom, when, and the calculated lines. By construction it
 * has no field for a 個人番号: a payslip is not a document the law lets carry one
 * (packages/vault/src/policy), so none can reach the PDF or CSV.
 */
export type PayslipDocument = {
  readonly employerName: string
  readonly employeeName: string
  /** 社員番号, the employer's own; never a 個人番号 or 基礎年金番号. */
  readonly employeeCode: string
  /** e.g. 令和8年5月分; the wage period as the employer names it. */
  readonly periodLabelJa: string
  readonly payroll: PayslipPayroll
  /** Printed for a monthly payslip; a bonus has none. */
  readonly attendance: Attendance | null
}

/**
 * The part of a calculation a payslip prints: a MonthlyPayroll or BonusPayroll as calculated, or a
 * stored payslip (payslip-row.ts), which keeps the lines without their explanations.
 */
export type PayslipPayroll = {
  readonly paymentDate: string
  readonly earnings: readonly Omit<EarningLine, 'explanationJa'>[]
  readonly deductions: readonly Omit<DeductionLine, 'explanationJa'>[]
  readonly totals: PayrollTotals
} & ({ readonly kind: 'monthly'; readonly premiumMonth: string } | { readonly kind: 'bonus' })

export function payslipTitleJa(document: PayslipDocument): string {
  return document.payroll.kind === 'monthly' ? '給与明細書' : '賞与明細書'
}

/** 'YYYY-MM-DD' → 令和8年5月25日. */
export function warekiDateJa(isoDate: string): string {
  return toWareki(isoDate).formatted
}

export function yenText(amount: number): string {
  return groupDigits(amount)
}

/** The 勤怠 items of a monthly payslip, label and value. */
export function attendanceRows(attendance: Attendance): [string, string][] {
  return [
    ['所定労働日数', `${attendance.scheduledDays}日`],
    ['出勤日数', `${attendance.workedDays}日`],
    ['有給休暇', `${attendance.paidLeaveDays}日`],
    ['欠勤日数', `${attendance.absentDays}日`],
    ['遅刻早退', formatMinutes(attendance.lateEarlyMinutes)],
    ['法定内残業', formatMinutes(attendance.withinStatutoryOvertimeMinutes)],
    ['時間外労働', formatMinutes(attendance.statutoryOvertimeMinutes)],
    ['深夜労働', formatMinutes(attendance.lateNightMinutes)],
    ['休日労働', formatMinutes(attendance.legalHolidayMinutes)],
  ]
}

/** A note under the totals: which month's 社会保険料 a monthly payslip deducts. */
export function premiumMonthNoteJa(document: PayslipDocument): string | null {
  const payroll = document.payroll
  if (payroll.kind !== 'monthly') return null
  return `社会保険料は${formatPremiumMonthJa(payroll.premiumMonth)}です。`
}
