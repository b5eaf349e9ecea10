import { applyRate, floorSen } from '../money/exact-yen.ts'
import type { Rate } from '../money/rate.ts'
import { roundEmployeeShare, type ShareRounding } from './share-rounding.ts'

/**
 * A premium split between employee and employer. The employee's share is rounded to yen by the
 * establishment's rule; the employer's share is the rest (premiums.md: "the employer's share is
 * the total premium minus the employees' shares"), kept in 銭 because 年金機構 rounds only the
 * establishment's total on the 納入告知書. employeeShare × 100 + employerShareSen = totalSen.
 */
export type SplitPremium = {
  readonly rate: Rate
  /** base × rate in 銭; a fraction of a 銭 (possible only with unusual rates) is dropped. */
  readonly totalSen: number
  readonly employeeShare: number
  readonly employerShareSen: number
}

/**
 * `employeeRate` is the part of `rate` the employee bears before rounding: half of it for 健保 and
 * 厚年 (折半: 健康保険法161条, 厚生年金保険法82条), the worker rate for 雇用保険.
 */
export function splitPremium(input: {
  base: number
  rate: Rate
  employeeRate: Rate | 'half'
  rounding: ShareRounding
}): SplitPremium {
  const total = applyRate(input.base, input.rate)
  const employeeExact =
    input.employeeRate === 'half'
      ? applyRate(input.base, input.rate, 2)
      : applyRate(input.base, input.employeeRate)
  const totalSen = floorSen(total)
  const employeeShare = roundEmployeeShare(employeeExact, input.rounding)
  return { rate: input.rate, totalSen, employeeShare, employerShareSen: totalSen - employeeShare * 100 }
}
