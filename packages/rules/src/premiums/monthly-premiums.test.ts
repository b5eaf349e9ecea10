import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { calculateBonusPremiums } from './bonus-premiums.ts'
import { calculateMonthlyPremiums } from './monthly-premiums.ts'

describe('calculateMonthlyPremiums (the `mamori calc premiums` example of issue 6)', () => {
  test('東京, 令和8年5月分, 報酬月額 ¥300,000, 45歳: 健保22等級/厚年19等級, ¥17,550 + ¥27,450 = ¥45,000', () => {
    const result = calculateMonthlyPremiums({
      date: '2026-05-01',
      prefecture: 13,
      remuneration: 300_000,
      person: { age: 45 },
      rounding: 'deduct-from-pay',
    })
    assert.equal(result.health.grade, 22)
    assert.equal(result.pension.grade, 19)
    assert.equal(result.healthInsurance.employeeShare, 17_550)
    assert.equal(result.pensionInsurance.employeeShare, 27_450)
    assert.equal(result.childContribution.employerShareSen, 108_000)
    assert.equal(result.employeeTotal, 45_000)
    assert.match(result.explanationJa, /22等級/)
  })
  test('報酬月額 ¥60,000: 健保1等級 ¥58,000 but 厚年1等級 ¥88,000', () => {
    const result = calculateMonthlyPremiums({
      date: '2025-05-01',
      prefecture: 27,
      remuneration: 60_000,
      person: { birthDate: '2000-01-15' },
      rounding: 'deduct-from-pay',
    })
    assert.equal(result.healthInsurance.base, 58_000)
    assert.equal(result.pensionInsurance.base, 88_000)
    assert.equal(result.longTermCare.insured, false)
  })
})

describe('calculateBonusPremiums', () => {
  test('東京, 2026-07-10, 賞与 ¥1,000,500, 30歳: 標準賞与額 ¥1,000,000; 健保 10.08% → ¥50,400; 厚年 ¥91,500', () => {
    const result = calculateBonusPremiums({
      date: '2026-07-10',
      prefecture: 13,
      bonusPaidThisMonth: 1_000_500,
      healthStandardBonusEarlierInFiscalYear: 0,
      person: { age: 30 },
      rounding: 'deduct-from-pay',
    })
    assert.equal(result.standardBonus.healthStandardBonus, 1_000_000)
    assert.equal(result.healthInsurance.employeeShare, 50_400)
    assert.equal(result.pensionInsurance.employeeShare, 91_500)
    assert.equal(result.employeeTotal, 141_900)
  })
  test('caps: ¥2,000,000 after ¥5,000,000 this 年度 → 健保 on ¥730,000, 厚年 on ¥1,500,000', () => {
    const result = calculateBonusPremiums({
      date: '2026-12-10',
      prefecture: 13,
      bonusPaidThisMonth: 2_000_000,
      healthStandardBonusEarlierInFiscalYear: 5_000_000,
      person: { birthDate: '1980-04-02' },
      rounding: 'deduct-from-pay',
    })
    assert.equal(result.healthInsurance.base, 730_000)
    assert.equal(result.pensionInsurance.base, 1_500_000)
    assert.equal(result.longTermCare.insured, true)
    // ¥730,000 × 11.70% = ¥85,410 → ¥42,705; ¥1,500,000 × 18.3% = ¥274,500 → ¥137,250
    assert.equal(result.healthInsurance.employeeShare, 42_705)
    assert.equal(result.pensionInsurance.employeeShare, 137_250)
  })
})
