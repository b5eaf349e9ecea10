import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { dateToWareki } from '@smarthr/wareki'
import fc from 'fast-check'
import { dayNumberToIsoDate, isoDateToDayNumber } from './day-number.ts'
import { fromWareki, fromWarekiParts, toWareki } from './wareki.ts'

const FIRST = isoDateToDayNumber('1873-01-01')
const LAST = isoDateToDayNumber('2100-12-31')

describe('toWareki', () => {
  it('令和8年11月23日', () => {
    assert.deepEqual(toWareki('2026-11-23'), {
      era: '令和',
      eraCode: 9,
      year: 8,
      month: 11,
      day: 23,
      formatted: '令和8年11月23日',
    })
  })

  // e-filing-formats.md, 日本年金機構 CSV, Dates: 元号 code 1 明治, 3 大正, 5 昭和, 7 平成, 9 令和;
  // the 元号 changes on the exact day (1989-01-08 is 平成, 2019-05-01 is 令和).
  const boundaries = [
    ['1873-01-01', '明治', 1, '明治6年1月1日'],
    ['1912-07-29', '明治', 1, '明治45年7月29日'],
    ['1912-07-30', '大正', 3, '大正元年7月30日'],
    ['1926-12-24', '大正', 3, '大正15年12月24日'],
    ['1926-12-25', '昭和', 5, '昭和元年12月25日'],
    ['1946-05-27', '昭和', 5, '昭和21年5月27日'],
    ['1989-01-07', '昭和', 5, '昭和64年1月7日'],
    ['1989-01-08', '平成', 7, '平成元年1月8日'],
    ['2019-04-30', '平成', 7, '平成31年4月30日'],
    ['2019-05-01', '令和', 9, '令和元年5月1日'],
  ] as const
  for (const [iso, era, eraCode, formatted] of boundaries) {
    it(`改元の境界: ${iso} は ${formatted}（元号コード ${eraCode}; e-filing-formats.md）`, () => {
      const w = toWareki(iso)
      assert.equal(w.era, era)
      assert.equal(w.eraCode, eraCode)
      assert.equal(w.formatted, formatted)
    })
  }

  it('昭和21年5月27日 → 元号コード 5、YYMMDD 210527（e-filing-formats.md の例）', () => {
    const w = toWareki('1946-05-27')
    const yymmdd = [w.year, w.month, w.day].map((n) => String(n).padStart(2, '0')).join('')
    assert.equal(w.eraCode, 5)
    assert.equal(yymmdd, '210527')
  })

  it('太陽暦採用（明治6年1月1日）より前は WAREKI_OUT_OF_RANGE', () => {
    assert.throws(() => toWareki('1872-12-31'), { code: 'WAREKI_OUT_OF_RANGE', field: 'date' })
    assert.throws(() => toWareki('1868-10-23'), { code: 'WAREKI_OUT_OF_RANGE' })
  })

  it('不正な日付は DATE_FORMAT / DATE_INVALID', () => {
    assert.throws(() => toWareki('2026/11/23', 'birthDate'), { code: 'DATE_FORMAT', field: 'birthDate' })
    assert.throws(() => toWareki('2026-02-30'), { code: 'DATE_INVALID' })
  })
})

describe('fromWareki', () => {
  const accepted = [
    ['令和8年11月23日', '2026-11-23'],
    ['令和元年5月1日', '2019-05-01'],
    ['令和1年5月1日', '2019-05-01'],
    ['R8.11.23', '2026-11-23'],
    ['r8/11/23', '2026-11-23'],
    ['R08-11-23', '2026-11-23'],
    ['Ｒ８．１１．２３', '2026-11-23'],
    ['令和８年１１月２３日', '2026-11-23'],
    [' 令和 8 年 11 月 23 日 ', '2026-11-23'],
    ['H31.4.30', '2019-04-30'],
    ['平成元年1月8日', '1989-01-08'],
    ['S64.1.7', '1989-01-07'],
    ['昭和21年5月27日', '1946-05-27'],
    ['T1.7.30', '1912-07-30'],
    ['M6.1.1', '1873-01-01'],
    ['平成4年2月29日', '1992-02-29'],
    ['R元.5.1', '2019-05-01'],
  ] as const
  for (const [input, iso] of accepted) {
    it(`${input} → ${iso}`, () => {
      assert.equal(fromWareki(input), iso)
    })
  }

  it('改元の日は旧元号の表記も受け付ける（明治45年7月30日、大正15年12月25日）', () => {
    assert.equal(fromWareki('明治45年7月30日'), '1912-07-30')
    assert.equal(fromWareki('大正15年12月25日'), '1926-12-25')
  })

  it('元号の期間外は WAREKI_OUT_OF_RANGE（令和元年4月30日、平成31年5月1日、昭和64年1月8日）', () => {
    for (const input of [
      '令和1年4月30日',
      '令和元年4月30日',
      '平成31年5月1日',
      '昭和64年1月8日',
      '平成元年1月7日',
      '明治45年7月31日',
      '明治5年12月31日',
      '令和0年1月1日',
      'M1.10.23',
    ]) {
      assert.throws(
        () => fromWareki(input, 'birthDate'),
        { code: 'WAREKI_OUT_OF_RANGE', field: 'birthDate' },
        input,
      )
    }
  })

  it('存在しない日は DATE_INVALID（2月30日、令和7年2月29日、13月）', () => {
    for (const input of ['令和8年2月30日', '令和7年2月29日', 'R8.13.1', 'R8.4.31', 'R8.4.0']) {
      assert.throws(() => fromWareki(input), { code: 'DATE_INVALID' }, input)
    }
  })

  it('読めない形は WAREKI_FORMAT', () => {
    for (const input of [
      '',
      '2026-11-23',
      '令和8年11月',
      '令和8年11月23',
      'X8.11.23',
      '令和八年十一月二十三日',
      'R8.11.23.',
      '慶応4年1月1日',
    ]) {
      assert.throws(() => fromWareki(input), { code: 'WAREKI_FORMAT', field: 'date' }, input)
    }
  })

  it('fromWarekiParts takes the parts of an era select and three number inputs', () => {
    assert.equal(fromWarekiParts({ era: '令和', year: 8, month: 11, day: 23 }), '2026-11-23')
    assert.throws(() => fromWarekiParts({ era: '平成', year: 31, month: 5, day: 1 }), {
      code: 'WAREKI_OUT_OF_RANGE',
    })
    assert.throws(() => fromWarekiParts({ era: '令和', year: 1.5, month: 5, day: 1 }), {
      code: 'WAREKI_OUT_OF_RANGE',
    })
  })
})

describe('round trip and agreement', () => {
  it('every day 1873-01-01 … 2100-12-31: fromWareki(toWareki(d).formatted) === d, and the initial form too', () => {
    for (let n = FIRST; n <= LAST; n++) {
      const iso = dayNumberToIsoDate(n)
      const w = toWareki(iso)
      assert.equal(fromWareki(w.formatted), iso)
      assert.equal(fromWareki(`${'MTSHR'[(w.eraCode - 1) / 2]}${w.year}.${w.month}.${w.day}`), iso)
    }
  })

  it('property: round trip on sampled days (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), (n) => {
        const iso = dayNumberToIsoDate(n)
        return fromWareki(toWareki(iso).formatted) === iso
      }),
    )
  })

  it('every day 1873-01-01 … 2100-12-31 is formatted exactly as @smarthr/wareki formats it', () => {
    for (let n = FIRST; n <= LAST; n++) {
      const iso = dayNumberToIsoDate(n)
      assert.equal(toWareki(iso).formatted, dateToWareki(iso).result)
    }
  })
})
