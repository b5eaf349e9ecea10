import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { normalizeDigits } from './normalize-digits.ts'

describe('normalizeDigits', () => {
  it('全角数字を半角にする', () => {
    assert.equal(normalizeDigits('１２３４５６７８９０'), '1234567890')
  })

  it('空白とハイフン類（IMEの「ー」を含む）を取り除く', () => {
    assert.equal(normalizeDigits(' 1234-5678　9012 '), '123456789012')
    assert.equal(normalizeDigits('1234ー567890－1'), '12345678901')
    assert.equal(normalizeDigits('1‐2–3—4―5−6ｰ7'), '1234567')
  })

  it('leaves other characters for the validator to reject', () => {
    assert.equal(normalizeDigits('12a４'), '12a4')
    assert.equal(normalizeDigits('１２.３'), '12.3')
  })
})
