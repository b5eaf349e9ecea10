import assert from 'node:assert/strict'
import { test } from 'node:test'
import { toWareki } from '@mamori/rules/calendar/wareki.ts'
import fc from 'fast-check'
import {
  splitName,
  toCohabiting,
  toEmploymentType,
  toHours,
  toIsoDate,
  toPrefectureCode,
  toSex,
  toYen,
} from './cell-values.ts'

const day = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

test('a date written in any accepted form reads as the same day: ISO, slashes, dots, 年月日, compact, 和暦', () => {
  fc.assert(
    fc.property(day, (iso) => {
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
      const forms = [
        iso,
        `${y}/${m}/${d}`,
        `${y}.${m}.${d}`,
        `${y}年${m}月${d}日`,
        iso.replaceAll('-', ''),
        `${y}／${m}／${d}`,
      ]
      if (iso >= '1873-01-01') forms.push(toWareki(iso).formatted)
      for (const form of forms) assert.deepEqual(toIsoDate(form), { ok: true, value: iso }, form)
    }),
  )
})

test('an Excel date serial number reads as the day Excel shows', () => {
  assert.deepEqual(toIsoDate(31138), { ok: true, value: '1985-04-01' })
  assert.deepEqual(toIsoDate(61), { ok: true, value: '1900-03-01' })
  assert.equal(toIsoDate(1.5).ok, false)
})

test('和暦 as offices write it: 昭和60年4月1日, S60.4.1, 令和元年5月1日, full-width', () => {
  assert.deepEqual(toIsoDate('昭和60年4月1日'), { ok: true, value: '1985-04-01' })
  assert.deepEqual(toIsoDate('S60.4.1'), { ok: true, value: '1985-04-01' })
  assert.deepEqual(toIsoDate('令和元年5月1日'), { ok: true, value: '2019-05-01' })
  assert.deepEqual(toIsoDate('Ｈ３１．４．３０'), { ok: true, value: '2019-04-30' })
})

test('impossible or unreadable dates are refused with a code, never quoting the cell', () => {
  assert.deepEqual(toIsoDate('2026-02-30'), {
    ok: false,
    code: 'DATE_INVALID',
    message: '存在しない日付です。年・月・日をご確認ください。',
  })
  const unreadable = toIsoDate('来月のどこか')
  assert.equal(unreadable.ok, false)
  assert.ok(!unreadable.ok && unreadable.code === 'DATE_FORMAT' && !unreadable.message.includes('来月'))
  const outOfEra = toIsoDate('平成31年5月1日')
  assert.ok(!outOfEra.ok && outOfEra.code === 'WAREKI_OUT_OF_RANGE')
})

test('yen and hours as typed in Excel', () => {
  assert.deepEqual(toYen('250,000円'), { ok: true, value: 250000 })
  assert.deepEqual(toYen('￥２５０，０００'), { ok: true, value: 250000 })
  assert.deepEqual(toYen(180000), { ok: true, value: 180000 })
  assert.equal(toYen('二十万').ok, false)
  assert.deepEqual(toHours('37.5時間'), { ok: true, value: 37.5 })
  assert.deepEqual(toHours(40), { ok: true, value: 40 })
})

test('labels: 男/女 and the pension office codes 1/2, 雇用形態, 同居/別居', () => {
  assert.deepEqual(toSex('男'), { ok: true, value: 'male' })
  assert.deepEqual(toSex('2'), { ok: true, value: 'female' })
  assert.deepEqual(toEmploymentType('パート'), { ok: true, value: 'part_time' })
  assert.deepEqual(toEmploymentType('regular'), { ok: true, value: 'regular' })
  assert.deepEqual(toCohabiting('別居'), { ok: true, value: 'no' })
  assert.equal(toSex('不明').ok, false)
})

test('the prefecture by name or code, or from the start of the address', () => {
  assert.deepEqual(toPrefectureCode('東京都', null), { ok: true, value: 13 })
  assert.deepEqual(toPrefectureCode(27, null), { ok: true, value: 27 })
  assert.deepEqual(toPrefectureCode(null, '北海道札幌市架空区1-1'), { ok: true, value: 1 })
  assert.deepEqual(toPrefectureCode(null, '神奈川県横浜市架空町'), { ok: true, value: 14 })
  assert.equal(toPrefectureCode(null, '架空町1-1').ok, false)
})

test('a full name splits at the first space, full-width or not', () => {
  assert.deepEqual(splitName('山田\u3000太郎', false), { ok: true, value: ['山田', '太郎'] })
  assert.deepEqual(splitName('ヤマダ タロウ', true), { ok: true, value: ['ヤマダ', 'タロウ'] })
  assert.equal(splitName('山田太郎', false).ok, false)
})
