import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { PENSION_STANDARD_REMUNERATION_2020_09 } from '../tables/standard-remuneration/pension-2020-09.ts'
import { calculateChildContribution } from './child-contribution.ts'
import { calculatePensionPremium } from './pension-premium.ts'
import type { ShareRounding } from './share-rounding.ts'

describe('厚生年金保険料 18.3% (premiums.md)', () => {
  test('worked example: ¥300,000 × 18.3% = ¥54,900 → ¥27,450 each', () => {
    const result = calculatePensionPremium({
      date: '2025-05-01',
      basis: 'monthly',
      base: 300_000,
      rounding: 'deduct-from-pay',
    })
    assert.equal(result.totalSen, 5_490_000)
    assert.equal(result.employeeShare, 27_450)
    assert.equal(result.employerShareSen, 2_745_000)
  })
  test('bonus ¥1,001,000 × 18.3% = ¥183,183 → 折半 ¥91,591.50: 給与控除 ¥91,591, 現金 ¥91,592', () => {
    const deducted = calculatePensionPremium({
      date: '2026-06-30',
      basis: 'bonus',
      base: 1_001_000,
      rounding: 'deduct-from-pay',
    })
    assert.equal(deducted.employeeShare, 91_591)
    assert.equal(deducted.employerShareSen, 9_159_200)
    const cash = calculatePensionPremium({
      date: '2026-06-30',
      basis: 'bonus',
      base: 1_001_000,
      rounding: 'paid-in-cash',
    })
    assert.equal(cash.employeeShare, 91_592)
  })
  test('a 標準賞与額 over ¥1,500,000 is refused: the cap applies first', () => {
    assert.throws(
      () =>
        calculatePensionPremium({
          date: '2026-06-30',
          basis: 'bonus',
          base: 1_501_000,
          rounding: 'deduct-from-pay',
        }),
      { code: 'AMOUNT_INVALID' },
    )
  })
  test('a 健保-only amount (¥58,000) is no 厚年 標準報酬月額', () => {
    assert.throws(
      () =>
        calculatePensionPremium({
          date: '2026-05-01',
          basis: 'monthly',
          base: 58_000,
          rounding: 'deduct-from-pay',
        }),
      { code: 'AMOUNT_INVALID' },
    )
  })
  test('property: employee + employer = total, employee within 50銭 of half', () => {
    const grades = PENSION_STANDARD_REMUNERATION_2020_09.grades.map((g) => g.standardAmount)
    fc.assert(
      fc.property(
        fc.constantFrom(...grades),
        fc.constantFrom<ShareRounding>('deduct-from-pay', 'paid-in-cash'),
        (base, rounding) => {
          const result = calculatePensionPremium({ date: '2026-05-01', basis: 'monthly', base, rounding })
          assert.equal(result.employeeShare * 100 + result.employerShareSen, result.totalSen)
          assert.ok(Math.abs(result.employeeShare * 100 - result.totalSen / 2) <= 50)
        },
      ),
    )
  })
})

describe('子ども・子育て拠出金 0.36%, employer only (premiums.md)', () => {
  test('¥300,000 → ¥1,080 (令和8年度)', () => {
    assert.equal(
      calculateChildContribution({ date: '2026-05-01', basis: 'monthly', base: 300_000 }).employerShareSen,
      108_000,
    )
  })
  test('令和7年度 bonus ¥1,001,000 → ¥3,603.60', () => {
    assert.equal(
      calculateChildContribution({ date: '2025-12-10', basis: 'bonus', base: 1_001_000 }).employerShareSen,
      360_360,
    )
  })
  test('before 令和7年度 (2025-03分) no table is held: refused', () => {
    assert.throws(() => calculateChildContribution({ date: '2025-03-01', basis: 'monthly', base: 300_000 }), {
      code: 'TABLE_NOT_IN_FORCE',
    })
  })
})
