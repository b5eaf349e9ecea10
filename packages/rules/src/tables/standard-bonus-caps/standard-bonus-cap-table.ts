import type { TableMeta } from '../table-meta.ts'

/** Caps on the 標準賞与額 (standard-remuneration.md, 標準賞与額). */
export type StandardBonusCapTable = TableMeta & {
  readonly kind: 'standard-bonus-caps'
  /** 健保: cumulative per 年度 (April–March) per person and 保険者 (健康保険法45条1項). */
  readonly healthAnnualCap: number
  /** 厚年: per month, bonuses paid in the same month added first (厚生年金保険法24条の4). */
  readonly pensionMonthlyCap: number
  /** The bonus is truncated to this unit before the caps (amounts under ¥1,000 dropped). */
  readonly truncationUnit: number
}
