import { RulesError } from '../errors.ts'
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
  const notes: string[] = []
  let limit = 0
  if (commuting.transitMonthlyFare !== null) {
    limit += commuting.transitMonthlyFare
    notes.push(`交通機関等の合理的な運賃等の額${yenJa(commuting.transitMonthlyFare)}`)
  }
  if (commuting.vehicleOneWayMeters !== null) {
    const meters = commuting.vehicleOneWayMeters
    const band = table.vehicleBands.find(
      (b) => b.fromMeters <= meters && (b.toMeters === null || meters < b.toMeters),
    )
    // Unreachable while the bands start at 0 and are contiguous (commuting-exemption.test.ts).
    if (!band) throw new Error(`${table.id} does not cover every distance`)
    limit += band.monthlyExemptYen
    notes.push(
      band.monthlyExemptYen === 0
        ? `交通用具 片道${formatKilometres(meters)}は全額課税の区分`
        : `交通用具 片道${formatKilometres(meters)}の区分の${yenJa(band.monthlyExemptYen)}`,
    )
    const parking = commuting.parkingMonthlyFee
    if (parking !== null && parking > 0 && band.monthlyExemptYen > 0 && table.parkingMonthlyCap !== null) {
      const added = Math.min(parking, table.parkingMonthlyCap)
      limit += added
      notes.push(`駐車場等の利用料${yenJa(added)} (上限${yenJa(table.parkingMonthlyCap)})`)
    }
  }
  if (notes.length === 0) {
    throw new RulesError({
      code: 'ARGUMENT_INVALID',
      message: 'A commuting allowance needs a transit fare or a vehicle distance to find its exempt part',
      messageJa:
        '通勤手当の非課税限度額を決めるため、交通機関の運賃等の額か交通用具の片道の通勤距離を指定してください。',
      field: 'salary.commuting',
    })
  }
  const capped = Math.min(limit, table.transitMonthlyCap)
  if (capped < limit) notes.push(`合計の上限${yenJa(table.transitMonthlyCap)}`)
  const nonTaxable = Math.min(commuting.amount, capped)
  return {
    limit: capped,
    nonTaxable,
    taxable: commuting.amount - nonTaxable,
    tableId: table.id,
    explanationJa: `${table.titleJa}: ${notes.join('、')}により非課税限度額は${yenJa(capped)}。通勤手当${yenJa(commuting.amount)}のうち非課税${yenJa(nonTaxable)}、課税${yenJa(commuting.amount - nonTaxable)}。`,
  }
}
