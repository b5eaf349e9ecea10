import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { decideLongTermCare } from './long-term-care-by-person.ts'
import { longTermCareStatus } from './long-term-care-eligibility.ts'

describe('介護保険第2号被保険者: 40歳に達した月から65歳に達した月の前月まで (premiums.md; 年齢計算ニ関スル法律)', () => {
  test('1986-05-15生: 40歳に達する日 2026-05-14 → 2026-05分から、65歳 2051-05-14 → 2051-04分まで', () => {
    const status = longTermCareStatus({ birthDate: '1986-05-15', date: '2026-05-01' })
    assert.equal(status.fromMonth, '2026-05')
    assert.equal(status.untilMonth, '2051-05')
    assert.equal(status.insured, true)
    assert.equal(longTermCareStatus({ birthDate: '1986-05-15', date: '2026-04-30' }).insured, false)
    assert.equal(longTermCareStatus({ birthDate: '1986-05-15', date: '2051-04-30' }).insured, true)
    assert.equal(longTermCareStatus({ birthDate: '1986-05-15', date: '2051-05-01' }).insured, false)
  })
  test('1日生まれは前月に達する: 1986-05-01生 → 2026-04分から2051-03分まで', () => {
    const status = longTermCareStatus({ birthDate: '1986-05-01', date: '2026-04-01' })
    assert.equal(status.fromMonth, '2026-04')
    assert.equal(status.untilMonth, '2051-04')
    assert.equal(status.insured, true)
  })
  test('1月1日生まれは前年12月に達する: 1986-01-01生 → 2025-12分から', () => {
    assert.equal(longTermCareStatus({ birthDate: '1986-01-01', date: '2025-12-01' }).fromMonth, '2025-12')
  })
  test('2月29日生まれ: 1984-02-29生 → 40歳に達する日 2024-02-28 → 2024-02分から、2049-02分から対象外', () => {
    const status = longTermCareStatus({ birthDate: '1984-02-29', date: '2024-02-10' })
    assert.equal(status.fromMonth, '2024-02')
    assert.equal(status.untilMonth, '2049-02')
    assert.equal(status.insured, true)
  })
  test('a birth date after the date is refused', () => {
    assert.throws(() => longTermCareStatus({ birthDate: '2026-06-01', date: '2026-05-01' }), {
      code: 'DATE_INVALID',
      field: 'birthDate',
    })
  })
  test('by age (quick checks): 39 no, 40 and 64 yes, 65 no; a bad age is ARGUMENT_INVALID', () => {
    assert.equal(decideLongTermCare({ age: 39 }, '2026-05-01').insured, false)
    assert.equal(decideLongTermCare({ age: 40 }, '2026-05-01').insured, true)
    assert.equal(decideLongTermCare({ age: 64 }, '2026-05-01').insured, true)
    assert.equal(decideLongTermCare({ age: 65 }, '2026-05-01').insured, false)
    assert.throws(() => decideLongTermCare({ age: 40.5 }, '2026-05-01'), {
      code: 'ARGUMENT_INVALID',
      field: 'age',
    })
  })
})
