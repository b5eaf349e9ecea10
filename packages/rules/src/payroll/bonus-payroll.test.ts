import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type BonusPayrollInput, calculateBonusPayroll } from './bonus-payroll.ts'

const INPUT: BonusPayrollInput = {
  paymentDate: '2025-12-10',
  establishment: {
    prefecture: 13,
    premiumCollection: 'following-month',
    shareRounding: 'deduct-from-pay',
    employmentInsuranceBusinessType: 'general',
  },
  employee: {
    person: { birthDate: '1980-07-10' },
    healthInsured: true,
    pensionInsured: true,
    employmentInsured: true,
    withholdingColumn: 'kou',
    dependents: 2,
  },
  bonus: 600_000,
  calculationPeriodOverSixMonths: false,
  healthStandardBonusEarlierInFiscalYear: 0,
  previousMonth: { taxablePay: 345_000, socialInsurance: 45_000 },
  otherDeductions: [],
}

/**
 * Worked example 3 (hand-derived): 賞与 600,000円, 令和7年12月10日支給, 東京, 45歳, 扶養2人, 前月の給与
 * 345,000円 − 社会保険料 45,000円 = X 300,000円.
 * - 標準賞与額 600,000円 (standard-remuneration.md). 健保 + 介護 R7 東京 (9.91 + 1.59)% = 11.50%:
 *   69,000 → 34,500 (premiums.md worked examples use the same 11.50%); 厚年 109,800 → 54,900; 支援金 none
 *   (before 令和8年4月). 雇用 令和7年度 5.5/1000: 3,300. 社会保険料等 92,700.
 * - 源泉: 令和2年分〜令和7年分 算出率の表, 扶養2人, X = 300,000 (≥ 269千円, < 312千円) → 4.084%;
 *   (600,000 − 92,700) × 4.084% = 20,718.13 → 20,718 (1円未満切捨て; 国税庁 No.2523).
 * - 差引 600,000 − 92,700 − 20,718 = 486,582.
 */
describe('賞与 worked example 3 (令和7年12月, 東京)', () => {
  const result = calculateBonusPayroll(INPUT)
  test('lines and totals', () => {
    assert.deepEqual(
      result.deductions.map((l) => [l.labelJa, l.amount]),
      [
        ['健康保険料(介護含む)', 34_500],
        ['厚生年金保険料', 54_900],
        ['雇用保険料', 3_300],
        ['所得税', 20_718],
      ],
    )
    assert.equal(result.earnings[0]!.labelJa, '賞与')
    assert.equal(result.totals.netPay, 486_582)
    assert.equal(result.totals.totalDeductions, 113_418)
    assert.ok(result.tableIds.includes('bonus-rates-2020-01'))
  })
})

describe('賞与: caps and the 特例', () => {
  test('健保 年度累計 573万円 and 厚年 150万円 per month cap the 標準賞与額, not the 雇用保険 base', () => {
    const result = calculateBonusPayroll({
      ...INPUT,
      paymentDate: '2026-07-10',
      bonus: 2_000_500,
      healthStandardBonusEarlierInFiscalYear: 5_000_000,
    })
    assert.equal(result.healthStandardBonus, 730_000)
    assert.equal(result.pensionStandardBonus, 1_500_000)
    // 雇用保険 令和8年度 5/1000 on the whole bonus: 10,002.5 → 10,002 (50銭以下切捨て).
    assert.equal(result.deductions.find((l) => l.code === 'employment-insurance')!.amount, 10_002)
  })
  test('no pay last month: the 月額表 spread (国税庁 No.2523 特例)', () => {
    const result = calculateBonusPayroll({ ...INPUT, previousMonth: null })
    assert.match(result.deductions.at(-1)!.explanationJa, /前月に給与の支払がない/)
  })
  test('uninsured parts give no line and no 標準賞与額', () => {
    const result = calculateBonusPayroll({
      ...INPUT,
      employee: { ...INPUT.employee, healthInsured: false, pensionInsured: false },
    })
    assert.deepEqual(
      result.deductions.map((l) => l.code),
      ['employment-insurance', 'income-tax'],
    )
    assert.equal(result.healthStandardBonus, 0)
  })
  test('a negative bonus is AMOUNT_INVALID; a 令和元年分 bonus is TABLE_NOT_IN_FORCE', () => {
    assert.throws(() => calculateBonusPayroll({ ...INPUT, bonus: -1 }), {
      code: 'AMOUNT_INVALID',
      field: 'bonus',
    })
    assert.throws(() => calculateBonusPayroll({ ...INPUT, paymentDate: '2019-12-10' }), {
      code: 'TABLE_NOT_IN_FORCE',
    })
  })
})
