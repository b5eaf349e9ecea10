import type { Attendance } from './attendance.ts'
import { ceilExact, exactRatio, scaleExact } from './exact-amount.ts'
import { formatMinutes } from './format-minutes.ts'
import type { EarningLine } from './payroll-line.ts'
import type { SalaryStructure } from './salary-structure.ts'
import { yenJa } from './yen-text.ts'

/**
 * 基本給 for the period. A monthly salary is paid as set (absence is deducted separately, as the
 * 賃金規程 says); a daily wage for the days worked plus days of 年次有給休暇; an hourly wage for the
 * minutes worked plus each leave day at the 所定労働時間 (労働基準法39条9項, 通常の賃金). An hourly
 * total with a fraction of a yen is rounded up, so the worker is never paid less than earned.
 */
export function basePayLine(salary: SalaryStructure, attendance: Attendance): EarningLine {
  const basis = salary.basis
  const amount = basePayAmount(salary, attendance)
  if (basis.kind === 'monthly') {
    return {
      code: 'base-pay',
      labelJa: '基本給',
      amount,
      incomeTax: 'taxable',
      explanationJa: `基本給: 月給${yenJa(basis.monthlyAmount)}。`,
    }
  }
  const leave = attendance.paidLeaveDays
  const leaveNote = leave > 0 ? ` (有給休暇${leave}日を含む)` : ''
  if (basis.kind === 'daily') {
    const days = attendance.workedDays + leave
    return {
      code: 'base-pay',
      labelJa: '基本給',
      amount,
      incomeTax: 'taxable',
      explanationJa: `基本給: 日給${yenJa(basis.dailyAmount)} × ${days}日${leaveNote} = ${yenJa(amount)}。`,
    }
  }
  const minutes = attendance.workedMinutes + leave * salary.scheduledMinutesPerDay
  return {
    code: 'base-pay',
    labelJa: '基本給',
    amount,
    incomeTax: 'taxable',
    explanationJa: `基本給: 時給${yenJa(basis.hourlyAmount)} × ${formatMinutes(minutes)}${leaveNote} = ${yenJa(amount)} (円未満切上げ)。`,
  }
}

/** The amount of basePayLine alone. */
export function basePayAmount(salary: SalaryStructure, attendance: Attendance): number {
  const basis = salary.basis
  if (basis.kind === 'monthly') return basis.monthlyAmount
  if (basis.kind === 'daily') return basis.dailyAmount * (attendance.workedDays + attendance.paidLeaveDays)
  const minutes = attendance.workedMinutes + attendance.paidLeaveDays * salary.scheduledMinutesPerDay
  return ceilExact(scaleExact(exactRatio(basis.hourlyAmount, 60), minutes))
}
