import type { Rate } from '../../money/rate.ts'
import type { TableMeta } from '../table-meta.ts'

/** Table 1 row: 給与所得控除の額 = ⌈A × rate⌉ + addend, for A up to `upTo` (以下; null = no limit). */
export type EmploymentIncomeDeductionBand = {
  readonly upTo: number | null
  readonly rate: Rate
  readonly addend: number
}

/** Table 3 row: 基礎控除の額 for A up to `upTo` (以下). */
export type BasicDeductionBand = { readonly upTo: number | null; readonly amount: number }

/** Table 4 row: tax = B × rate − subtract (the rate includes the 102.1% 復興特別所得税). */
export type TaxBracket = { readonly upTo: number | null; readonly rate: Rate; readonly subtract: number }

/**
 * 月額表の甲欄を適用する給与等に対する源泉徴収税額の電子計算機による計算の特例 (所得税法施行規則
 * / 財務省告示) for one span of 年分, chosen by the payment date. A = the month's pay minus its
 * 社会保険料等 (withholding.md, 電算機計算の特例).
 */
export type ComputerMethodTable = TableMeta & {
  readonly kind: 'withholding-computer-method'
  readonly employmentIncomeDeduction: readonly EmploymentIncomeDeductionBand[]
  /** Table 2: 配偶者(特別)控除 + 扶養控除の額 per 扶養親族等. */
  readonly dependentDeductionPerPerson: number
  readonly basicDeduction: readonly BasicDeductionBand[]
  readonly taxBrackets: readonly TaxBracket[]
}
