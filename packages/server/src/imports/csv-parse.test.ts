import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { ServerError } from '../errors.ts'
import { parseCsv } from './csv-parse.ts'

/** RFC 4180 §2 writing: quote a field when it holds a comma, quote or line break. */
function formatCsv(records: string[][], lineBreak: string): string {
  return records
    .map((fields) =>
      fields.map((f) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replaceAll('"', '""')}"` : f)).join(','),
    )
    .join(lineBreak)
}

const field = fc.string({ unit: fc.constantFrom('a', 'あ', '漢', ',', '"', '\r', '\n', ' ', '1', 'ｱ') })
const records = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 })

test('any records written as RFC 4180 CSV read back the same, with CRLF or LF, with or without a last line break', () => {
  fc.assert(
    fc.property(records, fc.constantFrom('\r\n', '\n'), fc.boolean(), (rows, lineBreak, trailing) => {
      const text = formatCsv(rows, lineBreak) + (trailing ? lineBreak : '')
      assert.deepEqual(parseCsv(text), rows)
    }),
  )
})

test('unquoted fields split at commas and at CRLF, LF and a lone CR', () => {
  assert.deepEqual(parseCsv('氏名,生年月日\r\n山田 太郎,1985/4/1\n佐藤 花子,S60.4.1\r鈴木 一郎,'), [
    ['氏名', '生年月日'],
    ['山田 太郎', '1985/4/1'],
    ['佐藤 花子', 'S60.4.1'],
    ['鈴木 一郎', ''],
  ])
})

test('a quoted field keeps commas, doubled quotes and line breaks', () => {
  assert.deepEqual(parseCsv('"東京都千代田区, 架空町1-1","彼は""太郎""","一行目\r\n二行目"\r\n'), [
    ['東京都千代田区, 架空町1-1', '彼は"太郎"', '一行目\r\n二行目'],
  ])
})

test('stray quotes in unquoted text are kept as Excel keeps them', () => {
  assert.deepEqual(parseCsv('ab"c,"d"e'), [['ab"c', 'de']])
})

test('an unterminated quote is refused with the record it began in, without the content', () => {
  assert.throws(
    () => parseCsv('a,b\n"c,d\n'),
    (error: unknown) =>
      error instanceof ServerError &&
      error.message === 'CSV_UNTERMINATED_QUOTE' &&
      error.messageJa.includes('2行目') &&
      !error.messageJa.includes('c,d'),
  )
})

test('an empty text has no records', () => {
  assert.deepEqual(parseCsv(''), [])
})
