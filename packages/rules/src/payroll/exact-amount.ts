/**
 * An exact non-negative amount of yen as a BigInt ratio, for wage arithmetic whose intermediate
 * products (monthly pay × minutes × rate numerators) can pass Number.MAX_SAFE_INTEGER. Nothing is
 * rounded until a payslip amount is fixed, and then by the rule the caller names.
 */
export type ExactAmount = { readonly numerator: bigint; readonly denominator: bigint }

export const ZERO_AMOUNT: ExactAmount = { numerator: 0n, denominator: 1n }

export function exactRatio(numerator: number, denominator: number): ExactAmount {
  return { numerator: BigInt(numerator), denominator: BigInt(denominator) }
}

export function addExact(a: ExactAmount, b: ExactAmount): ExactAmount {
  return {
    numerator: a.numerator * b.denominator + b.numerator * a.denominator,
    denominator: a.denominator * b.denominator,
  }
}

export function scaleExact(a: ExactAmount, numerator: number, denominator = 1): ExactAmount {
  return { numerator: a.numerator * BigInt(numerator), denominator: a.denominator * BigInt(denominator) }
}

export function floorExact(a: ExactAmount): number {
  return Number(a.numerator / a.denominator)
}

export function ceilExact(a: ExactAmount): number {
  return Number((a.numerator + a.denominator - 1n) / a.denominator)
}

/** 50銭未満切捨て・50銭以上切上げ (四捨五入 to the yen). */
export function roundHalfUpExact(a: ExactAmount): number {
  return Number((2n * a.numerator + a.denominator) / (2n * a.denominator))
}

/** The amount in whole 銭, fraction dropped; for explanations only. */
export function floorSenExact(a: ExactAmount): number {
  return Number((a.numerator * 100n) / a.denominator)
}
