import { RulesError } from '../errors.ts'
import type { Rate } from './rate.ts'

/**
 * An exact non-negative amount of yen as numerator/denominator. Premiums are decided on the exact
 * amount (the 50銭 rule compares the fraction with one half), so nothing is rounded before the rule.
 */
export type ExactYen = {
  readonly numerator: number
  readonly denominator: number
}

/**
 * Inputs above this are refused: it keeps every product of an amount and a rate numerator
 * (at most 100,000 for 45.945%) inside Number.MAX_SAFE_INTEGER, so integer arithmetic stays exact.
 */
export const MAX_AMOUNT_YEN = 10_000_000_000

/** Checks a whole-yen input: an integer from 0 to MAX_AMOUNT_YEN. */
export function assertYen(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_AMOUNT_YEN) {
    throw new RulesError({
      code: 'AMOUNT_INVALID',
      message: `${field} must be a whole number of yen from 0 to ${MAX_AMOUNT_YEN}`,
      messageJa: `${field} は 0 以上 ${MAX_AMOUNT_YEN.toLocaleString('ja-JP')} 以下の整数(円)で指定してください。`,
      field,
    })
  }
}

/** amount × rate ÷ divisor, exactly. `divisor` is 2 for the 折半 of 健保法161条 / 厚年法82条. */
export function applyRate(amountYen: number, rate: Rate, divisor = 1): ExactYen {
  return { numerator: amountYen * rate.numerator, denominator: rate.denominator * divisor }
}

export function floorYen(amount: ExactYen): number {
  return (amount.numerator - (amount.numerator % amount.denominator)) / amount.denominator
}

export function ceilYen(amount: ExactYen): number {
  const floor = floorYen(amount)
  return amount.numerator % amount.denominator === 0 ? floor : floor + 1
}

/** The amount in 銭, dropping any fraction of a 銭 (only unusual rates leave one). */
export function floorSen(amount: ExactYen): number {
  return floorYen({ numerator: amount.numerator * 100, denominator: amount.denominator })
}

/** Compares the fractional part of the amount with one half: -1 below, 0 exactly, 1 above. */
export function compareFractionWithHalf(amount: ExactYen): -1 | 0 | 1 {
  const twiceRemainder = 2 * (amount.numerator % amount.denominator)
  if (twiceRemainder < amount.denominator) return -1
  return twiceRemainder === amount.denominator ? 0 : 1
}
