import { type DigitFieldRule, parseDigitField } from './digit-field.ts'

/**
 * 事業所番号 as the 日本年金機構 assigns it: 1–5 digits (identifiers.md, Other identifiers;
 * 事業所情報 and items 5 of 資格取得届 / 資格喪失届). Not the 11-digit 雇用保険 適用事業所番号.
 * Leading zeros are kept as typed.
 */
const RULE: DigitFieldRule = {
  pattern: /^[0-9]{1,5}$/,
  error: {
    code: 'OFFICE_NUMBER_FORMAT',
    message: 'office number must be 1 to 5 digits',
    messageJa: '事業所番号は5桁以内の数字で入力してください。',
  },
}

export function isValidOfficeNumber(s: string): boolean {
  return RULE.pattern.test(s)
}

export function parseOfficeNumber(input: string, field = 'officeNumber'): string {
  return parseDigitField(input, RULE, field)
}
