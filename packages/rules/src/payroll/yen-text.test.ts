import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { formatSen, formatYen } from '../money/format.ts'
import { senJa, yenJa } from './yen-text.ts'

test('yenJa agrees with formatYen on every whole amount, negative ones included', () => {
  fc.assert(
    fc.property(fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), (amount) => {
      assert.equal(yenJa(amount), formatYen(amount))
    }),
  )
  for (const amount of [0, 999, 1_000, 999_999, 1_000_000, -1, -1_000])
    assert.equal(yenJa(amount), formatYen(amount))
})

test('senJa agrees with formatSen on every non-negative amount of 銭', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), (sen) => {
      assert.equal(senJa(sen), formatSen(sen))
    }),
  )
})
