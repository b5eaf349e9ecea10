import { formatPercent, type Rate } from '../money/rate.ts'
import { findTableInForce } from '../tables/find-table-in-force.ts'
import type { PremiumWageRateTable } from '../tables/premium-wage-rates/premium-wage-rate-table.ts'
import type { Attendance } from './attendance.ts'
import { type ExactAmount, roundHalfUpExact, scaleExact } from './exact-amount.ts'
import { formatMinutes } from './format-minutes.ts'
import type { EarningCode, EarningLine } from './payroll-line.ts'
import type { PremiumWageBase } from './premium-wage-base.ts'
import { yenJa } from './yen-text.ts'

export type PremiumPay = {
  readonly lines: readonly EarningLine[]
  readonly tableId: string
}

/** A category of 割増賃金 as the table sets it; the minutes come from the attendance. */
type Category = {
  code: EarningCode
  labelJa: string
  minutesOf: (a: Attendance, withinThreshold: number) => number
  /** The multiple of the hourly wage paid: 1 + premium, or the premium alone for 深夜. */
  factor: Rate
  factorNoteJa: string
}

function plus(rate: Rate): Rate {
  return { numerator: rate.denominator + rate.numerator, denominator: rate.denominator }
}

const ONE: Rate = { numerator: 1, denominator: 1 }

function amountOf(perMinute: ExactAmount, minutes: number, factor: Rate): number {
  return roundHalfUpExact(scaleExact(scaleExact(perMinute, minutes), factor.numerator, factor.denominator))
}

/** The categories of a table, built once per table: a payroll run pays thousands with the same. */
const CATEGORIES = new WeakMap<PremiumWageRateTable, readonly Category[]>()

function categoriesOf(table: PremiumWageRateTable): readonly Category[] {
  const known = CATEGORIES.get(table)
  if (known) return known
  const categories: Category[] = [
    {
      code: 'within-statutory-overtime',
      labelJa: '法定内残業手当',
      minutesOf: (a) => a.withinStatutoryOvertimeMinutes,
      factor: ONE,
      factorNoteJa: '100%',
    },
    {
      code: 'overtime',
      labelJa: '時間外労働手当',
      minutesOf: (_, withinThreshold) => withinThreshold,
      factor: plus(table.overtime),
      factorNoteJa: `100% + 割増${formatPercent(table.overtime)}`,
    },
    {
      code: 'overtime-beyond-threshold',
      labelJa: '時間外労働手当(60h超)',
      minutesOf: (a, withinThreshold) => a.statutoryOvertimeMinutes - withinThreshold,
      factor: plus(table.overtimeBeyondThreshold),
      factorNoteJa: `100% + 割増${formatPercent(table.overtimeBeyondThreshold)} (月${formatMinutes(table.overtimeThresholdMinutes)}を超える部分)`,
    },
    {
      code: 'legal-holiday',
      labelJa: '休日労働手当',
      minutesOf: (a) => a.legalHolidayMinutes,
      factor: plus(table.legalHoliday),
      factorNoteJa: `100% + 割増${formatPercent(table.legalHoliday)}`,
    },
    {
      code: 'late-night',
      labelJa: '深夜労働手当',
      minutesOf: (a) => a.lateNightMinutes,
      factor: table.lateNight,
      factorNoteJa: `割増${formatPercent(table.lateNight)}のみ (通常の賃金は労働時間として別に支払済み)`,
    },
  ]
  CATEGORIES.set(table, categories)
  return categories
}

/** Each category worked in the month with its minutes and amount, in payslip order. */
export function premiumPayAmounts(
  table: PremiumWageRateTable,
  perMinute: ExactAmount,
  attendance: Attendance,
): { code: EarningCode; labelJa: string; minutes: number; amount: number; factorNoteJa: string }[] {
  const withinThreshold = Math.min(attendance.statutoryOvertimeMinutes, table.overtimeThresholdMinutes)
  const worked = []
  for (const c of categoriesOf(table)) {
    const minutes = c.minutesOf(attendance, withinThreshold)
    if (minutes === 0) continue
    worked.push({
      code: c.code,
      labelJa: c.labelJa,
      minutes,
      amount: amountOf(perMinute, minutes, c.factor),
      factorNoteJa: c.factorNoteJa,
    })
  }
  return worked
}

/**
 * 割増賃金 at the statutory minimum rates of the table in force on the 賃金締切日
 * (premium-wage-rates): 時間外 125% up to 60 hours a month and 150% beyond, 法定休日 135%, 深夜 +25%
 * on top of whichever applies; 法定内残業 at 100% (owed as wages, no premium). Each category's month
 * total is rounded 50銭未満切捨て・50銭以上切上げ (昭和63年3月14日基発150号).
 */
export function calculatePremiumPay(input: {
  periodEndDate: string
  base: PremiumWageBase
  attendance: Attendance
}): PremiumPay {
  const table = findTableInForce('statutory-premium-wage-rates', input.periodEndDate)
  const lines: EarningLine[] = []
  for (const c of premiumPayAmounts(table, input.base.perMinute, input.attendance)) {
    lines.push({
      code: c.code,
      labelJa: c.labelJa,
      amount: c.amount,
      incomeTax: 'taxable',
      explanationJa: `${c.labelJa}: 1時間当たりの賃金 × ${formatMinutes(c.minutes)} × ${c.factorNoteJa} = ${yenJa(c.amount)} (${table.titleJa}、円未満四捨五入)。${input.base.explanationJa}`,
    })
  }
  return { lines, tableId: table.id }
}
