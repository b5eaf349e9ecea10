import { type DigitFieldRule, parseDigitField, requireCanonical } from './digit-field.ts'

/**
 * 雇用保険被保険者番号: 4 + 6 + 1 digits, written 「1234-567890-1」.
 *
 * Format only. 雇用保険業務取扱要領 20706(6) (as mirrored at koyoutebiki.net/tebiki_tekiyou/20706n)
 * gives the layout ××××-××××××-× with the last digit a チェック・ディジット, and SmartHR's help
 * page (support.smarthr.jp/ja/help/articles/360026107734) agrees on 4-6-1. Neither, nor any other
 * source found, publishes the check-digit rule, so it is not checked. Numbers issued before
 * 1981-07-06 that were never re-entered have no check digit at all; SmartHR's advice is to pad the
 * 10 digits with a trailing 0, which a check would wrongly reject.
 */
const RULE: DigitFieldRule = {
  pattern: /^[0-9]{11}$/,
  error: {
    code: 'EMPLOYMENT_INSURANCE_NUMBER_FORMAT',
    message: 'employment insurance number must be 11 digits (4-6-1)',
    messageJa: '雇用保険被保険者番号は4桁・6桁・1桁の数字（計11桁）で入力してください。',
  },
}

/** True when `s` is the canonical form: 11 ASCII digits, no separator. */
export function isValidEmploymentInsuranceNumber(s: string): boolean {
  return RULE.pattern.test(s)
}

/** Typed input (「1234－567890－1」, …) → canonical 11 digits. */
export function parseEmploymentInsuranceNumber(input: string, field = 'employmentInsuranceNumber'): string {
  return parseDigitField(input, RULE, field)
}

/** Canonical 11 digits → the written form 「1234-567890-1」. */
export function formatEmploymentInsuranceNumber(canonical: string): string {
  const digits = requireCanonical(canonical, RULE, 'employmentInsuranceNumber')
  return `${digits.slice(0, 4)}-${digits.slice(4, 10)}-${digits.slice(10)}`
}
