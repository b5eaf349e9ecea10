import type { Rate } from '../../money/rate.ts'
import type { TableMeta } from '../table-meta.ts'

/**
 * 子ども・子育て拠出金率 (子ども・子育て支援法69条): paid by the employer alone, on the 厚生年金
 * 標準報酬月額 and 標準賞与額. Set per 年度 from April.
 */
export type ChildContributionTable = TableMeta & {
  readonly kind: 'child-contribution'
  readonly rate: Rate
}
