import { RulesError } from '../errors.ts'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export type DateParts = { readonly year: number; readonly month: number; readonly day: number }

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/**
 * Parses a 'YYYY-MM-DD' calendar date. Dates are passed in as strings (rules has no clock), and ISO
 * strings compare correctly as text, which the table lookups rely on.
 */
export function parseIsoDate(value: string, field: string): DateParts {
  const match = ISO_DATE.exec(value)
  if (!match) {
    throw new RulesError({
      code: 'DATE_FORMAT',
      message: `${field} must be a date in the form YYYY-MM-DD`,
      messageJa: `${field} は YYYY-MM-DD の形式の日付で指定してください。`,
      field,
    })
  }
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RulesError({
      code: 'DATE_INVALID',
      message: `${field} is not a calendar date`,
      messageJa: `${field} は存在しない日付です。`,
      field,
    })
  }
  return { year, month, day }
}
