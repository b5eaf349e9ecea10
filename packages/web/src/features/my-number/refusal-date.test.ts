import assert from 'node:assert/strict'
import { test } from 'node:test'
import { refusalRequestedAt, todayInJapan } from './refusal-date.ts'

test('提供を求めた日は日本時間のその日の始まり', () => {
  assert.equal(refusalRequestedAt('2026-11-20', '2026-11-23'), '2026-11-20T00:00:00+09:00')
  assert.equal(refusalRequestedAt('2026-11-23', '2026-11-23'), '2026-11-23T00:00:00+09:00')
})

test('空、存在しない日、未来の日は日本語で断る', () => {
  assert.deepEqual(refusalRequestedAt('', '2026-11-23'), { problem: '提供を求めた日を入力してください。' })
  assert.match((refusalRequestedAt('2026-02-30', '2026-11-23') as { problem: string }).problem, /正しい日付/)
  assert.match((refusalRequestedAt('2026-11-24', '2026-11-23') as { problem: string }).problem, /未来/)
})

test('今日は日本時間で数える', () => {
  assert.equal(todayInJapan(new Date('2026-11-23T14:59:59Z')), '2026-11-23')
  assert.equal(todayInJapan(new Date('2026-11-23T15:00:00Z')), '2026-11-24')
})
