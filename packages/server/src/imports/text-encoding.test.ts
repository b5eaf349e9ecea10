import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { decodeText } from './text-encoding.ts'

const japanese = fc.string({
  unit: fc.constantFrom(
    ...'山田太郎花子髙﨑①ｱｲｳあいうえおカタカナー，。、生年月日氏名フリガナ東京都千代田区abc123 ,"'.split(''),
  ),
})

test('UTF-8 text, with or without a BOM, decodes to itself', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), (text, bom) => {
      const bytes = new Uint8Array([...(bom ? [0xef, 0xbb, 0xbf] : []), ...new TextEncoder().encode(text)])
      assert.deepEqual(decodeText(bytes), { text, encoding: 'utf-8' })
    }),
  )
})

test('Shift_JIS (CP932) text that is not also valid UTF-8 is detected and decoded to itself', () => {
  fc.assert(
    fc.property(japanese, (text) => {
      const bytes = iconv.encode(text, 'cp932')
      fc.pre(!isValidUtf8(bytes))
      assert.deepEqual(decodeText(bytes), { text, encoding: 'cp932' })
    }),
  )
})

test('a CSV header and row saved by Excel as CSV (Shift_JIS) reads as CP932, NEC and IBM extensions included', () => {
  const text = '氏名,フリガナ,生年月日,住所\r\n髙橋 ①郎,ﾀｶﾊｼ ｲﾁﾛｳ,昭和60年4月1日,東京都千代田区架空町1-1\r\n'
  assert.deepEqual(decodeText(iconv.encode(text, 'cp932')), { text, encoding: 'cp932' })
})

test('ASCII reads as UTF-8 (the same text in either)', () => {
  assert.equal(decodeText(new TextEncoder().encode('a,b\r\n1,2')).encoding, 'utf-8')
})

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}
