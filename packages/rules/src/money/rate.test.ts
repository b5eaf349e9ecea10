import assert from 'node:assert/strict'
import { test } from 'node:test'
import { addRates, formatPercent, percent, perMille } from './rate.ts'

test('percent parses the printed decimal exactly: 9.91% = 991/10000', () => {
  assert.deepEqual(percent('9.91'), { numerator: 991, denominator: 10_000 })
  assert.deepEqual(percent('18.3'), { numerator: 183, denominator: 1_000 })
  assert.deepEqual(percent('0'), { numerator: 0, denominator: 1 })
})

test('perMille: 5.5/1000 = 11/2000', () => {
  assert.deepEqual(perMille('5.5'), { numerator: 11, denominator: 2_000 })
})

test('percent refuses anything but a plain non-negative decimal', () => {
  for (const bad of ['-1', '1e2', '9,91', '', '.5', '9.']) {
    assert.throws(() => percent(bad), { code: 'ARGUMENT_INVALID' }, bad)
  }
})

test('addRates is exact: 9.91% + 1.59% = 11.50% (premiums.md worked example, 健保 + 介護)', () => {
  assert.deepEqual(addRates([percent('9.91'), percent('1.59')]), percent('11.5'))
  assert.deepEqual(addRates([percent('9.85'), percent('1.62'), percent('0.23')]), percent('11.70'))
})

test('formatPercent prints the exact rate', () => {
  assert.equal(formatPercent(percent('9.91')), '9.91%')
  assert.equal(formatPercent(percent('18.3')), '18.3%')
  assert.equal(formatPercent(percent('45.945')), '45.945%')
  assert.equal(formatPercent(perMille('5.5')), '0.55%')
})
