import { RulesError } from '../errors.ts'
import type { Prng } from './prng.ts'

/**
 * Random-looking fixed-width numbers that never repeat, without remembering the ones issued:
 * the n-th number is a keyed permutation of n over [0, 10^digits). The permutation is a 4-round
 * Feistel network on the two halves of the digits, adding modulo each half's size as FF1 does
 * (NIST SP 800-38G); every round is a bijection, so distinct inputs give distinct outputs. Not
 * encryption: the keys come from the synthetic PRNG.
 */
export type UniqueDigits = {
  /** The next number, zero-padded to `digits`. ARGUMENT_INVALID once all 10^digits are used. */
  next(): string
}

/** `digits` from 1 to 12. */
export function createUniqueDigits(prng: Prng, digits: number): UniqueDigits {
  if (!Number.isInteger(digits) || digits < 1 || digits > 12) {
    throw argumentError('digits must be an integer from 1 to 12')
  }
  const size = 10 ** digits
  // x = high × lowSize + low, with high < highSize. Each half stays a small integer, which keeps
  // the arithmetic and the string conversion cheap.
  const highDigits = Math.floor(digits / 2)
  const lowDigits = digits - highDigits
  const highSize = 10 ** highDigits
  const lowSize = 10 ** lowDigits
  const k1 = prng.nextUint32()
  const k2 = prng.nextUint32()
  const k3 = prng.nextUint32()
  const k4 = prng.nextUint32()
  let issued = 0

  return {
    next() {
      if (issued >= size) {
        throw argumentError('all numbers of this width have been issued')
      }
      const high = Math.floor(issued / lowSize)
      const low = issued % lowSize
      issued += 1
      // Each round moves one half across and adds a keyed function of it to the other, so the
      // halves swap sizes each round and are back in place after an even number of rounds.
      const a = (high + roundFunction(low, k1)) % highSize
      const b = (low + roundFunction(a, k2)) % lowSize
      const c = (a + roundFunction(b, k3)) % highSize
      const d = (b + roundFunction(c, k4)) % lowSize
      return `${highDigits === 0 ? '' : String(c).padStart(highDigits, '0')}${String(d).padStart(lowDigits, '0')}`
    },
  }
}

// A 32-bit integer mix (multiply–xorshift); any keyed function makes the network a permutation.
function roundFunction(value: number, key: number): number {
  let h = Math.imul(value ^ key, 0x9e3779b1)
  h ^= h >>> 15
  h = Math.imul(h, 0x85ebca77)
  return (h ^ (h >>> 13)) >>> 0
}

function argumentError(message: string): RulesError {
  return new RulesError({
    code: 'ARGUMENT_INVALID',
    message,
    messageJa: '合成データ生成器への引数が不正です。',
  })
}
