import { ServerError } from '../errors.ts'

/**
 * A bigint column as a JS number: pg sends int8 as a string, PGlite as a number (or a bigint).
 * Payroll totals are far below 2^53 yen; anything else is corrupt data, not a rounding question.
 */
export function decodeBigint(value: string | number | bigint, column: string): number {
  const n = typeof value === 'number' ? value : Number(value)
  if (!Number.isSafeInteger(n)) {
    throw new ServerError({
      code: 'INTERNAL',
      message: `${column} is not a safe integer`,
      messageJa: '給与データの読み取りに失敗しました。管理者に連絡してください。',
    })
  }
  return n
}

export function decodeNullableBigint(value: string | number | bigint | null, column: string): number | null {
  return value === null ? null : decodeBigint(value, column)
}
