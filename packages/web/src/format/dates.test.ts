import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { dateLabel, dateTimeLabel, seirekiOf, warekiOf } from './dates.ts'

describe('日付の表示', () => {
  test('和暦と西暦を並べる (元年は「元」)', () => {
    assert.equal(dateLabel('2026-04-01'), '令和8年4月1日（2026年4月1日）')
    assert.equal(dateLabel('2019-05-01'), '令和元年5月1日（2019年5月1日）')
    assert.equal(dateLabel('2019-04-30'), '平成31年4月30日（2019年4月30日）')
  })

  test('明治6年より前は西暦だけ', () => {
    assert.equal(warekiOf('1872-12-31'), null)
    assert.equal(dateLabel('1872-12-31'), '1872年12月31日')
  })

  test('西暦は先頭の0を付けない', () => {
    assert.equal(seirekiOf('2026-01-09'), '2026年1月9日')
  })

  test('日時は日本時間で表す', () => {
    assert.equal(dateTimeLabel('2026-11-23T15:05:00.000Z'), '2026年11月24日 00:05')
  })
})
