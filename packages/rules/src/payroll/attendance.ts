import { RulesError } from '../errors.ts'
import { assertCount, MAX_DAYS_IN_MONTH, MAX_MINUTES_IN_MONTH } from './payroll-input-checks.ts'

/**
 * One wage period's attendance (勤怠), in whole days and whole minutes. Minutes are the actual
 * totals: Mamori does not apply the optional rounding of the month's totals to the half hour
 * (昭和63年3月14日基発150号), which is lawful only as a convenience and never needed.
 */
export type Attendance = {
  /** 当月の所定労働日数. */
  readonly scheduledDays: number
  /** 出勤日数; for a daily wage, the days paid. */
  readonly workedDays: number
  /** 欠勤日数 (unpaid). */
  readonly absentDays: number
  /** 有給休暇の取得日数: paid as worked; printed on the payslip. */
  readonly paidLeaveDays: number
  /** For an hourly wage: the minutes paid at the normal rate (所定労働時間内). */
  readonly workedMinutes: number
  /** 遅刻・早退 minutes (unpaid). */
  readonly lateEarlyMinutes: number
  /** 法定内残業: beyond the 所定 hours but within 8 hours a day / 40 a week; no statutory premium. */
  readonly withinStatutoryOvertimeMinutes: number
  /** 法定時間外労働, all of it; the part beyond 60 hours a month is found here. */
  readonly statutoryOvertimeMinutes: number
  /** 深夜労働 (22時〜5時), whether inside normal, overtime or holiday hours. */
  readonly lateNightMinutes: number
  /** 法定休日労働. */
  readonly legalHolidayMinutes: number
}

const DAY_FIELDS = [
  ['scheduledDays', '所定労働日数'],
  ['workedDays', '出勤日数'],
  ['absentDays', '欠勤日数'],
  ['paidLeaveDays', '有給休暇の日数'],
] as const

const MINUTE_FIELDS = [
  ['workedMinutes', '労働時間 (分)'],
  ['lateEarlyMinutes', '遅刻・早退の時間 (分)'],
  ['withinStatutoryOvertimeMinutes', '法定内残業の時間 (分)'],
  ['statutoryOvertimeMinutes', '時間外労働の時間 (分)'],
  ['lateNightMinutes', '深夜労働の時間 (分)'],
  ['legalHolidayMinutes', '休日労働の時間 (分)'],
] as const

export function assertAttendance(attendance: Attendance): void {
  for (const [key, labelJa] of DAY_FIELDS) {
    assertCount(attendance[key], MAX_DAYS_IN_MONTH, `attendance.${key}`, labelJa)
  }
  for (const [key, labelJa] of MINUTE_FIELDS) {
    assertCount(attendance[key], MAX_MINUTES_IN_MONTH, `attendance.${key}`, labelJa)
  }
  if (attendance.absentDays > attendance.scheduledDays) {
    throw new RulesError({
      code: 'ARGUMENT_INVALID',
      message: 'attendance.absentDays exceeds attendance.scheduledDays',
      messageJa: '欠勤日数が所定労働日数を超えています。',
      field: 'attendance.absentDays',
    })
  }
}
