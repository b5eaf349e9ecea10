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
  const reducedItems: { labelJa: string; amount: number }[] = []
  if (salary.basis.kind === 'monthly')
    reducedItems.push({ labelJa: '基本給', amount: salary.basis.monthlyAmount })
  for (const a of salary.allowances) if (a.reducedForAbsence) reducedItems.push(a)
  const reduced = reducedItems.reduce((sum, item) => sum + item.amount, 0)
  if (reduced === 0) return []
  const reducedNote = `${reducedItems.map((i) => i.labelJa).join('・')}の${yenJa(reduced)}`
  const lines: EarningLine[] = []
  let deducted = 0
  if (attendance.absentDays > 0) {
    const byAverage = salary.absenceRule === 'average-month'
    const exact = byAverage
      ? scaleExact(
          exactRatio(reduced, salary.averageMonthlyScheduledMinutes),
          attendance.absentDays * salary.scheduledMinutesPerDay,
        )
      : scaleExact(exactRatio(reduced, attendance.scheduledDays), attendance.absentDays)
    const amount = Math.min(reduced, floorExact(exact))
    deducted += amount
    if (amount > 0)
      lines.push({
        code: 'absence-deduction',
        labelJa: '欠勤控除',
        amount: -amount,
        incomeTax: 'taxable',
        explanationJa: byAverage
          ? `欠勤控除: ${reducedNote} × 欠勤${attendance.absentDays}日 × ${formatMinutes(salary.scheduledMinutesPerDay)} ÷ 月平均所定労働時間${formatMinutes(salary.averageMonthlyScheduledMinutes)} = ${yenJa(amount)} (円未満切捨て)。`
          : `欠勤控除: ${reducedNote} × 欠勤${attendance.absentDays}日 ÷ 当月の所定労働日数${attendance.scheduledDays}日 = ${yenJa(amount)} (円未満切捨て)。`,
      })
  }
  if (attendance.lateEarlyMinutes > 0) {
    const exact = scaleExact(
      exactRatio(reduced, salary.averageMonthlyScheduledMinutes),
      attendance.lateEarlyMinutes,
    )
    const amount = Math.min(reduced - deducted, floorExact(exact))
    if (amount > 0)
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
