import assert from 'node:assert/strict'
import { test } from 'node:test'
import { addressLine, prefectureName, yen } from './labels.ts'

test('住所は都道府県を一度だけ書く', () => {
  assert.equal(addressLine(13, '千代田区千代田1-1'), '東京都千代田区千代田1-1')
  assert.equal(addressLine(13, '東京都千代田区千代田1-1', '100-0001'), '〒100-0001 東京都千代田区千代田1-1')
})

test('都道府県コードの名前、知らないコードはそのまま示す', () => {
  assert.equal(prefectureName(1), '北海道')
  assert.equal(prefectureName(99), '都道府県コード 99')
})

test('金額は3桁区切りの円', () => {
  assert.equal(yen(1400000), '1,400,000円')
})
