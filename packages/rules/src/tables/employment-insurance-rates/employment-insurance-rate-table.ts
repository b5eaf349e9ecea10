import type { Rate } from '../../money/rate.ts'
import type { TableMeta } from '../table-meta.ts'

/** 事業の種類 of 雇用保険法 / 徴収法12条4項 for the 雇用保険料率. */
export type EmploymentInsuranceBusinessType =
  | 'general'
  | 'agriculture-forestry-fisheries-sake'
  | 'construction'

export const EMPLOYMENT_INSURANCE_BUSINESS_TYPE_NAMES_JA: Readonly<
  Record<EmploymentInsuranceBusinessType, string>
> = {
  general: '一般の事業',
  'agriculture-forestry-fisheries-sake': '農林水産・清酒製造の事業',
  construction: '建設の事業',
}

export type EmploymentInsuranceRates = {
  /** 労働者負担 on the wages actually paid. */
  readonly worker: Rate
  /** 事業主負担, including 雇用保険二事業 which only the employer pays. */
  readonly employer: Rate
}

/**
 * 雇用保険料率 for one 労働保険年度 (1 April – 31 March). A wage uses the table in force on its
 * 賃金締切日 (premiums.md; SECONDARY guidance), a bonus the one on its payment date.
 */
export type EmploymentInsuranceRateTable = TableMeta & {
  readonly kind: 'employment-insurance-rates'
  readonly rates: Readonly<Record<EmploymentInsuranceBusinessType, EmploymentInsuranceRates>>
}
