import assert from 'node:assert/strict'
import { test } from 'node:test'
import { applyRate, assertYen, ceilYen, compareFractionWithHalf, floorSen, floorYen } from './exact-yen.ts'
import { percent } from './rate.ts'

test('applyRate keeps the exact amount: ¥110,000 × 9.91% ÷ 2 = ¥5,450.50', () => {
  const half = applyRate(110_000, percent('9.91'), 2)
  assert.equal(floorYen(half), 5_450)
  assert.equal(ceilYen(half), 5_451)
  assert.equal(floorSen(half), 545_050)
  assert.equal(compareFractionWithHalf(half), 0)
})

test('compareFractionWithHalf: below, exactly and above 50銭', () => {
  assert.equal(compareFractionWithHalf({ numerator: 49, denominator: 100 }), -1)
  assert.equal(compareFractionWithHalf({ numerator: 50, denominator: 100 }), 0)
  assert.equal(compareFractionWithHalf({ numerator: 51, denominator: 100 }), 1)
  assert.equal(compareFractionWithHalf({ numerator: 300, denominator: 100 }), -1)
})

test('assertYen refuses fractions, negatives and amounts beyond exact integer arithmetic', () => {
  for (const bad of [-1, 0.5, Number.NaN, 10_000_000_001]) {
    assert.throws(() => assertYen(bad, 'salary'), { code: 'AMOUNT_INVALID', field: 'salary' })
  }
  assertYen(0, 'salary')
  assertYen(10_000_000_000, 'salary')
})
