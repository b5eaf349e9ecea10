import { RulesError } from '../errors.ts'

/**
 * 個人番号 (My Number) check digit, 平成26年総務省令第85号 第5条 (identifiers.md, 個人番号).
 *
 * The 12th digit is the 検査用数字 over the 11 base digits. A valid check digit only catches
 * typos: it does not prove the number was ever issued, and by the ordinance's own rule
 * (remainders 0 and 1 both give 0) some single-digit errors pass.
 *
 * Inputs here are canonical: exactly 12 (or 11) ASCII digits. Normalise typed input with
 * text/normalize-digits.ts first. Errors never carry the value: it is a My Number.
 */

// 第5条: Q_n = n + 1 (1 ≤ n ≤ 6), n − 5 (7 ≤ n ≤ 11), P_1 being the rightmost base digit.
// Read left to right over the base that is 6 5 4 3 2 7 6 5 4 3 2.
const WEIGHTS = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const

const BASE_PATTERN = /^[0-9]{11}$/
const NUMBER_PATTERN = /^[0-9]{12}$/

/** The check digit for an 11-digit base. Throws MY_NUMBER_FORMAT unless `base11` is 11 ASCII digits. */
export function computeMyNumberCheckDigit(base11: string): number {
  if (!BASE_PATTERN.test(base11)) {
    throw formatError('myNumberBase')
  }
  return checkDigitOf(base11)
}

/** True when `s` is exactly 12 ASCII digits whose last digit is the check digit of the first 11. */
export function isValidMyNumber(s: string): boolean {
  return NUMBER_PATTERN.test(s) && checkDigitOf(s) === s.charCodeAt(11) - ZERO
}

/** Throws MY_NUMBER_FORMAT or MY_NUMBER_CHECK_DIGIT, with `field`, unless `s` is a valid 個人番号. */
export function assertValidMyNumber(s: string, field = 'myNumber'): void {
  if (!NUMBER_PATTERN.test(s)) {
    throw formatError(field)
  }
  if (checkDigitOf(s) !== s.charCodeAt(11) - ZERO) {
    throw new RulesError({
      code: 'MY_NUMBER_CHECK_DIGIT',
      message: 'My Number check digit does not match',
      messageJa: '個人番号の検査用数字（末尾の1桁）が一致しません。番号をご確認ください。',
      field,
    })
  }
}

const ZERO = 48

/** Precondition: the first 11 characters of `digits` are ASCII digits. */
function checkDigitOf(digits: string): number {
  let sum = 0
  for (let i = 0; i < 11; i++) {
    sum += (digits.charCodeAt(i) - ZERO) * WEIGHTS[i]!
  }
  const remainder = sum % 11
  return remainder <= 1 ? 0 : 11 - remainder
}

function formatError(field: string): RulesError {
  return new RulesError({
    code: 'MY_NUMBER_FORMAT',
    message: 'My Number must be exactly 12 ASCII digits',
    messageJa: '個人番号は12桁の数字で入力してください。',
    field,
  })
}
