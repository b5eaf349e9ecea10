import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { determineStandardBonus } from './standard-bonus.ts'

function bonus(bonusPaidThisMonth: number, earlier = 0, date = '2026-07-10') {
  return determineStandardBonus({ date, bonusPaidThisMonth, healthStandardBonusEarlierInFiscalYear: earlier })
}

describe('標準賞与額 (standard-remuneration.md, 標準賞与額; 厚年則19条の5)', () => {
  test('1,000円未満切捨て: 500,999円 → 500,000円', () => {
    assert.deepEqual(
      [
        bonus(500_999).truncatedBonus,
        bonus(500_999).healthStandardBonus,
        bonus(500_999).pensionStandardBonus,
      ],
      [500_000, 500_000, 500_000],
    )
  })
  test('999円 → 0円', () => {
    assert.equal(bonus(999).healthStandardBonus, 0)
  })
  test('厚年は1か月150万円が上限: 1,500,999円 → 1,500,000円, 2,000,000円 → 1,500,000円', () => {
    assert.equal(bonus(1_500_999).pensionStandardBonus, 1_500_000)
    assert.equal(bonus(2_000_000).pensionStandardBonus, 1_500_000)
    assert.equal(bonus(2_000_000).healthStandardBonus, 2_000_000)
  })
  test('健保は年度累計573万円が上限: 累計5,000,000円の後の1,000,000円 → 730,000円', () => {
    const result = bonus(1_000_000, 5_000_000)
    assert.equal(result.healthStandardBonus, 730_000)
    assert.equal(result.pensionStandardBonus, 1_000_000)
    assert.match(result.explanationJa, /年度累計5,730,000円が上限/)
  })
  test('健保: 累計ちょうど5,730,000円なら0円、5,729,000円なら1,000円まで', () => {
    assert.equal(bonus(300_000, 5_730_000).healthStandardBonus, 0)
    assert.equal(bonus(300_000, 5_729_000).healthStandardBonus, 1_000)
  })
  test('a single 6,000,000円 bonus: 健保 5,730,000円, 厚年 1,500,000円', () => {
    const result = bonus(6_000_000)
    assert.equal(result.healthStandardBonus, 5_730_000)
    assert.equal(result.pensionStandardBonus, 1_500_000)
  })
  test('an earlier 標準賞与額 not in thousands is refused', () => {
    assert.throws(() => bonus(100_000, 1_500), { code: 'AMOUNT_INVALID' })
  })
})
