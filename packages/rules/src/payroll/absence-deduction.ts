import type { Attendance } from './attendance.ts'
import { exactRatio, floorExact, scaleExact } from './exact-amount.ts'
import { formatMinutes } from './format-minutes.ts'
import type { EarningLine } from './payroll-line.ts'
import type { SalaryStructure } from './salary-structure.ts'
import { yenJa } from './yen-text.ts'

/**
 * 欠勤控除 and 遅刻早退控除: the pay for time not worked (ノーワーク・ノーペイ), from the monthly salary
 * and the allowances the 賃金規程 reduces, by the rule it sets (AbsenceRule). Fractions of a yen are
 * dropped, so no more is deducted than the time was worth; the two together never exceed the
 * amounts they reduce. Daily and hourly wages are paid for time worked, so only reduced monthly
 * allowances are involved.
 */
export function absenceDeductionLines(salary: SalaryStructure, attendance: Attendance): EarningLine[] {
  const found = absenceDeductionAmounts(salary, attendance)
  if (found === null) return []
  const reducedItems: string[] = []
  if (salary.basis.kind === 'monthly') reducedItems.push('基本給')
  for (const a of salary.allowances) if (a.reducedForAbsence) reducedItems.push(a.labelJa)
  const reducedNote = `${reducedItems.join('・')}の${yenJa(found.reduced)}`
  const lines: EarningLine[] = []
  if (found.absence > 0) {
    const amount = found.absence
    lines.push({
      code: 'absence-deduction',
      labelJa: '欠勤控除',
      amount: -amount,
      incomeTax: 'taxable',
      explanationJa:
        salary.absenceRule === 'average-month'
          ? `欠勤控除: ${reducedNote} × 欠勤${attendance.absentDays}日 × ${formatMinutes(salary.scheduledMinutesPerDay)} ÷ 月平均所定労働時間${formatMinutes(salary.averageMonthlyScheduledMinutes)} = ${yenJa(amount)} (円未満切捨て)。`
          : `欠勤控除: ${reducedNote} × 欠勤${attendance.absentDays}日 ÷ 当月の所定労働日数${attendance.scheduledDays}日 = ${yenJa(amount)} (円未満切捨て)。`,
    })
  }
  if (found.lateEarly > 0) {
    const amount = found.lateEarly
    lines.push({
      code: 'late-early-deduction',
      labelJa: '遅刻早退控除',
      amount: -amount,
      incomeTax: 'taxable',
      explanationJa: `遅刻早退控除: ${reducedNote} × ${formatMinutes(attendance.lateEarlyMinutes)} ÷ 月平均所定労働時間${formatMinutes(salary.averageMonthlyScheduledMinutes)} = ${yenJa(amount)} (円未満切捨て)。`,
    })
  }
  return lines
}

/**
 * The yen absenceDeductionLines deducts (positive; 0 where no line), or null when nothing the
 * 賃金規程 reduces is paid.
 */
export function absenceDeductionAmounts(
  salary: SalaryStructure,
  attendance: Attendance,
): { reduced: number; absence: number; lateEarly: number } | null {
  let reduced = salary.basis.kind === 'monthly' ? salary.basis.monthlyAmount : 0
  for (const a of salary.allowances) if (a.reducedForAbsence) reduced += a.amount
  if (reduced === 0) return null
  let absence = 0
  if (attendance.absentDays > 0) {
    const exact =
      salary.absenceRule === 'average-month'
        ? scaleExact(
            exactRatio(reduced, salary.averageMonthlyScheduledMinutes),
            attendance.absentDays * salary.scheduledMinutesPerDay,
          )
        : scaleExact(exactRatio(reduced, attendance.scheduledDays), attendance.absentDays)
    absence = Math.min(reduced, floorExact(exact))
  }
  let lateEarly = 0
  if (attendance.lateEarlyMinutes > 0) {
    const exact = scaleExact(
      exactRatio(reduced, salary.averageMonthlyScheduledMinutes),
      attendance.lateEarlyMinutes,
    )
    lateEarly = Math.min(reduced - absence, floorExact(exact))
  }
  return { reduced, absence, lateEarly }
}
