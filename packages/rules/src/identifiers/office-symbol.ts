import { RulesError } from '../errors.ts'
import { toHalfWidthAscii } from '../text/half-width-ascii.ts'
import { toHalfWidthKatakana } from '../text/half-width-katakana.ts'

/**
 * 事業所整理記号, written e.g. 「01－ケイト」: 郡市区符号 (2 digits) and 事業所記号 (up to 4
 * half-width characters, 英数 or 半角カナ). The 日本年金機構 CSV carries them as two items, the
 * 記号 in half-width (identifiers.md, Other identifiers; e-filing-formats.md, 事業所整理記号).
 */
export type OfficeSymbol = {
  /** 郡市区符号 */
  districtCode: string
  /** 事業所記号, half-width */
  officeMark: string
}

const DISTRICT_CODE = /^[0-9]{2}$/
// 英数 and the half-width katakana block U+FF66–U+FF9F (ｦ … ﾝ, ﾞ, ﾟ). ﾞ and ﾟ count as one
// character each, as they occupy one column in the CSV.
const OFFICE_MARK = /^[0-9A-Za-z\uff66-\uff9f]{1,4}$/
// 郡市区符号, an optional hyphen-like separator, then the 記号. 「ー」 is not a separator: it is a
// legitimate character of a kana 記号.
const WRITTEN = /^([0-9]{2})\s*[-‐‑‒–—―−]?\s*(.+)$/

/** True when both parts are in canonical (CSV) form. */
export function isValidOfficeSymbol(symbol: OfficeSymbol): boolean {
  return DISTRICT_CODE.test(symbol.districtCode) && OFFICE_MARK.test(symbol.officeMark)
}

/**
 * The written form (「01－ケイト」, "01-ｹｲﾄ", 「０１　けいと」) → canonical parts. Full-width
 * digits and letters become ASCII; katakana and hiragana become half-width katakana.
 */
export function parseOfficeSymbol(input: string, field = 'officeSymbol'): OfficeSymbol {
  const match = WRITTEN.exec(toHalfWidthAscii(input).trim())
  if (match === null) {
    throw formatError(field)
  }
  return officeSymbolFromParts(match[1]!, match[2]!, field)
}

/** The two CSV items as typed → canonical parts, normalised as in parseOfficeSymbol. */
export function officeSymbolFromParts(
  districtCode: string,
  officeMark: string,
  field = 'officeSymbol',
): OfficeSymbol {
  const symbol = {
    districtCode: toHalfWidthAscii(districtCode).trim(),
    officeMark: toHalfWidthKatakana(toHalfWidthAscii(officeMark).trim()),
  }
  if (!isValidOfficeSymbol(symbol)) {
    throw formatError(field)
  }
  return symbol
}

function formatError(field: string): RulesError {
  return new RulesError({
    code: 'OFFICE_SYMBOL_FORMAT',
    message: 'office symbol must be a 2-digit district code and a mark of up to 4 alphanumerics or kana',
    messageJa:
      '事業所整理記号は、郡市区符号（数字2桁）と事業所記号（英数字またはカナ4文字以内）で入力してください。',
    field,
  })
}
