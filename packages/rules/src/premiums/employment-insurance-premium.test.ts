import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import type { EmploymentInsuranceBusinessType } from '../tables/employment-insurance-rates/employment-insurance-rate-table.ts'
import { calculateEmploymentInsurancePremium } from './employment-insurance-premium.ts'
import type { ShareRounding } from './share-rounding.ts'

function premium(
  date: string,
  wages: number,
  businessType: EmploymentInsuranceBusinessType = 'general',
  rounding: ShareRounding = 'deduct-from-pay',
) {
  return calculateEmploymentInsurancePremium({ date, wages, businessType, rounding })
}

describe('雇用保険料 on wages actually paid (premiums.md, 雇用保険料率)', () => {
  test('令和7年度 一般: ¥300,000 × 5.5/1000 = ¥1,650; total 14.5/1000 = ¥4,350; employer ¥2,700', () => {
    const result = premium('2025-04-30', 300_000)
    assert.equal(result.employeeShare, 1_650)
    assert.equal(result.totalSen, 435_000)
    assert.equal(result.employerShareSen, 270_000)
  })
  test('令和8年度 一般: ¥300,000 × 5/1000 = ¥1,500; total 13.5/1000 = ¥4,050', () => {
    const result = premium('2026-04-30', 300_000)
    assert.equal(result.employeeShare, 1_500)
    assert.equal(result.totalSen, 405_000)
  })
  test('賃金締切日 2026-03-31 uses 令和7年度, 2026-04-01 uses 令和8年度', () => {
    assert.equal(premium('2026-03-31', 300_000).employeeShare, 1_650)
    assert.equal(premium('2026-04-01', 300_000).employeeShare, 1_500)
  })
  test('every business type and year, ¥200,000 (worker / total per 1000: R7 5.5/14.5, 6.5/16.5, 6.5/17.5; R8 5/13.5, 6/15.5, 6/16.5)', () => {
    const expected: [string, EmploymentInsuranceBusinessType, number, number][] = [
      ['2025-06-30', 'general', 1_100, 2_900],
      ['2025-06-30', 'agriculture-forestry-fisheries-sake', 1_300, 3_300],
      ['2025-06-30', 'construction', 1_300, 3_500],
      ['2026-06-30', 'general', 1_000, 2_700],
      ['2026-06-30', 'agriculture-forestry-fisheries-sake', 1_200, 3_100],
      ['2026-06-30', 'construction', 1_200, 3_300],
    ]
    for (const [date, type, employee, total] of expected) {
      const result = premium(date, 200_000, type)
      assert.equal(result.employeeShare, employee, `${date} ${type}`)
      assert.equal(result.totalSen, total * 100, `${date} ${type}`)
    }
  })
  test('50銭 rule on wages: ¥100,100 × 5/1000 = ¥500.50 → 控除 ¥500, 現金 ¥501; ¥100,101 → ¥500.505 → ¥501', () => {
    assert.equal(premium('2026-05-31', 100_100).employeeShare, 500)
    assert.equal(premium('2026-05-31', 100_100, 'general', 'paid-in-cash').employeeShare, 501)
    assert.equal(premium('2026-05-31', 100_101).employeeShare, 501)
  })
  test('a bonus is charged in full, with no ¥1,000 truncation and no cap: ¥3,000,999 × 5/1000 = ¥15,004.995 → ¥15,005', () => {
    assert.equal(premium('2026-07-10', 3_000_999).employeeShare, 15_005)
  })
  test('property: employee + employer = total (銭), for any wages', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.constantFrom('2025-10-31', '2026-10-31'),
        (wages, date) => {
          const result = premium(date, wages)
          assert.equal(result.employeeShare * 100 + result.employerShareSen, result.totalSen)
          assert.ok(result.employerShareSen >= 0)
        },
      ),
    )
  })
  test('a negative wage is AMOUNT_INVALID; 令和9年度 is TABLE_NOT_IN_FORCE', () => {
    assert.throws(() => premium('2026-05-31', -1), { code: 'AMOUNT_INVALID', field: 'wages' })
    assert.throws(() => premium('2027-04-30', 300_000), { code: 'TABLE_NOT_IN_FORCE' })
  })
})
