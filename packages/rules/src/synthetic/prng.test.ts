import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { createPrng } from './prng.ts'

function first(seed: number | string, count: number): number[] {
  const prng = createPrng(seed)
  return Array.from({ length: count }, () => prng.nextUint32())
}

describe('createPrng', () => {
  it('pinned outputs: the sequence must never change across machines or releases', () => {
    assert.deepEqual(first(1, 4), PINNED_SEED_1)
    assert.deepEqual(first('mamori', 4), PINNED_SEED_MAMORI)
  })

  it('property: the same seed gives the same sequence; different seeds differ', () => {
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeInteger(), fc.string()), (seed) => {
        assert.deepEqual(first(seed, 8), first(seed, 8))
      }),
    )
    assert.notDeepEqual(first(1, 8), first(2, 8))
    assert.notDeepEqual(first(0, 8), first(2 ** 32, 8))
    assert.notDeepEqual(first('a', 8), first('b', 8))
  })

  it('property: int stays in range', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 2 ** 21 }), (seed, bound) => {
        const prng = createPrng(seed)
        for (let i = 0; i < 50; i++) {
          const n = prng.int(bound)
          assert.ok(Number.isInteger(n) && n >= 0 && n < bound)
        }
      }),
    )
  })

  it('int is roughly uniform (chi-square, 10 buckets, 100k draws)', () => {
    const prng = createPrng(42)
    const counts = new Array<number>(10).fill(0)
    for (let i = 0; i < 100_000; i++) {
      counts[prng.int(10)]! += 1
    }
    const chiSquare = counts.reduce((sum, c) => sum + (c - 10_000) ** 2 / 10_000, 0)
    // 9 degrees of freedom: p = 0.001 at 27.9.
    assert.ok(chiSquare < 27.9, String(chiSquare))
  })

  it('refuses bad seeds and bounds with ARGUMENT_INVALID', () => {
    assert.throws(() => createPrng(1.5), { code: 'ARGUMENT_INVALID' })
    assert.throws(() => createPrng(Number.NaN), { code: 'ARGUMENT_INVALID' })
    const prng = createPrng(1)
    assert.throws(() => prng.int(0), { code: 'ARGUMENT_INVALID' })
    assert.throws(() => prng.int(2 ** 21 + 1), { code: 'ARGUMENT_INVALID' })
    assert.throws(() => prng.pick([]), { code: 'ARGUMENT_INVALID' })
  })
})

// Recorded from this implementation when it was written; a change here breaks every stored
// synthetic fixture and benchmark baseline.
const PINNED_SEED_1 = [2012149540, 1872316204, 1707632675, 1779833415]
const PINNED_SEED_MAMORI = [2768196058, 1091426638, 1662897742, 2187719191]
