import { RulesError } from '../errors.ts'
import type {
  CommutingAllowanceTable,
  VehicleDistanceBand,
} from '../tables/commuting-allowance/commuting-allowance-table.ts'
import { findTableInForce } from '../tables/find-table-in-force.ts'
import type { CommutingAllowance } from './salary-structure.ts'
import { groupDigits, yenJa } from './yen-text.ts'

export type CommutingExemption = {
  /** The 非課税限度額 for this employee and month. */
  readonly limit: number
  readonly nonTaxable: number
  readonly taxable: number
  readonly tableId: string
  readonly explanationJa: string
}

function formatKilometres(meters: number): string {
  const rest = meters % 1000
  const fraction = rest === 0 ? '' : `.${String(rest).padStart(3, '0').replace(/0+$/, '')}`
  return `${groupDigits((meters - rest) / 1000)}${fraction}km`
}

/**
 * How much of a month's 通勤手当 is not taxed (所得税法9条1項5号, 施行令20条の2; 国税庁 No.2582,
 * No.2585): by transit, the 合理的な運賃等の額 up to the cap; by car or bicycle, the amount of the
 * one-way distance band (plus qualifying parking from 令和8年4月, only where the band exempts
 * something); using both, the two added, up to the same cap. `date` is the day it is payable.
 * The allowance is 報酬 and 賃金 in full for social insurance either way; only income tax differs.
 */
export function commutingExemption(date: string, commuting: CommutingAllowance): CommutingExemption {
  const table = findTableInForce('commuting-allowance-exemption', date)
  const found = commutingExemptAmounts(table, commuting)
  const notes: string[] = []
  if (commuting.transitMonthlyFare !== null) {
    notes.push(`交通機関等の合理的な運賃等の額${yenJa(commuting.transitMonthlyFare)}`)
  }
  if (found.band !== null && commuting.vehicleOneWayMeters !== null) {
    const meters = commuting.vehicleOneWayMeters
    notes.push(
      found.band.monthlyExemptYen === 0
        ? `交通用具 片道${formatKilometres(meters)}は全額課税の区分`
        : `交通用具 片道${formatKilometres(meters)}の区分の${yenJa(found.band.monthlyExemptYen)}`,
    )
    if (found.parkingAdded !== null) {
      notes.push(`駐車場等の利用料${yenJa(found.parkingAdded)} (上限${yenJa(table.parkingMonthlyCap ?? 0)})`)
    }
  }
  if (found.capped < found.uncapped) notes.push(`合計の上限${yenJa(table.transitMonthlyCap)}`)
  return {
    limit: found.capped,
    nonTaxable: found.nonTaxable,
    taxable: found.taxable,
    tableId: table.id,
    explanationJa: `${table.titleJa}: ${notes.join('、')}により非課税限度額は${yenJa(found.capped)}。通勤手当${yenJa(commuting.amount)}のうち非課税${yenJa(found.nonTaxable)}、課税${yenJa(found.taxable)}。`,
  }
}

/** The amounts of commutingExemption and what they came from, without the explanation. */
export function commutingExemptAmounts(
  table: CommutingAllowanceTable,
  commuting: CommutingAllowance,
): {
  band: VehicleDistanceBand | null
  parkingAdded: number | null
  uncapped: number
  capped: number
  nonTaxable: number
  taxable: number
} {
  let limit = 0
  if (commuting.transitMonthlyFare !== null) limit += commuting.transitMonthlyFare
  let band: VehicleDistanceBand | null = null
  let parkingAdded: number | null = null
  if (commuting.vehicleOneWayMeters !== null) {
    const meters = commuting.vehicleOneWayMeters
    const found = table.vehicleBands.find(
      (b) => b.fromMeters <= meters && (b.toMeters === null || meters < b.toMeters),
    )
    // Unreachable while the bands start at 0 and are contiguous (commuting-exemption.test.ts).
    if (!found) throw new Error(`${table.id} does not cover every distance`)
    band = found
    limit += found.monthlyExemptYen
    const parking = commuting.parkingMonthlyFee
    if (parking !== null && parking > 0 && found.monthlyExemptYen > 0 && table.parkingMonthlyCap !== null) {
      parkingAdded = Math.min(parking, table.parkingMonthlyCap)
      limit += parkingAdded
    }
  }
  if (commuting.transitMonthlyFare === null && commuting.vehicleOneWayMeters === null) {
    throw new RulesError({
      code: 'ARGUMENT_INVALID',
      message: 'A commuting allowance needs a transit fare or a vehicle distance to find its exempt part',
      messageJa:
        '通勤手当の非課税限度額を決めるため、交通機関の運賃等の額か交通用具の片道の通勤距離を指定してください。',
      field: 'salary.commuting',
    })
  }
  const capped = Math.min(limit, table.transitMonthlyCap)
  const nonTaxable = Math.min(commuting.amount, capped)
  return { band, parkingAdded, uncapped: limit, capped, nonTaxable, taxable: commuting.amount - nonTaxable }
}
