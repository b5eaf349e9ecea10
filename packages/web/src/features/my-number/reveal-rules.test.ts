import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { groupedMyNumber, revealReasonProblem } from './reveal-rules.ts'

test('理由は前後の空白を除いて4〜500文字、12桁の数字を含まない', () => {
  assert.match(revealReasonProblem('  照会  ') ?? '', /4文字以上/)
  assert.equal(revealReasonProblem('年金事務所からの照会'), null)
  assert.match(revealReasonProblem('あ'.repeat(501)) ?? '', /500文字以内/)
  assert.match(revealReasonProblem('照会の番号 123456789012 の確認') ?? '', /12桁/)
  assert.match(revealReasonProblem('照会 １２３４５６７８９０１２') ?? '', /12桁/)
  assert.equal(revealReasonProblem('2026年4月1日付の照会12345678901件目'), null)
})

test('12桁は4-4-4に区切り、それ以外は受け付けない', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[0-9]{12}$/), (digits) => {
      assert.equal(groupedMyNumber(digits).replaceAll(' ', ''), digits)
      assert.match(groupedMyNumber(digits), /^\d{4} \d{4} \d{4}$/)
    }),
  )
  for (const bad of ['12345678901', '1234567890123', '1234 5678 9012', '']) {
    assert.throws(() => groupedMyNumber(bad))
  }
})
