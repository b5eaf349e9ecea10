import type { Rate } from '../../money/rate.ts'
import type { TableMeta } from '../table-meta.ts'

export type PensionRateTable = TableMeta & {
  readonly kind: 'pension-rate'
  /** 厚生年金保険料率 for 一般の被保険者, employer + employee. */
  readonly rate: Rate
}
