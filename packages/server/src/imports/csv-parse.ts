import { importFileError } from './import-errors.ts'

/**
 * CSV as RFC 4180 writes it (§2): fields separated by commas, records by line breaks, a field in
 * double quotes may hold commas, line breaks and doubled quotes (""). Line breaks may be CRLF (the
 * RFC, and Excel on Windows), LF or a lone CR (old Excel for Mac). A line break after the last
 * record ends it; it does not start an empty one.
 *
 * Attacker-controlled input (a file from anywhere): linear time, no backtracking, and the only
 * refusal is an unterminated quote, reported by the record it started in, never with its content.
 * Lenient where Excel is: a quote inside an unquoted field, or text after a closing quote, is kept
 * as text.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let fieldStarted = false
  let i = 0
  const n = text.length
  while (i < n) {
    const ch = text.charCodeAt(i)
    if (quoted) {
      if (ch === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      const next = text.indexOf('"', i)
      const end = next === -1 ? n : next
      field += text.slice(i, end)
      i = end
      continue
    }
    if (ch === COMMA) {
      record.push(field)
      field = ''
      fieldStarted = true
      i++
      continue
    }
    if (ch === CR || ch === LF) {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      fieldStarted = false
      i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1
      continue
    }
    if (ch === QUOTE && field === '') {
      quoted = true
      fieldStarted = true
      i++
      continue
    }
    field += text[i]
    fieldStarted = true
    i++
  }
  if (quoted) {
    throw importFileError(
      'CSV_UNTERMINATED_QUOTE',
      `CSV の${records.length + 1}行目で始まった「"」が閉じられていません。ファイルの形式を確認してください。`,
    )
  }
  if (fieldStarted || record.length > 0) {
    record.push(field)
    records.push(record)
  }
  return records
}

const QUOTE = 0x22
const COMMA = 0x2c
const CR = 0x0d
const LF = 0x0a
