import { CliError } from './cli-error.ts'
import type { ParsedOptions } from './parse-options.ts'

/** Typed reads of parsed options; each failure names the flag and says what to write instead. */
export function requiredString(options: ParsedOptions, name: string, command: string): string {
  const value = options[name]
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  throw new CliError({
    code: 'CLI_MISSING_ARGUMENT',
    message: `--${name} is required for ${command}`,
    messageJa: `--${name} を指定してください。「mamori ${command} --help」で使い方を確認できます。`,
    field: `--${name}`,
    exitCode: 2,
  })
}

export function requiredInteger(
  options: ParsedOptions,
  name: string,
  command: string,
  range: { min: number; max: number; unitJa: string },
): number {
  const text = requiredString(options, name, command).replaceAll(',', '')
  const value = Number(text)
  if (/^-?\d+$/.test(text) && Number.isSafeInteger(value) && value >= range.min && value <= range.max)
    return value
  throw new CliError({
    code: 'CLI_INVALID_ARGUMENT',
    message: `--${name} must be an integer from ${range.min} to ${range.max}`,
    messageJa: `--${name} は ${range.min.toLocaleString('ja-JP')}〜${range.max.toLocaleString('ja-JP')} の整数（${range.unitJa}）で指定してください。`,
    field: `--${name}`,
    exitCode: 2,
  })
}

export function requiredDate(options: ParsedOptions, name: string, command: string): string {
  const text = requiredString(options, name, command)
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (match !== null) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
    const date = new Date(Date.UTC(y, m - 1, d))
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) return text
  }
  throw new CliError({
    code: 'CLI_INVALID_ARGUMENT',
    message: `--${name} must be a date YYYY-MM-DD`,
    messageJa: `--${name} は実在する日付を YYYY-MM-DD の形式（例: 2026-05-01）で指定してください。`,
    field: `--${name}`,
    exitCode: 2,
  })
}
