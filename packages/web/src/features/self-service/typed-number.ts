import { isValidMyNumber } from '@mamori/rules/mynumber/check-digit.ts'
import { normalizeDigits } from '@mamori/rules/text/normalize-digits.ts'

/**
 * What a person typing a My Number is told at each keystroke: how many digits are left, that the
 * input is not digits, or that the check digit (番号の最後の1桁) does not match. The messages never
 * repeat the input. A valid number comes back in its canonical 12 ASCII digits, ready to seal.
 */
export type TypedNumber =
  | { state: 'empty' }
  | { state: 'typing'; message: string }
  | { state: 'invalid'; message: string }
  | { state: 'valid'; number: string }

export function checkTypedNumber(input: string): TypedNumber {
  const digits = normalizeDigits(input.normalize('NFKC'))
  if (digits === '') return { state: 'empty' }
  if (!/^[0-9]+$/.test(digits)) {
    return {
      state: 'invalid',
      message: '数字だけを入力してください（4桁ごとの空白やハイフンは入れても構いません）。',
    }
  }
  if (digits.length < 12) return { state: 'typing', message: `12桁のうち${digits.length}桁です。` }
  if (digits.length > 12) {
    return { state: 'invalid', message: '個人番号は12桁です。入力した桁数が多すぎます。' }
  }
  if (!isValidMyNumber(digits)) {
    return {
      state: 'invalid',
      message:
        '番号が正しくありません（最後の1桁の検査用数字が合いません）。カードや通知カードと見比べて、入力し直してください。',
    }
  }
  return { state: 'valid', number: digits }
}
