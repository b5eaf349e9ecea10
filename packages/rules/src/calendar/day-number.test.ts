import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { addYears, dayNumberToIsoDate, isoDateToDayNumber } from './day-number.ts'

describe('day-number', () => {
  it('1970-01-01 is day 0; known offsets', () => {
    assert.equal(isoDateToDayNumber('1970-01-01'), 0)
    assert.equal(isoDateToDayNumber('2000-03-01'), 11017)
    assert.equal(isoDateToDayNumber('1873-01-01'), -35428)
    assert.equal(dayNumberToIsoDate(-1), '1969-12-31')
  })

  it('property: agrees with Date.UTC over 0001–9999 (test-only oracle)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: isoDateToDayNumber('0100-01-01'), max: isoDateToDayNumber('9999-12-31') }),
        (n) => {
          const iso = dayNumberToIsoDate(n)
          assert.equal(new Date(n * 86_400_000).toISOString().slice(0, 10), iso)
          assert.equal(isoDateToDayNumber(iso), n)
        },
      ),
    )
  })

  it('addYears: 2月29日は平年では2月28日', () => {
    assert.equal(addYears('2024-02-29', 1), '2025-02-28')
    assert.equal(addYears('2024-02-29', 4), '2028-02-29')
    assert.equal(addYears('2026-04-01', -18), '2008-04-01')
    assert.throws(() => addYears('9999-01-01', 1), { code: 'DATE_INVALID' })
  })
})
