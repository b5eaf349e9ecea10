import { formatPercent, type Rate } from '../money/rate.ts'
import { findTableInForce } from '../tables/find-table-in-force.ts'
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

type Category = {
  code: EarningCode
  labelJa: string
  minutes: number
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
  const a = input.attendance
  const withinThreshold = Math.min(a.statutoryOvertimeMinutes, table.overtimeThresholdMinutes)
  const beyondThreshold = a.statutoryOvertimeMinutes - withinThreshold
  const categories: Category[] = [
    {
      code: 'within-statutory-overtime',
      labelJa: '法定内残業手当',
      minutes: a.withinStatutoryOvertimeMinutes,
      factor: ONE,
      factorNoteJa: '100%',
    },
    {
      code: 'overtime',
      labelJa: '時間外労働手当',
      minutes: withinThreshold,
      factor: plus(table.overtime),
      factorNoteJa: `100% + 割増${formatPercent(table.overtime)}`,
    },
    {
      code: 'overtime-beyond-threshold',
      labelJa: '時間外労働手当(60h超)',
      minutes: beyondThreshold,
      factor: plus(table.overtimeBeyondThreshold),
      factorNoteJa: `100% + 割増${formatPercent(table.overtimeBeyondThreshold)} (月${formatMinutes(table.overtimeThresholdMinutes)}を超える部分)`,
    },
    {
      code: 'legal-holiday',
      labelJa: '休日労働手当',
      minutes: a.legalHolidayMinutes,
      factor: plus(table.legalHoliday),
      factorNoteJa: `100% + 割増${formatPercent(table.legalHoliday)}`,
    },
    {
      code: 'late-night',
      labelJa: '深夜労働手当',
      minutes: a.lateNightMinutes,
      factor: table.lateNight,
      factorNoteJa: `割増${formatPercent(table.lateNight)}のみ (通常の賃金は労働時間として別に支払済み)`,
    },
  ]
  const lines: EarningLine[] = []
  for (const c of categories) {
    if (c.minutes === 0) continue
    const amount = amountOf(input.base.perMinute, c.minutes, c.factor)
    lines.push({
      code: c.code,
      labelJa: c.labelJa,
      amount,
      incomeTax: 'taxable',
      explanationJa: `${c.labelJa}: 1時間当たりの賃金 × ${formatMinutes(c.minutes)} × ${c.factorNoteJa} = ${yenJa(amount)} (${table.titleJa}、円未満四捨五入)。${input.base.explanationJa}`,
    })
  }
  return { lines, tableId: table.id }
}
