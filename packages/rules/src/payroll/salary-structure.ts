import { RulesError } from '../errors.ts'
import { assertYen } from '../money/exact-yen.ts'
import {
  assertCount,
  assertItem,
  assertPositiveCount,
  assertUniqueCodes,
  MAX_MINUTES_IN_MONTH,
} from './payroll-input-checks.ts'

/** How the base pay is set: a month's salary, a day's wage times days worked, or an hour's wage. */
export type PayBasis =
  | { readonly kind: 'monthly'; readonly monthlyAmount: number }
  | { readonly kind: 'daily'; readonly dailyAmount: number }
  | { readonly kind: 'hourly'; readonly hourlyAmount: number }

/**
 * The wages 労働基準法37条5項 and 施行規則21条 leave out of the 割増賃金の基礎 (besides 通勤手当, which
 * is its own input). The list is closed, and it goes by substance, not name: a 家族手当 or 住宅手当
 * paid at one flat amount to everyone is *included* (平成11年3月31日基発170号). The employer decides
 * which applies; Mamori only applies it.
 */
export type PremiumBaseExclusion =
  | 'family'
  | 'separation'
  | 'child-education'
  | 'housing'
  | 'temporary'
  | 'over-one-month'

export const PREMIUM_BASE_EXCLUSION_NAMES_JA: Readonly<Record<PremiumBaseExclusion, string>> = {
  family: '家族手当',
  separation: '別居手当',
  'child-education': '子女教育手当',
  housing: '住宅手当',
  temporary: '臨時に支払われた賃金',
  'over-one-month': '1か月を超える期間ごとに支払われる賃金',
}

/** A fixed monthly allowance (役職手当, 家族手当, 住宅手当 …). */
export type FixedAllowance = {
  /** The employer's stable item code; the payslip line is `allowance:<code>`. */
  readonly code: string
  readonly labelJa: string
  readonly amount: number
  /** 所得税: most allowances are taxed; a 非課税 one is left out of the pay withheld on. */
  readonly incomeTax: 'taxable' | 'non-taxable'
  readonly premiumBase: 'included' | PremiumBaseExclusion
  /** Whether 欠勤控除 and 遅刻早退控除 reduce it, as the 賃金規程 says. */
  readonly reducedForAbsence: boolean
}

/**
 * 通勤手当 for the month and how the employee commutes, which sets its 非課税限度額: a transit fare
 * (交通機関・有料道路の1か月当たりの合理的な運賃等の額), a one-way distance by car or bicycle, or both.
 */
export type CommutingAllowance = {
  readonly amount: number
  readonly transitMonthlyFare: number | null
  readonly vehicleOneWayMeters: number | null
  /** 駐車場等の利用料 that qualifies for the addition from 令和8年4月; ignored before. */
  readonly parkingMonthlyFee: number | null
}

/** 欠勤控除: what one day of absence is worth, as the 賃金規程 says. */
export type AbsenceRule =
  /** reduced pay × absent minutes ÷ 月平均所定労働時間 (a day counts as `scheduledMinutesPerDay`). */
  | 'average-month'
  /** reduced pay × absent days ÷ that month's 所定労働日数. */
  | 'days-of-this-month'

export type SalaryStructure = {
  readonly basis: PayBasis
  readonly allowances: readonly FixedAllowance[]
  readonly commuting: CommutingAllowance | null
  /**
   * 1か月平均所定労働時間 in minutes (労働基準法施行規則19条1項4号): the divisor of monthly amounts for
   * the 割増賃金の基礎 and for 遅刻早退控除.
   */
  readonly averageMonthlyScheduledMinutes: number
  /** 1日の所定労働時間 in minutes: the divisor of a daily wage (19条1項3号) and one day of absence. */
  readonly scheduledMinutesPerDay: number
  readonly absenceRule: AbsenceRule
}

export function assertSalaryStructure(salary: SalaryStructure): void {
  const basis = salary.basis
  if (basis.kind === 'monthly') assertYen(basis.monthlyAmount, 'salary.basis.monthlyAmount')
  else if (basis.kind === 'daily') assertYen(basis.dailyAmount, 'salary.basis.dailyAmount')
  else if (basis.kind === 'hourly') assertYen(basis.hourlyAmount, 'salary.basis.hourlyAmount')
  else {
    throw new RulesError({
      code: 'ARGUMENT_INVALID',
      message: 'salary.basis.kind must be monthly, daily or hourly',
      messageJa: '給与形態は月給・日給・時給のいずれかで指定してください。',
      field: 'salary.basis.kind',
    })
  }
  for (const [index, allowance] of salary.allowances.entries()) {
    const field = `salary.allowances[${index}]`
    assertItem(allowance, field)
    assertYen(allowance.amount, `${field}.amount`)
  }
  assertUniqueCodes(salary.allowances, 'salary.allowances')
  assertPositiveCount(
    salary.averageMonthlyScheduledMinutes,
    MAX_MINUTES_IN_MONTH,
    'salary.averageMonthlyScheduledMinutes',
    '1か月平均所定労働時間 (分)',
  )
  assertPositiveCount(
    salary.scheduledMinutesPerDay,
    24 * 60,
    'salary.scheduledMinutesPerDay',
    '1日の所定労働時間 (分)',
  )
  const commuting = salary.commuting
  if (commuting) {
    assertYen(commuting.amount, 'salary.commuting.amount')
    if (commuting.transitMonthlyFare !== null) {
      assertYen(commuting.transitMonthlyFare, 'salary.commuting.transitMonthlyFare')
    }
    if (commuting.vehicleOneWayMeters !== null) {
      assertCount(
        commuting.vehicleOneWayMeters,
        1_000_000,
        'salary.commuting.vehicleOneWayMeters',
        '交通用具の片道の通勤距離 (メートル)',
      )
    }
    if (commuting.parkingMonthlyFee !== null) {
      assertYen(commuting.parkingMonthlyFee, 'salary.commuting.parkingMonthlyFee')
    }
  }
}
