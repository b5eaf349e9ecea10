import type { Rate } from '../../money/rate.ts'
import type { TableMeta } from '../table-meta.ts'

/**
 * 子ども・子育て支援金率 for 被用者保険 (子ども・子育て支援法 as amended in 2024), charged with the
 * 健康保険料 on the 標準報酬月額 and 標準賞与額 and split 50/50.
 */
export type ChildSupportLevyTable = TableMeta & {
  readonly kind: 'child-support-levy'
  readonly rate: Rate
}
