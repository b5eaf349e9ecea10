import type { Rate } from '../../money/rate.ts'
import type { TableMeta } from '../table-meta.ts'

/**
 * One row of the 賞与に対する源泉徴収税額の算出率の表 (甲): the rate applies from these thresholds of
 * X = 前月の社会保険料等控除後の給与等の金額, one per 扶養親族等の数 0 … 7 (yen, 以上). A person is in
 * the last row whose threshold they reach.
 */
export type BonusKouRow = {
  readonly rate: Rate
  readonly fromByDependents: readonly [number, number, number, number, number, number, number, number]
}

export type BonusOtsuRow = { readonly from: number; readonly rate: Rate }

export type BonusRateTable = TableMeta & {
  readonly kind: 'withholding-bonus-rates'
  readonly kou: readonly BonusKouRow[]
  readonly otsu: readonly BonusOtsuRow[]
}
