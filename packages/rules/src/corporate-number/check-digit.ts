import { RulesError } from '../errors.ts'

/**
 * 法人番号 (corporate number) check digit, 法人番号の指定等に関する省令 第2条 and 国税庁
 * 「チェックデジットの計算」 (identifiers.md, 法人番号).
 *
 * The check digit is the LEFTMOST of the 13 digits; the 12 after it are the 基礎番号. It is
 * always 1–9, so a 法人番号 never starts with 0. Inputs are canonical ASCII digits; normalise
 * typed input with text/normalize-digits.ts first.
 */

const BASE_PATTERN = /^[0-9]{12}$/
const NUMBER_PATTERN = /^[1-9][0-9]{12}$/

/** The check digit for a 12-digit 基礎番号. Throws CORPORATE_NUMBER_FORMAT unless `base12` is 12 ASCII digits. */
export function computeCorporateNumberCheckDigit(base12: string): number {
  if (!BASE_PATTERN.test(base12)) {
    throw formatError('corporateNumberBase')
  }
  return checkDigitOf(base12, 0)
}

/** True when `s` is 13 ASCII digits whose first digit is the check digit of the other 12. */
export function isValidCorporateNumber(s: string): boolean {
  return NUMBER_PATTERN.test(s) && checkDigitOf(s, 1) === s.charCodeAt(0) - ZERO
}

/** Throws CORPORATE_NUMBER_FORMAT or CORPORATE_NUMBER_CHECK_DIGIT, with `field`, unless `s` is a valid 法人番号. */
export function assertValidCorporateNumber(s: string, field = 'corporateNumber'): void {
  if (!NUMBER_PATTERN.test(s)) {
    throw formatError(field)
  }
  if (checkDigitOf(s, 1) !== s.charCodeAt(0) - ZERO) {
    throw new RulesError({
      code: 'CORPORATE_NUMBER_CHECK_DIGIT',
      message: 'corporate number check digit does not match',
      messageJa: '法人番号の検査用数字（先頭の1桁）が一致しません。番号をご確認ください。',
      field,
    })
  }
}

const ZERO = 48

/**
 * 第2条: Σ P_n × Q_n over the 12 base digits, P_1 rightmost, Q_n = 1 (n odd) or 2 (n even);
 * check digit = 9 − (Σ mod 9). Precondition: `digits[start..start+11]` are ASCII digits.
 */
function checkDigitOf(digits: string, start: number): number {
  let sum = 0
  for (let i = 0; i < 12; i++) {
    const n = 12 - i
    sum += (digits.charCodeAt(start + i) - ZERO) * (n % 2 === 0 ? 2 : 1)
  }
  return 9 - (sum % 9)
}

function formatError(field: string): RulesError {
  return new RulesError({
    code: 'CORPORATE_NUMBER_FORMAT',
    message: 'corporate number must be 13 ASCII digits and must not start with 0',
    messageJa: '法人番号は13桁の数字で入力してください（先頭は1〜9）。',
    field,
  })
}
