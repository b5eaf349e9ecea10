import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { toHalfWidthAscii } from './half-width-ascii.ts'

describe('toHalfWidthAscii', () => {
  it('全角英数記号と全角空白を半角にする', () => {
    assert.equal(toHalfWidthAscii('Ｒ８．１１．２３'), 'R8.11.23')
    assert.equal(toHalfWidthAscii('０１－ＡＢ　ｃ'), '01-AB c')
  })

  it('leaves kana and kanji alone', () => {
    assert.equal(toHalfWidthAscii('令和ケイトｹｲﾄ'), '令和ケイトｹｲﾄ')
  })
})
