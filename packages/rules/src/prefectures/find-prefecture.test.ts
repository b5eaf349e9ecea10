import assert from 'node:assert/strict'
import { test } from 'node:test'
import { findPrefecture } from './find-prefecture.ts'
import { PENSION_SERVICE_PREFECTURE_CODES } from './pension-service-prefecture-codes.ts'
import { PREFECTURES } from './prefecture-codes.ts'

test('JIS X 0401: 47 prefectures, codes 1–47 in order, 東京都 = 13', () => {
  assert.equal(PREFECTURES.length, 47)
  PREFECTURES.forEach((p, i) => {
    assert.equal(p.code, i + 1)
  })
  assert.equal(findPrefecture(13).name, '東京都')
  assert.equal(findPrefecture(1).name, '北海道')
  assert.equal(findPrefecture(47).name, '沖縄県')
})

test('findPrefecture takes a code as number or text, or the name with or without 都道府県', () => {
  for (const input of [13, '13', ' 13 ', '東京都', '東京']) assert.equal(findPrefecture(input).code, 13)
  assert.equal(findPrefecture('01').code, 1)
  assert.equal(findPrefecture('京都').code, 26)
  assert.equal(findPrefecture('大阪府').code, 27)
  assert.equal(findPrefecture('北海道').code, 1)
})

test('findPrefecture refuses unknown codes and names with PREFECTURE_UNKNOWN', () => {
  for (const bad of [0, 48, '48', '東亰', '', '北海', 'Tokyo']) {
    assert.throws(() => findPrefecture(bad), { code: 'PREFECTURE_UNKNOWN', field: 'prefecture' }, String(bad))
  }
})

test('年金機構 都道府県コード differ from JIS: 東京 13 → 21, 大阪 27 → 41, 沖縄 47 → 82 (premiums.md, SECONDARY)', () => {
  assert.equal(PENSION_SERVICE_PREFECTURE_CODES[13], '21')
  assert.equal(PENSION_SERVICE_PREFECTURE_CODES[27], '41')
  assert.equal(PENSION_SERVICE_PREFECTURE_CODES[47], '82')
  assert.equal(new Set(Object.values(PENSION_SERVICE_PREFECTURE_CODES)).size, 47)
})
