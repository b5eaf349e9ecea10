import { findGrade, findGradeByStandardAmount } from '../remuneration/find-grade.ts'
import type { SocialInsurance } from '../remuneration/standard-monthly-remuneration.ts'
import { findTableInForce } from '../tables/find-table-in-force.ts'
import type { Grade, GradeTable } from '../tables/standard-remuneration/grade-table.ts'

export const INSURANCE_NAMES_JA: Readonly<Record<SocialInsurance, string>> = {
  health: '健康保険',
  pension: '厚生年金保険',
}

export const SOCIAL_INSURANCES: readonly SocialInsurance[] = ['health', 'pension']

/** The 標準報酬月額 table of one insurance in force on `date` (健保法40条, 厚年法20条). */
export function gradeTableFor(insurance: SocialInsurance, date: string): GradeTable {
  return findTableInForce(
    insurance === 'health' ? 'health-standard-remuneration' : 'pension-standard-remuneration',
    date,
  )
}

/** The grade a 報酬月額 falls in, with its table. */
export function gradeForRemuneration(
  insurance: SocialInsurance,
  date: string,
  remuneration: number,
): { table: GradeTable; grade: Grade } {
  const table = gradeTableFor(insurance, date)
  return { table, grade: findGrade(table, remuneration) }
}

/** The grade of a person's current 標準報酬月額; an amount that is no grade's is refused. */
export function gradeForStandardAmount(
  insurance: SocialInsurance,
  date: string,
  standardAmount: number,
  field: string,
): { table: GradeTable; grade: Grade } {
  const table = gradeTableFor(insurance, date)
  return { table, grade: findGradeByStandardAmount(table, standardAmount, field) }
}
