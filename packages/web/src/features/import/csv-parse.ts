import { ImportFileError } from './import-file-error.ts'

/**
 * CSV as RFC 4180 writes it (§2): commas between fields, line breaks (CRLF, LF or a lone CR)
 * between records, double quotes around fields that hold commas, line breaks or doubled quotes.
 * A line break after the last record ends it. Linear time on any input; the only refusal is an
 * unterminated quote, named by the record it started in, never by its content. Lenient where
 * Excel is: a quote inside an unquoted field, or text after a closing quote, stays text.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let fieldStarted = false
  let quoteStartedAt = 0
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
      quoteStartedAt = records.length + 1
      i++
      continue
    }
    field += text[i]
    fieldStarted = true
    i++
  }
  if (quoted) {
    throw new ImportFileError(
      'CSV_UNTERMINATED_QUOTE',
      `CSV の${quoteStartedAt}行目で始まった「"」が閉じられていません。ファイルを表計算ソフトで開き、CSV として保存し直してください。`,
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
