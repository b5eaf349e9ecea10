import { type DigitFieldRule, parseDigitField } from './digit-field.ts'

/**
 * 社労士コード: 8 digits, field 3 of the 媒体管理レコード when a 社労士 submits (identifiers.md,
 * Other identifiers; kirico SrFDManagementRecord).
 */
const RULE: DigitFieldRule = {
  pattern: /^[0-9]{8}$/,
  error: {
    code: 'SHAROUSHI_CODE_FORMAT',
    message: 'sharoushi code must be 8 digits',
    messageJa: '社労士コードは8桁の数字で入力してください。',
  },
}

export function isValidSharoushiCode(s: string): boolean {
  return RULE.pattern.test(s)
}

export function parseSharoushiCode(input: string, field = 'sharoushiCode'): string {
  return parseDigitField(input, RULE, field)
}
