import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { createPrng } from './prng.ts'
import { createUniqueDigits } from './unique-digits.ts'

describe('createUniqueDigits', () => {
  it('is a permutation: every 3-digit number exactly once, then ARGUMENT_INVALID', () => {
    const unique = createUniqueDigits(createPrng(7), 3)
    const seen = new Set<string>()
    for (let i = 0; i < 1000; i++) {
      const value = unique.next()
      assert.match(value, /^[0-9]{3}$/)
      seen.add(value)
    }
    assert.equal(seen.size, 1000)
    assert.throws(() => unique.next(), { code: 'ARGUMENT_INVALID' })
  })

  it('property: no repeats and fixed width, for any seed and width', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 4, max: 12 }), (seed, digits) => {
        const unique = createUniqueDigits(createPrng(seed), digits)
        const seen = new Set<string>()
        for (let i = 0; i < 2000; i++) {
          const value = unique.next()
          assert.equal(value.length, digits)
          assert.ok(!seen.has(value))
          seen.add(value)
        }
      }),
      { numRuns: 30 },
    )
  })

  it('does not look sequential: leading digits spread over 0–9', () => {
    const unique = createUniqueDigits(createPrng(1), 11)
    const leading = new Set(Array.from({ length: 200 }, () => unique.next()[0]))
    assert.equal(leading.size, 10)
  })

  it('refuses widths outside 1–12', () => {
    assert.throws(() => createUniqueDigits(createPrng(1), 0), { code: 'ARGUMENT_INVALID' })
    assert.throws(() => createUniqueDigits(createPrng(1), 13), { code: 'ARGUMENT_INVALID' })
  })
})
