import assert from 'node:assert/strict'
import { test } from 'node:test'
import { MASKED_MY_NUMBER, myNumberNextStep, myNumberStatusLabel } from './my-number-labels.ts'

const statuses = [
  { status: 'not_registered', identityVerified: false },
  { status: 'registered', identityVerified: false },
  { status: 'registered', identityVerified: true },
  { status: 'refused', identityVerified: false },
  { status: 'deleted', identityVerified: false },
] as const

test('状態ごとに異なる表示と、次にすることがある', () => {
  const texts = statuses.map((s) => myNumberStatusLabel(s).text)
  assert.equal(new Set(texts).size, statuses.length)
  for (const s of statuses) assert.match(myNumberNextStep(s), /。$/)
  assert.equal(myNumberStatusLabel(statuses[2]).text, '登録済み・本人確認済み')
})

test('伏せ字は数字を一つも含まない', () => {
  assert.doesNotMatch(MASKED_MY_NUMBER, /\d/)
})
