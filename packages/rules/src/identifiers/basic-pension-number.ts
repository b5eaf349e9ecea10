import { type DigitFieldRule, parseDigitField, requireCanonical } from './digit-field.ts'

/**
 * 基礎年金番号: 課所符号 (4 digits) + 一連番号 (6 digits), written 「1234-567890」. The 日本年金機構
 * CSV carries the two parts in separate items (identifiers.md, Other identifiers; e.g. 算定
 * items 41–42). No check-digit rule is published, so only the format is checked.
 */
export type BasicPensionNumberParts = {
  /** 課所符号 */
  officeCode: string
  /** 一連番号 */
  serial: string
}

const RULE: DigitFieldRule = {
  pattern: /^[0-9]{10}$/,
  error: {
    code: 'BASIC_PENSION_NUMBER_FORMAT',
    message: 'basic pension number must be 10 digits (4 + 6)',
    messageJa: '基礎年金番号は4桁と6桁の数字（計10桁）で入力してください。',
  },
}

/** True when `s` is the canonical form: 10 ASCII digits, no separator. */
export function isValidBasicPensionNumber(s: string): boolean {
  return RULE.pattern.test(s)
}

/** Typed input (「１２３４－５６７８９０」, "1234 567890", …) → canonical 10 digits. */
export function parseBasicPensionNumber(input: string, field = 'basicPensionNumber'): string {
  return parseDigitField(input, RULE, field)
}

/** Splits a canonical number into the two CSV items. */
export function basicPensionNumberParts(canonical: string): BasicPensionNumberParts {
  const digits = requireCanonical(canonical, RULE, 'basicPensionNumber')
  return { officeCode: digits.slice(0, 4), serial: digits.slice(4) }
}
