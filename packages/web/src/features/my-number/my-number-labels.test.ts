import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  identityCheckLabel,
  MASKED_MY_NUMBER,
  myNumberNextStep,
  myNumberStatusLabel,
  numberCheckLabel,
  refusalAnswerLabel,
} from './my-number-labels.ts'

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

test('本人確認の書類と提供拒否の回答は日本語で、知らないコードも書類・回答と分かる', () => {
  assert.equal(numberCheckLabel('MY_NUMBER_CARD'), 'マイナンバーカード（個人番号カード）')
  assert.equal(identityCheckLabel('DRIVERS_LICENSE'), '運転免許証')
  assert.equal(identityCheckLabel('NEW_DOCUMENT'), 'その他の書類（NEW_DOCUMENT）')
  assert.equal(refusalAnswerLabel('REFUSED'), '提供を拒否された')
  assert.equal(refusalAnswerLabel('LATER'), 'その他（LATER）')
})
