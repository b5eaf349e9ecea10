import { RulesError } from '../errors.ts'

/**
 * Dates in rules are plain 'YYYY-MM-DD' strings in the proleptic Gregorian calendar: no Date
 * objects, so no time zone and no clock. Strings of this form compare correctly with < and >.
 */
export type CivilDate = {
  year: number
  month: number
  day: number
}

const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : DAYS_IN_MONTH[month - 1]!
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/** True when year, month and day are integers naming a real day in 0001-01-01 … 9999-12-31. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  )
}

/** 'YYYY-MM-DD' → parts. DATE_FORMAT if not of that form, DATE_INVALID if no such day (e.g. 02-30). */
export function parseIsoDate(s: string, field = 'date'): CivilDate {
  const match = ISO_DATE.exec(s)
  if (match === null) {
    throw new RulesError({
      code: 'DATE_FORMAT',
      message: 'date must be YYYY-MM-DD',
      messageJa: '日付は YYYY-MM-DD の形で指定してください。',
      field,
    })
  }
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
  if (!isRealDate(date.year, date.month, date.day)) {
    throw invalidDateError(field)
  }
  return date
}

/** Precondition: `date` is a real date (isRealDate). */
export function formatIsoDate(date: CivilDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`
}

export function invalidDateError(field: string): RulesError {
  return new RulesError({
    code: 'DATE_INVALID',
    message: 'no such day in the calendar',
    messageJa: '存在しない日付です。年・月・日をご確認ください。',
    field,
  })
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}
