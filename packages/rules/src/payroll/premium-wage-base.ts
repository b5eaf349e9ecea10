import {
  addExact,
  type ExactAmount,
  exactRatio,
  floorSenExact,
  scaleExact,
  ZERO_AMOUNT,
} from './exact-amount.ts'
import { formatMinutes } from './format-minutes.ts'
import { PREMIUM_BASE_EXCLUSION_NAMES_JA, type SalaryStructure } from './salary-structure.ts'
import { senJa, yenJa } from './yen-text.ts'

export type PremiumWageBase = {
  /** 割増賃金の基礎となる賃金 per minute, exactly. */
  readonly perMinute: ExactAmount
  readonly explanationJa: string
}

/**
 * 通常の労働時間の賃金 for one hour (労働基準法施行規則19条): a monthly salary and monthly allowances
 * divided by the 1か月平均所定労働時間, a daily wage by the 1日の所定労働時間, an hourly wage as it is,
 * added together (19条1項7号). Left out: 通勤手当 and the allowances marked as excluded (37条5項,
 * 施行規則21条). Kept exact per minute; only each month's premium is rounded.
 */
export function premiumWageBase(salary: SalaryStructure): PremiumWageBase {
  const parts: string[] = []
  const perMinute = premiumWagePerMinute(salary)
  const basis = salary.basis
  if (basis.kind === 'monthly') {
    parts.push(
      `月給${yenJa(basis.monthlyAmount)} ÷ 月平均所定労働時間${formatMinutes(salary.averageMonthlyScheduledMinutes)}`,
    )
  } else if (basis.kind === 'daily') {
    parts.push(
      `日給${yenJa(basis.dailyAmount)} ÷ 1日の所定労働時間${formatMinutes(salary.scheduledMinutesPerDay)}`,
    )
  } else {
    parts.push(`時給${yenJa(basis.hourlyAmount)}`)
  }
  const included = salary.allowances.filter((a) => a.premiumBase === 'included')
  const includedTotal = included.reduce((sum, a) => sum + a.amount, 0)
  if (includedTotal > 0) {
    parts.push(
      `手当 (${included.map((a) => a.labelJa).join('・')}) ${yenJa(includedTotal)} ÷ 月平均所定労働時間${formatMinutes(salary.averageMonthlyScheduledMinutes)}`,
    )
  }
  const excluded: string[] = []
  for (const a of salary.allowances) {
    if (a.premiumBase === 'included') continue
    const kind = PREMIUM_BASE_EXCLUSION_NAMES_JA[a.premiumBase]
    excluded.push(kind === a.labelJa ? kind : `${a.labelJa} (${kind})`)
  }
  if (salary.commuting) excluded.push('通勤手当')
  const hourlySen = floorSenExact(scaleExact(perMinute, 60))
  return {
    perMinute,
    explanationJa:
      `割増賃金の基礎となる1時間当たりの賃金: ${parts.join(' + ')} = ${senJa(hourlySen)} (銭未満切捨てで表示、計算は端数なし)。` +
      (excluded.length > 0 ? `基礎に算入しない賃金 (労働基準法37条5項): ${excluded.join('、')}。` : ''),
  }
}

/** The per-minute amount of premiumWageBase alone. */
export function premiumWagePerMinute(salary: SalaryStructure): ExactAmount {
  const basis = salary.basis
  let perMinute =
    basis.kind === 'monthly'
      ? addExact(ZERO_AMOUNT, exactRatio(basis.monthlyAmount, salary.averageMonthlyScheduledMinutes))
      : basis.kind === 'daily'
        ? addExact(ZERO_AMOUNT, exactRatio(basis.dailyAmount, salary.scheduledMinutesPerDay))
        : addExact(ZERO_AMOUNT, exactRatio(basis.hourlyAmount, 60))
  let includedTotal = 0
  for (const a of salary.allowances) if (a.premiumBase === 'included') includedTotal += a.amount
  if (includedTotal > 0) {
    perMinute = addExact(perMinute, exactRatio(includedTotal, salary.averageMonthlyScheduledMinutes))
  }
  return perMinute
}
