import type { Rate } from '../../money/rate.ts'
import type { TableMeta } from '../table-meta.ts'

/**
 * A band of the 月額表 乙欄 given by formula: tax = base + ⌊(A − over) × rate⌋ for from ≤ A < to.
 * Only bands printed as a formula are stored; the rows between them are a lookup table that Mamori
 * does not hold yet, and amounts there are refused (TABLE_INCOMPLETE) rather than estimated.
 */
export type OtsuBand = {
  readonly from: number
  readonly to: number | null
  readonly base: number
  readonly rate: Rate
  readonly over: number
}

export type OtsuMonthlyTable = TableMeta & {
  readonly kind: 'withholding-otsu-monthly'
  readonly bands: readonly OtsuBand[]
  /** Subtracted per dependant when a 従たる給与についての扶養控除等申告書 is filed. */
  readonly dependentReductionPerPerson: number
}
