import { type DigitFieldRule, parseDigitField } from './digit-field.ts'

/**
 * 被保険者整理番号: up to 6 digits, assigned per 事業所 (identifiers.md, Other identifiers;
 * 取得/喪失 item 6, 被扶養者 item 8).
 */
const RULE: DigitFieldRule = {
  pattern: /^[0-9]{1,6}$/,
  error: {
    code: 'INSURED_SERIAL_FORMAT',
    message: 'insured serial number must be 1 to 6 digits',
    messageJa: '被保険者整理番号は6桁以内の数字で入力してください。',
  },
}

export function isValidInsuredSerial(s: string): boolean {
  return RULE.pattern.test(s)
}

export function parseInsuredSerial(input: string, field = 'insuredSerial'): string {
  return parseDigitField(input, RULE, field)
}
