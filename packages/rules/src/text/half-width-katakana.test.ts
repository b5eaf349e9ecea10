import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { toHalfWidthKatakana } from './half-width-katakana.ts'

describe('toHalfWidthKatakana', () => {
  it('全角カナを半角カナにする（e-filing-formats.md, 事業所整理記号: ケイト → ｹｲﾄ）', () => {
    assert.equal(toHalfWidthKatakana('ケイト'), 'ｹｲﾄ')
  })

  it('濁音・半濁音は2文字になる', () => {
    assert.equal(toHalfWidthKatakana('ガパヴ'), 'ｶﾞﾊﾟｳﾞ')
    assert.equal(toHalfWidthKatakana('ダヂヅデドバビブベボ'), 'ﾀﾞﾁﾞﾂﾞﾃﾞﾄﾞﾊﾞﾋﾞﾌﾞﾍﾞﾎﾞ')
  })

  it('ひらがなもカタカナとして半角にする', () => {
    assert.equal(toHalfWidthKatakana('やまだ　たろう'), 'ﾔﾏﾀﾞ　ﾀﾛｳ')
  })

  it('小書き文字・長音・記号', () => {
    assert.equal(toHalfWidthKatakana('ァィゥェォャュョッー・'), 'ｧｨｩｪｫｬｭｮｯｰ･')
  })

  it('covers the whole half-width katakana block', () => {
    const full =
      'ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン'
    const half = Array.from({ length: 0xff9d - 0xff66 + 1 }, (_, i) => String.fromCharCode(0xff66 + i)).join(
      '',
    )
    assert.equal(toHalfWidthKatakana(full), half)
  })

  it('半角にできない文字はそのまま残す', () => {
    assert.equal(toHalfWidthKatakana('ヰヱヶ漢A1ｱ'), 'ヰヱヶ漢A1ｱ')
  })
})
