import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { calculateMonthlyPayroll } from './monthly-payroll.ts'
import type { SalaryStructure } from './salary-structure.ts'
import { EXAMPLE_MONTHLY_INPUT, QUIET_MONTH } from './test-fixtures.ts'

function earningsFor(salary: Partial<SalaryStructure>, attendance: Partial<typeof QUIET_MONTH>) {
  const result = calculateMonthlyPayroll({
    ...EXAMPLE_MONTHLY_INPUT,
    salary: { ...EXAMPLE_MONTHLY_INPUT.salary, allowances: [], commuting: null, ...salary },
    attendance: { ...QUIET_MONTH, ...attendance },
  })
  return Object.fromEntries(result.earnings.map((l) => [l.code, l.amount]))
}

/** 時給 1,000円: 125% = 1,250, 150% = 1,500, 135% = 1,350, 深夜 +250 (the 厚労省 leaflet's rates). */
const HOURLY = { basis: { kind: 'hourly', hourlyAmount: 1_000 } } as const

describe('割増賃金 at the statutory minimum rates (premium-wage-rates-2023-04.ts)', () => {
  test('月60時間: exactly 60h is all at 125%; one minute more is at 150%', () => {
    const at60 = earningsFor(HOURLY, { statutoryOvertimeMinutes: 3_600 })
    assert.equal(at60.overtime, 75_000)
    assert.equal(at60['overtime-beyond-threshold'], undefined)
    const past60 = earningsFor(HOURLY, { statutoryOvertimeMinutes: 3_601 })
    assert.equal(past60.overtime, 75_000)
    assert.equal(past60['overtime-beyond-threshold'], 25) // 1分 × 1,000/60 × 1.5 = 25
  })
  test('法定休日 135% does not count towards the 60 hours', () => {
    const result = earningsFor(HOURLY, { statutoryOvertimeMinutes: 3_600, legalHolidayMinutes: 600 })
    assert.equal(result['overtime-beyond-threshold'], undefined)
    assert.equal(result['legal-holiday'], 13_500)
  })
  test('深夜 adds 25% on top: 時間外 + 深夜 = 150%, 60h超 + 深夜 = 175%, 休日 + 深夜 = 160%', () => {
    const result = earningsFor(HOURLY, { statutoryOvertimeMinutes: 60, lateNightMinutes: 60 })
    assert.equal(result.overtime! + result['late-night']!, 1_500)
  })
  test('each month total is rounded 50銭以上切上げ: 1,001円/h × 1分 × 1.25 = 20.854… → 21; × 2分 = 41.708 → 42', () => {
    assert.equal(
      earningsFor({ basis: { kind: 'hourly', hourlyAmount: 1_001 } }, { statutoryOvertimeMinutes: 1 })
        .overtime,
      21,
    )
    assert.equal(
      earningsFor({ basis: { kind: 'hourly', hourlyAmount: 1_001 } }, { statutoryOvertimeMinutes: 2 })
        .overtime,
      42,
    )
    // 1,002 × 1.25 ÷ 60 × 6 = 125.25 → 125 (below 50銭 dropped).
    assert.equal(
      earningsFor({ basis: { kind: 'hourly', hourlyAmount: 1_002 } }, { statutoryOvertimeMinutes: 6 })
        .overtime,
      125,
    )
  })
  test('a monthly salary is divided by the 月平均所定労働時間 and not rounded before the month total', () => {
    // 250,000 ÷ 9,900分 per minute; 10h × 1.25 → 250,000 × 600 × 1.25 ÷ 9,900 = 18,939.39… → 18,939.
    const result = earningsFor(
      { basis: { kind: 'monthly', monthlyAmount: 250_000 }, averageMonthlyScheduledMinutes: 9_900 },
      { statutoryOvertimeMinutes: 600 },
    )
    assert.equal(result.overtime, 18_939)
  })
  test('excluded allowances stay out of the base; a flat 住宅手当 marked included goes in', () => {
    const allowance = {
      code: 'housing',
      labelJa: '住宅手当',
      amount: 16_000,
      incomeTax: 'taxable',
      reducedForAbsence: false,
    } as const
    const excluded = earningsFor(
      {
        basis: { kind: 'monthly', monthlyAmount: 160_000 },
        allowances: [{ ...allowance, premiumBase: 'housing' }],
      },
      { statutoryOvertimeMinutes: 60 },
    )
    const included = earningsFor(
      {
        basis: { kind: 'monthly', monthlyAmount: 160_000 },
        allowances: [{ ...allowance, premiumBase: 'included' }],
      },
      { statutoryOvertimeMinutes: 60 },
    )
    assert.equal(excluded.overtime, 1_250) // 160,000 ÷ 160h × 1.25
    assert.equal(included.overtime, 1_375) // 176,000 ÷ 160h × 1.25
  })
})
