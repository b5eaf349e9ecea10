import { RulesError } from '../errors.ts'

/**
 * Upper bounds that keep inputs plausible for one month: 31 days of 24 hours. A value past them is
 * a typing error (hours entered as minutes, a year's total), not a month's work.
 */
export const MAX_MINUTES_IN_MONTH = 31 * 24 * 60
export const MAX_DAYS_IN_MONTH = 31

/** A count of minutes or days: an integer from 0 to `max`. */
export function assertCount(value: number, max: number, field: string, labelJa: string): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new RulesError({
      code: 'ARGUMENT_INVALID',
      message: `${field} must be a whole number from 0 to ${max}`,
      messageJa: `${labelJa}は 0 以上 ${max.toLocaleString('ja-JP')} 以下の整数で指定してください。`,
      field,
    })
  }
}

/** A count that must be at least 1 (a divisor). */
export function assertPositiveCount(value: number, max: number, field: string, labelJa: string): void {
  if (!Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new RulesError({
      code: 'ARGUMENT_INVALID',
      message: `${field} must be a whole number from 1 to ${max}`,
      messageJa: `${labelJa}は 1 以上 ${max.toLocaleString('ja-JP')} 以下の整数で指定してください。`,
      field,
    })
  }
}

const CODE = /^[A-Za-z0-9_-]{1,32}$/
const MAX_LABEL_LENGTH = 20

/** An employer-defined item: a stable code and the label printed on the payslip. */
export function assertItem(item: { code: string; labelJa: string }, field: string): void {
  if (!CODE.test(item.code)) {
    throw new RulesError({
      code: 'ARGUMENT_INVALID',
      message: `${field}.code must be 1–32 letters, digits, '-' or '_'`,
      messageJa: '項目コードは半角英数字・「-」・「_」の 1〜32 文字で指定してください。',
      field: `${field}.code`,
    })
  }
  const length = [...item.labelJa.trim()].length
  if (length === 0 || length > MAX_LABEL_LENGTH) {
    throw new RulesError({
      code: 'ARGUMENT_INVALID',
      message: `${field}.labelJa must be 1–${MAX_LABEL_LENGTH} characters`,
      messageJa: `明細に印字する項目名は 1〜${MAX_LABEL_LENGTH} 文字で指定してください。`,
      field: `${field}.labelJa`,
    })
  }
}

export function assertUniqueCodes(items: readonly { code: string }[], field: string): void {
  const seen = new Set<string>()
  for (const [index, item] of items.entries()) {
    if (seen.has(item.code)) {
      throw new RulesError({
        code: 'ARGUMENT_INVALID',
        message: `${field} has a repeated code`,
        messageJa: '同じ項目コードが 2 回指定されています。項目コードは重ならないようにしてください。',
        field: `${field}[${index}].code`,
      })
    }
    seen.add(item.code)
  }
}
