import { RulesError } from '../errors.ts'
import { toHalfWidthAscii } from '../text/half-width-ascii.ts'
import { formatIsoDate, invalidDateError, isRealDate, parseIsoDate } from './iso-date.ts'

/**
 * 和暦 for form dates: 'YYYY-MM-DD' ⇄ 元号, year of the era, month and day.
 *
 * The era table is ours rather than @smarthr/wareki's because forms need the 日本年金機構 元号
 * code and strict refusals; its boundaries agree with @smarthr/wareki on every day from
 * 1873-01-01 (see wareki.test.ts).
 */
export type EraName = '明治' | '大正' | '昭和' | '平成' | '令和'

/** 日本年金機構 CSV 元号 codes (e-filing-formats.md, 日本年金機構 CSV, Dates). */
export type EraCode = 1 | 3 | 5 | 7 | 9

export type Wareki = {
  era: EraName
  eraCode: EraCode
  /** Year of the era; 1 is written 元年. */
  year: number
  month: number
  day: number
  /** e.g. 令和8年11月23日, 令和元年5月1日 */
  formatted: string
}

export type WarekiParts = Pick<Wareki, 'era' | 'year' | 'month' | 'day'>

type Era = {
  name: EraName
  code: EraCode
  /** JIS X 0301 initial, as in 'R8.11.23'. */
  initial: 'M' | 'T' | 'S' | 'H' | 'R'
  /** Gregorian year that is year 1 (元年) of the era. */
  firstYear: number
  /** First day converted to this era, and the last day accepted as input in it. */
  firstDay: string
  lastDay: string | null
}

const ERAS: readonly Era[] = [
  // 明治 began in 1868, but Japan kept the lunisolar calendar until 明治5年太政官布告第337号
  // made 明治5年12月3日 into 明治6年1月1日 = 1873-01-01. Before that, 明治 dates do not map to
  // Gregorian ones by arithmetic, so conversion starts there.
  { name: '明治', code: 1, initial: 'M', firstYear: 1868, firstDay: '1873-01-01', lastDay: '1912-07-30' },
  // The 改元の詔書 of 1912-07-30 and 1926-12-25 renamed those days themselves (「…以後ヲ改メテ
  // …元年ト為ス」), so output uses the new era; but records of those days (the deaths of the
  // emperors) are also written 明治45年7月30日 and 大正15年12月25日, so input accepts both.
  { name: '大正', code: 3, initial: 'T', firstYear: 1912, firstDay: '1912-07-30', lastDay: '1926-12-25' },
  { name: '昭和', code: 5, initial: 'S', firstYear: 1926, firstDay: '1926-12-25', lastDay: '1989-01-07' },
  // 元号を改める政令 (昭和64年政令第1号), in force 1989-01-08: 昭和64年1月7日 is the last 昭和 day.
  { name: '平成', code: 7, initial: 'H', firstYear: 1989, firstDay: '1989-01-08', lastDay: '2019-04-30' },
  // 元号を改める政令 (平成31年政令第143号), in force 2019-05-01: 平成31年4月30日 is the last 平成 day.
  { name: '令和', code: 9, initial: 'R', firstYear: 2019, firstDay: '2019-05-01', lastDay: null },
]

const FIRST_DAY = ERAS[0]!.firstDay

// 「令和8年11月23日」, 「令和元年5月1日」, 'R8.11.23', 'H31/4/30', 'r1-5-1', 「Ｒ８．１１．２３」.
const WAREKI =
  /^(明治|大正|昭和|平成|令和|[MTSHRmtshr])\s*(元|[0-9]{1,4})\s*(?:年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日|[./-]([0-9]{1,2})[./-]([0-9]{1,2}))$/

/** 'YYYY-MM-DD' → 和暦. DATE_FORMAT / DATE_INVALID for a bad date, WAREKI_OUT_OF_RANGE before 1873-01-01. */
export function toWareki(isoDate: string, field = 'date'): Wareki {
  const date = parseIsoDate(isoDate, field)
  if (isoDate < FIRST_DAY) {
    throw outOfRangeError(field)
  }
  let era = ERAS[0]!
  for (const candidate of ERAS) {
    if (candidate.firstDay <= isoDate) {
      era = candidate
    }
  }
  const year = date.year - era.firstYear + 1
  return {
    era: era.name,
    eraCode: era.code,
    year,
    month: date.month,
    day: date.day,
    formatted: `${era.name}${year === 1 ? '元' : year}年${date.month}月${date.day}日`,
  }
}

/**
 * 和暦 as typed → 'YYYY-MM-DD'. WAREKI_FORMAT if unreadable; DATE_INVALID if the month has no
 * such day (2月30日); WAREKI_OUT_OF_RANGE if the era did not include that day (令和元年4月30日,
 * 平成31年5月1日) or it is before 1873-01-01.
 */
export function fromWareki(input: string, field = 'date'): string {
  const match = WAREKI.exec(toHalfWidthAscii(input).trim())
  if (match === null) {
    throw new RulesError({
      code: 'WAREKI_FORMAT',
      message: 'wareki date must look like 令和8年11月23日 or R8.11.23',
      messageJa: '和暦の日付は「令和8年11月23日」または「R8.11.23」の形で入力してください。',
      field,
    })
  }
  const [, eraText, yearText, kanjiMonth, kanjiDay, dottedMonth, dottedDay] = match
  const era = ERAS.find((e) => e.name === eraText || e.initial === eraText!.toUpperCase())!
  return fromWarekiParts(
    {
      era: era.name,
      year: yearText === '元' ? 1 : Number(yearText),
      month: Number(kanjiMonth ?? dottedMonth),
      day: Number(kanjiDay ?? dottedDay),
    },
    field,
  )
}

/** Structured 和暦 (e.g. from an era select and three number inputs) → 'YYYY-MM-DD'; errors as fromWareki. */
export function fromWarekiParts(parts: WarekiParts, field = 'date'): string {
  const era = ERAS.find((e) => e.name === parts.era)
  if (era === undefined || !Number.isInteger(parts.year) || parts.year < 1) {
    throw outOfRangeError(field)
  }
  const year = era.firstYear + parts.year - 1
  if (year > 9999) {
    throw outOfRangeError(field)
  }
  if (!isRealDate(year, parts.month, parts.day)) {
    throw invalidDateError(field)
  }
  const isoDate = formatIsoDate({ year, month: parts.month, day: parts.day })
  if (isoDate < era.firstDay || (era.lastDay !== null && isoDate > era.lastDay)) {
    throw outOfRangeError(field)
  }
  return isoDate
}

function outOfRangeError(field: string): RulesError {
  return new RulesError({
    code: 'WAREKI_OUT_OF_RANGE',
    message: 'the date is not within the era, or is before 1873-01-01',
    messageJa: 'その元号の期間にない日付です（明治6年1月1日より前の日付は扱えません）。',
    field,
  })
}
