import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { calculateMonthlyWithholding } from './monthly-withholding.ts'
import { withholdMonthlyOtsu } from './otsu-monthly.ts'

function otsu(date: string, amount: number, dependents = 0) {
  return withholdMonthlyOtsu({
    date,
    pay: amount,
    socialInsurance: 0,
    dependentsOnSecondaryDeclaration: dependents,
  })
}

describe('月額表 乙欄 (withholding.md, 乙欄 — outline; partial tables)', () => {
  test('令和7年分: A < 88,000 → A × 3.063%, 1円未満切捨て: 87,999 → 2,695', () => {
    assert.equal(otsu('2025-06-25', 87_999).tax, 2_695)
    assert.equal(otsu('2025-06-25', 0).tax, 0)
  })
  test('令和7年分: A = 88,000 is in the lookup rows Mamori does not hold → TABLE_INCOMPLETE', () => {
    assert.throws(() => otsu('2025-06-25', 88_000), { code: 'TABLE_INCOMPLETE' })
  })
  test('令和8年分: A < 105,000 → 3.063%: 104,999 → 3,216; 105,000 → TABLE_INCOMPLETE (SECONDARY)', () => {
    assert.equal(otsu('2026-06-25', 104_999).tax, 3_216)
    assert.throws(() => otsu('2026-06-25', 105_000), { code: 'TABLE_INCOMPLETE' })
  })
  test('令和8年分 top bands: over 740,000 → 259,200 + 40.84%; 1,710,000 and over → 655,400 + 45.945% (SECONDARY)', () => {
    assert.throws(() => otsu('2026-06-25', 740_000), { code: 'TABLE_INCOMPLETE' })
    assert.equal(otsu('2026-06-25', 740_001).tax, 259_200)
    assert.equal(otsu('2026-06-25', 800_000).tax, 283_704)
    assert.equal(otsu('2026-06-25', 1_709_999).tax, 655_347)
    assert.equal(otsu('2026-06-25', 1_710_000).tax, 655_400)
    assert.equal(otsu('2026-06-25', 2_000_000).tax, 788_640)
  })
  test('従たる給与についての扶養控除等申告書: ¥1,610 per dependant, not below 0', () => {
    assert.equal(otsu('2026-06-25', 100_000, 1).tax, 1_453)
    assert.equal(otsu('2026-06-25', 100_000, 2).tax, 0)
  })
  test('calculateMonthlyWithholding dispatches on the column', () => {
    const kou = calculateMonthlyWithholding({
      date: '2026-05-25',
      column: 'kou',
      pay: 300_000,
      socialInsurance: 45_000,
      dependents: 2,
    })
    assert.equal(kou.column, 'kou')
    assert.equal(kou.amountAfterSocialInsurance, 255_000)
    const otsuResult = calculateMonthlyWithholding({
      date: '2026-05-25',
      column: 'otsu',
      pay: 100_000,
      socialInsurance: 0,
      dependents: 0,
    })
    assert.equal(otsuResult.tax, 3_063)
  })
})
