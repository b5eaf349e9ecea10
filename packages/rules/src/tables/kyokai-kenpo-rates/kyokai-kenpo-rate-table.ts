import type { Rate } from '../../money/rate.ts'
import type { PrefectureCode } from '../../prefectures/prefecture-codes.ts'
import type { TableMeta } from '../table-meta.ts'

/**
 * 協会けんぽ rates for one 年度, set each March 分 (paid in April). Other 保険者 (健康保険組合) have
 * their own rate sets and are not in this table.
 */
export type KyokaiKenpoRateTable = TableMeta & {
  readonly kind: 'kyokai-kenpo-rates'
  /** 都道府県単位保険料率 (一般保険料率), employer + employee, keyed by JIS X 0401 code. */
  readonly healthRates: Readonly<Record<PrefectureCode, Rate>>
  /** 介護保険料率 for 介護保険第2号被保険者 (ages 40–64), nationwide, employer + employee. */
  readonly longTermCareRate: Rate
}
