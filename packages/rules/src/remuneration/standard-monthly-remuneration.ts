import { formatYen } from '../money/format.ts'
import { findTableInForce } from '../tables/find-table-in-force.ts'
import { findGrade } from './find-grade.ts'

export type SocialInsurance = 'health' | 'pension'

export type StandardMonthlyRemuneration = {
  readonly insurance: SocialInsurance
  readonly grade: number
  readonly standardMonthlyRemuneration: number
  readonly tableId: string
  readonly explanationJa: string
}

const KIND = { health: 'health-standard-remuneration', pension: 'pension-standard-remuneration' } as const
const NAME_JA = { health: '健康保険', pension: '厚生年金保険' } as const

/**
 * 標準報酬月額 and grade for a 報酬月額 (健康保険法40条, 厚生年金保険法20条), from the table in force on
 * `date` (a day in the month the 標準報酬 applies to). How the 報酬月額 itself is found (資格取得,
 * 定時決定, 随時改定) is the caller's; this is the table step only.
 */
export function determineStandardMonthlyRemuneration(input: {
  insurance: SocialInsurance
  date: string
  remuneration: number
}): StandardMonthlyRemuneration {
  const table = findTableInForce(KIND[input.insurance], input.date)
  const grade = findGrade(table, input.remuneration)
  const range = `${formatYen(grade.from)}以上${grade.to === null ? '' : `${formatYen(grade.to)}未満`}`
  return {
    insurance: input.insurance,
    grade: grade.grade,
    standardMonthlyRemuneration: grade.standardAmount,
    tableId: table.id,
    explanationJa: `報酬月額${formatYen(input.remuneration)}は${NAME_JA[input.insurance]}の${grade.grade}等級 (${range}) に当たり、標準報酬月額は${formatYen(grade.standardAmount)}です。`,
  }
}
