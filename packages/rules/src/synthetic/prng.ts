import { RulesError } from '../errors.ts'

/**
 * Seeded pseudo-random numbers for synthetic data: the same seed gives the same sequence on
 * every machine and Node version, because only 32-bit integer operations (Math.imul, |0, >>>)
 * and exactly representable doubles are involved. Not for anything secret.
 *
 * The generator is SFC32 (Chris Doty-Humphrey, PractRand; public domain), seeded as PractRand
 * does: a = 0, b and c from the seed, counter d = 1, then 12 rounds discarded.
 */
export type Prng = {
  /** Uniform in [0, 2^32). */
  nextUint32(): number
  /** Uniform integer in [0, bound); `bound` an integer in 1 … 2^21. */
  int(bound: number): number
  /** Uniform integer in [min, max]. */
  intBetween(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
}

const TWO_POW_32 = 4294967296
// bound × (2^32 − 1) stays below 2^53, so the product is exact and floor() never reaches bound.
const MAX_BOUND = 2 ** 21

/** A seed is a safe integer (all 53 bits are used) or any string. */
export function createPrng(seed: number | string): Prng {
  const [lo, hi] = seedWords(seed)
  let a = 0
  let b = lo
  let c = hi
  let d = 1

  function nextUint32(): number {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }

  for (let i = 0; i < 12; i++) {
    nextUint32()
  }

  function int(bound: number): number {
    if (!Number.isInteger(bound) || bound < 1 || bound > MAX_BOUND) {
      throw argumentError('bound must be an integer in 1 … 2^21')
    }
    return Math.floor((nextUint32() * bound) / TWO_POW_32)
  }

  return {
    nextUint32,
    int,
    intBetween: (min, max) => min + int(max - min + 1),
    chance: (p) => nextUint32() < p * TWO_POW_32,
    pick: (items) => {
      if (items.length === 0) {
        throw argumentError('cannot pick from an empty list')
      }
      return items[int(items.length)]!
    },
  }
}

function seedWords(seed: number | string): [number, number] {
  if (typeof seed === 'string') {
    return hashString(seed)
  }
  if (!Number.isSafeInteger(seed)) {
    throw argumentError('seed must be a safe integer or a string')
  }
  return [seed >>> 0, Math.floor(seed / TWO_POW_32) >>> 0]
}

// cyrb53's two 32-bit lanes (bryc, public domain): spreads every UTF-16 unit over 64 bits.
function hashString(s: string): [number, number] {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ code, 2654435761)
    h2 = Math.imul(h2 ^ code, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return [h1 >>> 0, h2 >>> 0]
}

function argumentError(message: string): RulesError {
  return new RulesError({
    code: 'ARGUMENT_INVALID',
    message,
    messageJa: '合成データ生成器への引数が不正です。',
  })
}
