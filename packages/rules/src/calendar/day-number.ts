import { type CivilDate, daysInMonth, formatIsoDate, invalidDateError, parseIsoDate } from './iso-date.ts'

/**
 * Days since 1970-01-01 for a civil date, and back: for day arithmetic on 'YYYY-MM-DD' strings
 * without Date. The algorithm is Howard Hinnant's days_from_civil / civil_from_days
 * (https://howardhinnant.github.io/date_algorithms.html), exact for the proleptic Gregorian
 * calendar.
 */
export function dayNumberOf(date: CivilDate): number {
  const y = date.month <= 2 ? date.year - 1 : date.year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5) + date.day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

export function civilDateOf(dayNumber: number): CivilDate {
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const month = mp < 10 ? mp + 3 : mp - 9
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1,
  }
}

export function isoDateToDayNumber(isoDate: string, field = 'date'): number {
  return dayNumberOf(parseIsoDate(isoDate, field))
}

/** Precondition: the day number lies in 0001-01-01 … 9999-12-31. */
export function dayNumberToIsoDate(dayNumber: number): string {
  return formatIsoDate(civilDateOf(dayNumber))
}

/**
 * The same month and day `years` later (or earlier); 29 February becomes 28 February in a
 * common year, the usual reading of "n years after" for ages.
 */
export function addYears(isoDate: string, years: number, field = 'date'): string {
  return formatIsoDate(addYearsToDate(parseIsoDate(isoDate, field), years, field))
}

/** addYears on parts. DATE_INVALID if the year leaves 0001 … 9999. */
export function addYearsToDate(date: CivilDate, years: number, field = 'date'): CivilDate {
  const year = date.year + years
  if (year < 1 || year > 9999) {
    throw invalidDateError(field)
  }
  return { year, month: date.month, day: Math.min(date.day, daysInMonth(year, date.month)) }
}
