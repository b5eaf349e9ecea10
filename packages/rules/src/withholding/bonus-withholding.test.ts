import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { calculateBonusWithholding } from './bonus-withholding.ts'
import type { WithholdingColumn } from './monthly-withholding.ts'

function bonusTax(input: {
  date?: string
  column?: WithholdingColumn
  bonus: number
  bonusSocialInsurance?: number
  previous: [number, number] | null
  dependents?: number
  overSixMonths?: boolean
}) {
  return calculateBonusWithholding({
    date: input.date ?? '2026-07-10',
    column: input.column ?? 'kou',
    bonus: input.bonus,
    bonusSocialInsurance: input.bonusSocialInsurance ?? 0,
    previousMonth: input.previous ? { pay: input.previous[0], socialInsurance: input.previous[1] } : null,
    dependents: input.dependents ?? 0,
    calculationPeriodOverSixMonths: input.overSixMonths ?? false,
  })
}

describe('賞与の源泉徴収 令和8年分 算出率の表 (withholding.md; SECONDARY)', () => {
  test('甲 扶養2人, X = ¥300,000 (≥ 276千, < 321千) → 4.084%; (¥600,000 − ¥90,000) × 4.084% = ¥20,828', () => {
    const result = bonusTax({
      bonus: 600_000,
      bonusSocialInsurance: 90_000,
      previous: [345_000, 45_000],
      dependents: 2,
    })
    assert.equal(result.method, 'rate-table')
    assert.equal(result.previousMonthAfterSocialInsurance, 300_000)
    assert.deepEqual(result.rate, { numerator: 1_021, denominator: 25_000 })
    assert.equal(result.tax, 20_828)
  })
  test('row edges: 甲 扶養2人 X = 275,999 → 2.042%, 276,000 → 4.084%', () => {
    assert.equal(bonusTax({ bonus: 100_000, previous: [275_999, 0], dependents: 2 }).tax, 2_042)
    assert.equal(bonusTax({ bonus: 100_000, previous: [276_000, 0], dependents: 2 }).tax, 4_084)
  })
  test('row edges: 甲 扶養0人 X = 81,999 → 0%, 82,000 → 2.042%; X = 3,495,000 → 45.945%', () => {
    assert.equal(bonusTax({ bonus: 100_000, previous: [81_999, 0] }).tax, 0)
    assert.equal(bonusTax({ bonus: 100_000, previous: [82_000, 0] }).tax, 2_042)
    assert.equal(bonusTax({ bonus: 100_000, previous: [3_495_000, 0] }).tax, 45_945)
  })
  test('8 dependants use the 7人 column: X = 316,999 → 0%, 317,000 → 2.042%', () => {
    assert.equal(bonusTax({ bonus: 100_000, previous: [316_999, 0], dependents: 8 }).tax, 0)
    assert.equal(bonusTax({ bonus: 100_000, previous: [317_000, 0], dependents: 8 }).tax, 2_042)
  })
  test('乙: X = 223,999 → 10.21%, 224,000 → 20.42%, 1,118,000 → 45.945%', () => {
    assert.equal(bonusTax({ column: 'otsu', bonus: 100_000, previous: [223_999, 0] }).tax, 10_210)
    assert.equal(bonusTax({ column: 'otsu', bonus: 100_000, previous: [224_000, 0] }).tax, 20_420)
    assert.equal(bonusTax({ column: 'otsu', bonus: 100_000, previous: [1_118_000, 0] }).tax, 45_945)
  })
  test('net bonus exactly 10 × X still uses the rate table', () => {
    assert.equal(bonusTax({ bonus: 1_000_000, previous: [100_000, 0] }).method, 'rate-table')
  })
})

describe('賞与の特例: no previous-month pay, or bonus over 10 × X (国税庁 No.2523)', () => {
  test('no previous pay, 令和8年分, net ¥1,200,000, n = 6: tax(¥200,000) = ¥4,340 × 6 = ¥26,040', () => {
    const result = bonusTax({ bonus: 1_200_000, previous: null })
    assert.equal(result.method, 'monthly-table-spread')
    assert.equal(result.tax, 26_040)
  })
  test('no previous pay works for 令和7年分 too (only the 月額表 is needed): tax(¥200,000) = ¥4,760 × 6 = ¥28,560', () => {
    assert.equal(bonusTax({ date: '2025-12-10', bonus: 1_200_000, previous: null }).tax, 28_560)
  })
  test('previous pay not above its social insurance counts as none', () => {
    assert.equal(bonusTax({ bonus: 1_200_000, previous: [40_000, 45_000] }).tax, 26_040)
  })
  test('net ¥600,000 > 10 × X (¥50,000): [tax(¥150,000) − tax(¥50,000)] × 6 = (2,420 − 0) × 6 = ¥14,520', () => {
    const result = bonusTax({ bonus: 600_000, previous: [60_000, 10_000] })
    assert.equal(result.method, 'monthly-table-spread')
    assert.equal(result.tax, 14_520)
  })
  test('period over 6 months: n = 12 → [tax(¥100,000) − tax(¥50,000)] × 12 = 0', () => {
    assert.equal(bonusTax({ bonus: 600_000, previous: [60_000, 10_000], overSixMonths: true }).tax, 0)
  })
  test('乙 special case in rows Mamori does not hold is TABLE_INCOMPLETE', () => {
    assert.throws(() => bonusTax({ column: 'otsu', bonus: 1_200_000, previous: null }), {
      code: 'TABLE_INCOMPLETE',
    })
  })
})

describe('refusals', () => {
  test('a 令和元年分 bonus by the rate table is TABLE_NOT_IN_FORCE (no 算出率表 before 令和2年分 is held)', () => {
    assert.throws(() => bonusTax({ date: '2019-12-10', bonus: 500_000, previous: [300_000, 45_000] }), {
      code: 'TABLE_NOT_IN_FORCE',
    })
  })
  test('a 令和7年分 bonus uses the 令和2年分〜令和7年分 table: X = 255,000円, 扶養2人 → 2.042% (bonus-rates-2020-01.ts)', () => {
    const result = bonusTax({
      date: '2025-12-10',
      bonus: 500_000,
      previous: [300_000, 45_000],
      dependents: 2,
    })
    assert.equal(result.tableId, 'bonus-rates-2020-01')
    assert.equal(result.tax, 10_210)
  })
  test('a negative bonus is AMOUNT_INVALID on its field', () => {
    assert.throws(() => bonusTax({ bonus: -1, previous: null }), { code: 'AMOUNT_INVALID', field: 'bonus' })
  })
})
