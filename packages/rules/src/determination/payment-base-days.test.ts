import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { isRulesError } from '../errors.ts'
import { countPaymentBaseDays } from './payment-base-days.ts'

// Source: filings.md, 算定基礎届, How 支払基礎日数 is counted (CONFIRMED).
describe('支払基礎日数の数え方', () => {
  test('月給: 給与計算期間の暦日数 (4月21日〜5月20日 → 30日)', () => {
    assert.equal(countPaymentBaseDays({ payForm: 'monthly', periodCalendarDays: 30 }), 30)
  })
  test('日給月給で欠勤控除あり: 所定労働日数22日 − 欠勤6日 = 16日 (17日未満)', () => {
    assert.equal(
      countPaymentBaseDays({ payForm: 'daily-monthly', scheduledWorkingDays: 22, absentDays: 6 }),
      16,
    )
  })
  test('日給・時給: 出勤日数に有給休暇を含める (15日 + 2日 = 17日)', () => {
    assert.equal(countPaymentBaseDays({ payForm: 'daily-or-hourly', daysWorked: 15, paidLeaveDays: 2 }), 17)
  })
  test('欠勤日数が所定労働日数を超えるとエラー', () => {
    assert.throws(
      () => countPaymentBaseDays({ payForm: 'daily-monthly', scheduledWorkingDays: 20, absentDays: 21 }),
      (e) => isRulesError(e) && e.field === 'absentDays',
    )
  })
})
