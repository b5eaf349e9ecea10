import type { Prng } from './prng.ts'
import type { EmploymentType, Relationship, SyntheticEmployee } from './types.ts'

/**
 * Plausible, not statutory, amounts for synthetic people: they only need to spread across the
 * brackets that payroll and 被扶養者 checks care about (standard-remuneration.md, filings.md).
 */

const WEEKLY_HOURS_REGULAR: readonly number[] = [40, 40, 40, 38, 37.5]
const WEEKLY_HOURS_CONTRACT: readonly number[] = [40, 35, 30]

export function employmentTerms(
  prng: Prng,
  type: EmploymentType,
  age: number,
): Pick<SyntheticEmployee, 'weeklyHours' | 'monthlySalary'> {
  if (type === 'part-time') {
    const weeklyHours = prng.intBetween(10, 30)
    const hourlyWage = prng.intBetween(1100, 1800)
    // Hours a week × 52 weeks ÷ 12 months, whole yen.
    return { weeklyHours, monthlySalary: Math.floor((hourlyWage * weeklyHours * 52) / 12) }
  }
  const years = Math.min(Math.max(age - 22, 0), 33)
  const base = type === 'regular' ? 200_000 + years * 7_000 : 180_000 + years * 3_000
  const spreadPercent = prng.intBetween(-15, 15)
  return {
    weeklyHours: prng.pick(type === 'regular' ? WEEKLY_HOURS_REGULAR : WEEKLY_HOURS_CONTRACT),
    monthlySalary: Math.max(170_000, Math.round((base * (100 + spreadPercent)) / 100_000) * 1000),
  }
}

/** Yearly income in yen: a spouse's spreads around the 130万円 被扶養者 line. */
export function annualIncome(prng: Prng, kind: Relationship, age: number): number {
  const tenThousands = (min: number, max: number) => prng.intBetween(min, max) * 10_000
  if (kind === 'parent') {
    return tenThousands(60, 200)
  }
  if (kind === 'child') {
    return age >= 16 && prng.chance(0.3) ? tenThousands(0, 120) : 0
  }
  const draw = prng.int(10)
  return draw < 4 ? 0 : draw < 8 ? tenThousands(0, 129) : tenThousands(130, 200)
}
