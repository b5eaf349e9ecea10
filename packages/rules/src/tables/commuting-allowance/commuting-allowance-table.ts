import type { TableMeta } from '../table-meta.ts'

/**
 * A one-way commuting distance band for people who commute by car, bicycle or other 交通用具, with
 * the monthly amount of the 通勤手当 that is not taxed. Distances are whole metres so that band
 * edges (2km, 10km …) compare exactly.
 */
export type VehicleDistanceBand = {
  /** One-way distance, metres, inclusive. */
  readonly fromMeters: number
  /** Exclusive; null for the last band. */
  readonly toMeters: number | null
  /** 0 means the whole allowance is taxed (全額課税). */
  readonly monthlyExemptYen: number
}

/**
 * 通勤手当の非課税限度額 (所得税法9条1項5号, 所得税法施行令20条の2) for allowances payable (支払われる
 * べき) from `effectiveFrom`. The lookup date is the day the allowance is payable, not the month it is for.
 */
export type CommutingAllowanceTable = TableMeta & {
  readonly kind: 'commuting-allowance-exemption'
  /**
   * 交通機関・有料道路: 1か月当たりの合理的な運賃等の額, at most this. Also the ceiling of the
   * combined case (交通機関 + 交通用具).
   */
  readonly transitMonthlyCap: number
  readonly vehicleBands: readonly VehicleDistanceBand[]
  /**
   * 駐車場等の利用料 added to a 交通用具 band (only where the band exempts something), per month at
   * most this; null while the law adds nothing.
   */
  readonly parkingMonthlyCap: number | null
}
