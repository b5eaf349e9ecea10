import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fiscalYearStartOf, monthOf, periodStartOf, previousMonthOf } from './payroll-period.ts'

test('20日締めの賃金計算期間は前月21日から', () => {
  assert.equal(periodStartOf('2026-05-20'), '2026-04-21')
  assert.equal(periodStartOf('2026-01-20'), '2025-12-21')
})

test('末日締めは当月1日から (2月・うるう年も)', () => {
  assert.equal(periodStartOf('2026-05-31'), '2026-05-01')
  assert.equal(periodStartOf('2026-02-28'), '2026-02-01')
  assert.equal(periodStartOf('2028-02-29'), '2028-02-01')
  assert.equal(periodStartOf('2026-04-30'), '2026-04-01')
})

test('月の初日、前月、年度の始まり', () => {
  assert.equal(monthOf('2026-05-25'), '2026-05-01')
  assert.equal(previousMonthOf('2026-05-25'), '2026-04-01')
  assert.equal(previousMonthOf('2026-01-10'), '2025-12-01')
  assert.equal(fiscalYearStartOf('2026-03-31'), '2025-04-01')
  assert.equal(fiscalYearStartOf('2026-04-01'), '2026-04-01')
})
