import { toWareki } from '../calendar/wareki.ts'
import { RulesError } from '../errors.ts'

/** A calendar month as 'YYYY-MM': the unit 定時決定 and 随時改定 work in (〇月分, 〇月支払). */
export type YearMonth = string

const YEAR_MONTH = /^([0-9]{4})-([0-9]{2})$/

/** Months since year 0, so months can be added and compared as integers. */
export function yearMonthIndex(value: YearMonth, field: string): number {
  const match = YEAR_MONTH.exec(value)
  const year = Number(match?.[1])
  const month = Number(match?.[2])
  if (!match || month < 1 || month > 12 || year < 1900) {
    throw new RulesError({
      code: 'DATE_FORMAT',
      message: `${field} must be a month in the form YYYY-MM`,
      messageJa: `${field} は YYYY-MM の形式の年月で指定してください。`,
      field,
    })
  }
  return year * 12 + month - 1
}

export function yearMonthOf(index: number): YearMonth {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** 'YYYY-MM-01': the day table lookups take for a month (table-kinds.ts). */
export function firstDayOf(month: YearMonth): string {
  return `${month}-01`
}

/** '2026-09' → '令和8年9月', as a 社労士 writes it on a 届書. */
export function formatYearMonthJa(month: YearMonth): string {
  const w = toWareki(firstDayOf(month))
  return `${w.era}${w.year === 1 ? '元' : w.year}年${w.month}月`
}

/** 2026 → '令和8年' (the era of its September, the month a 定時決定 takes effect). */
export function formatYearJa(year: number): string {
  return formatYearMonthJa(`${year}-09`).replace(/9月$/, '')
}
