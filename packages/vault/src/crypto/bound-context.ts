import { needs } from '../needs.ts'

/**
 * Preconditions on the members of a bound context. The encoding itself lives with the wire
 * contract (contract/hpke-seal.ts, `encodeBoundContext`), because the device that seals a number
 * must produce exactly the bytes the vault binds.
 */
export { type BoundField, encodeBoundContext } from '../contract/hpke-seal.ts'

const MAX_ID_LENGTH = 256

/**
 * Precondition: `value` is a non-empty, well-formed string of at most 256 UTF-16 units. A lone
 * surrogate would encode to U+FFFD, so two different ids could bind to the same bytes.
 */
export function needsId(value: unknown, field: string): asserts value is string {
  needs(
    typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH && value.isWellFormed(),
    `${field} must be a non-empty well-formed string of at most ${MAX_ID_LENGTH} characters`,
    field,
  )
}

/** Precondition: `value` is an integer in 1 … 2^32 − 1 (a key or format version). */
export function needsVersion(value: unknown, field: string): asserts value is number {
  needs(
    typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 0xffffffff,
    `${field} must be an integer from 1 to 2^32 - 1`,
    field,
  )
}
