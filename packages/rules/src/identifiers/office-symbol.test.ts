import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isValidOfficeSymbol, officeSymbolFromParts, parseOfficeSymbol } from './office-symbol.ts'

describe('事業所整理記号（identifiers.md / e-filing-formats.md: 郡市区符号2桁 + 事業所記号4文字以内）', () => {
  it('「01－ケイト」を 01 と ｹｲﾄ に分ける（e-filing-formats.md の例）', () => {
    assert.deepEqual(parseOfficeSymbol('01－ケイト'), { districtCode: '01', officeMark: 'ｹｲﾄ' })
  })

  it('書き方の揺れを受け付ける', () => {
    for (const typed of ['01-ｹｲﾄ', '０１－ケイト', '01ケイト', ' 01 - けいと ', '01‐ケイト', '01−ｹｲﾄ']) {
      assert.deepEqual(parseOfficeSymbol(typed), { districtCode: '01', officeMark: 'ｹｲﾄ' }, typed)
    }
  })

  it('英数の事業所記号と濁点（ﾞ も1文字と数える）', () => {
    assert.deepEqual(parseOfficeSymbol('12-ＡＢ１２'), { districtCode: '12', officeMark: 'AB12' })
    assert.deepEqual(parseOfficeSymbol('12-ガク'), { districtCode: '12', officeMark: 'ｶﾞｸ' })
    assert.deepEqual(parseOfficeSymbol('12-ﾁﾖﾀﾞ'), { districtCode: '12', officeMark: 'ﾁﾖﾀﾞ' })
  })

  it('「ー」は区切りでなく記号の一部', () => {
    assert.deepEqual(parseOfficeSymbol('21-ｺｰﾄ'), { districtCode: '21', officeMark: 'ｺｰﾄ' })
  })

  it('CSV の2項目からも作れる', () => {
    assert.deepEqual(officeSymbolFromParts('０１', 'ケイト'), { districtCode: '01', officeMark: 'ｹｲﾄ' })
  })

  it('形式に合わないものは OFFICE_SYMBOL_FORMAT', () => {
    for (const typed of [
      '',
      '1-ｹｲﾄ',
      '001-ｹｲﾄ',
      '01-',
      '01-ｹｲﾄｳｼ',
      '01-ガギグ',
      '01-漢字',
      '01-ヶ',
      '01-AB C',
    ]) {
      assert.throws(
        () => parseOfficeSymbol(typed, 'client.officeSymbol'),
        {
          code: 'OFFICE_SYMBOL_FORMAT',
          field: 'client.officeSymbol',
        },
        typed,
      )
    }
  })

  it('isValid accepts canonical (half-width) parts only', () => {
    assert.equal(isValidOfficeSymbol({ districtCode: '01', officeMark: 'ｹｲﾄ' }), true)
    assert.equal(isValidOfficeSymbol({ districtCode: '01', officeMark: 'ケイト' }), false)
    assert.equal(isValidOfficeSymbol({ districtCode: '１', officeMark: 'ｹｲﾄ' }), false)
  })
})
