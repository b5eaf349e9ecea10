import { RulesError } from '../errors.ts'
import { assertYen } from '../money/exact-yen.ts'
import type { Grade, GradeTable } from '../tables/standard-remuneration/grade-table.ts'

/** The row with from ≤ 報酬月額 < to (standard-remuneration.md, Rule). */
export function findGrade(table: GradeTable, remuneration: number): Grade {
  assertYen(remuneration, 'remuneration')
  const found = table.grades.find((g) => g.from <= remuneration && (g.to === null || remuneration < g.to))
  // Unreachable while the table starts at 0 and is contiguous (grade-tables.test.ts checks both).
  if (!found) throw new Error(`Grade table ${table.id} does not cover every amount`)
  return found
}

/** The grade whose 標準報酬月額 is exactly `standardAmount`; anything else is not a 標準報酬月額. */
export function findGradeByStandardAmount(table: GradeTable, standardAmount: number, field: string): Grade {
  const found = table.grades.find((g) => g.standardAmount === standardAmount)
  if (!found) {
    throw new RulesError({
      code: 'AMOUNT_INVALID',
      message: `${field} is not a standard monthly remuneration of ${table.id}`,
      messageJa: `${field} は${table.titleJa}のどの等級の標準報酬月額でもありません。`,
      field,
    })
  }
  return found
}
