import type { TableMeta } from '../table-meta.ts'

/**
 * One row of a 標準報酬月額 table. A 報酬月額 falls in the row where `from ≤ 報酬月額 < to`
 * (円以上・円未満, as the 保険料額表 prints it); `to` is null for the open-ended top grade.
 */
export type Grade = {
  readonly grade: number
  readonly standardAmount: number
  readonly from: number
  readonly to: number | null
}

export type GradeTable = TableMeta & {
  readonly kind: 'health-standard-remuneration' | 'pension-standard-remuneration'
  /** Rows in ascending order, contiguous: each `to` is the next row's `from`; the first `from` is 0. */
  readonly grades: readonly Grade[]
}
