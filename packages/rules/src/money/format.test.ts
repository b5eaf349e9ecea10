import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { formatSen, formatYen } from './format.ts'

const intl = (n: number): string => n.toLocaleString('ja-JP')

test('formatYen prints exactly what toLocaleString("ja-JP") prints, for any number', () => {
  fc.assert(
    fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double()), (amount) => {
      assert.equal(formatYen(amount), `${intl(amount)}円`)
    }),
    { numRuns: 2_000 },
  )
  const edges = [
    0,
    -0,
    1,
    -1,
    999,
    1_000,
    -1_000,
    999_999,
    1_000_000,
    12_345_678,
    2 ** 53 - 1,
    -(2 ** 53 - 1),
  ]
  for (const amount of [...edges, 2 ** 53, 1.5, -0.25, Number.NaN, Number.POSITIVE_INFINITY, 1e21]) {
    assert.equal(formatYen(amount), `${intl(amount)}円`, String(amount))
  }
})

test('formatSen prints 銭 after the grouped yen, as with toLocaleString("ja-JP")', () => {
  fc.assert(
    fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (sen) => {
      const yen = Math.floor(sen / 100)
      const rest = sen % 100
      const expected = rest === 0 ? `${intl(yen)}円` : `${intl(yen)}.${String(rest).padStart(2, '0')}円`
      assert.equal(formatSen(sen), expected)
    }),
  )
  assert.equal(formatSen(545_050), '5,450.50円')
  assert.equal(formatSen(100), '1円')
})
