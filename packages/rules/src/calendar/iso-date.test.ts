import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { daysInMonth, formatIsoDate, isLeapYear, isRealDate, parseIsoDate } from './iso-date.ts'

describe('iso-date', () => {
  it('閏年: 4で割り切れる年、ただし100で割り切れ400で割り切れない年を除く', () => {
    assert.equal(isLeapYear(2024), true)
    assert.equal(isLeapYear(1900), false)
    assert.equal(isLeapYear(2000), true)
    assert.equal(isLeapYear(2026), false)
    assert.equal(daysInMonth(2024, 2), 29)
    assert.equal(daysInMonth(2100, 2), 28)
    assert.equal(daysInMonth(2026, 4), 30)
  })

  it('parses and formats YYYY-MM-DD', () => {
    assert.deepEqual(parseIsoDate('2026-11-23'), { year: 2026, month: 11, day: 23 })
    assert.equal(formatIsoDate({ year: 1926, month: 12, day: 5 }), '1926-12-05')
  })

  it('形式違いは DATE_FORMAT', () => {
    for (const s of ['', '2026-1-23', '2026/11/23', '20261123', '2026-11-23T00:00', ' 2026-11-23']) {
      assert.throws(() => parseIsoDate(s, 'hireDate'), { code: 'DATE_FORMAT', field: 'hireDate' }, s)
    }
  })

  it('存在しない日は DATE_INVALID（2月30日、2026年2月29日、13月、0日）', () => {
    for (const s of [
      '2026-02-30',
      '2026-02-29',
      '2100-02-29',
      '2026-13-01',
      '2026-04-00',
      '2026-04-31',
      '0000-01-01',
    ]) {
      assert.throws(() => parseIsoDate(s), { code: 'DATE_INVALID', field: 'date' }, s)
    }
    assert.equal(isRealDate(2024, 2, 29), true)
    assert.equal(isRealDate(2024, 2, 29.5), false)
  })
})
