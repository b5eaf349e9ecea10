import { RulesError } from '../errors.ts'
import { parseIsoDate } from '../tables/iso-date.ts'

/**
 * Who is a 介護保険第2号被保険者 in a month, by age (介護保険法9条2号, 健康保険法156条): from the month
 * in which the person turns 40 up to the month before the one in which they turn 65. A person
 * "turns N" on the day before the Nth birthday (年齢計算ニ関スル法律, 民法143条), so someone born on
 * the 1st turns N in the previous month. premiums.md states this rule without a cited source.
 */
export type LongTermCareStatus = {
  readonly insured: boolean
  /** First month charged, 'YYYY-MM'. */
  readonly fromMonth: string
  /** First month no longer charged (the month the person turns 65), 'YYYY-MM'. */
  readonly untilMonth: string
  readonly explanationJa: string
}

function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1)
}

function formatMonth(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The month in which someone born on `birthDate` reaches `age`. */
function monthReaching(birth: { year: number; month: number; day: number }, age: number): number {
  const anniversaryMonth = monthIndex(birth.year + age, birth.month)
  return birth.day === 1 ? anniversaryMonth - 1 : anniversaryMonth
}

/** The months of the status as indexes (year × 12 + month − 1), without the explanation. */
export function longTermCareMonths(input: { birthDate: string; date: string }): {
  insured: boolean
  from: number
  until: number
  month: number
} {
  const birth = parseIsoDate(input.birthDate, 'birthDate')
  const on = parseIsoDate(input.date, 'date')
  if (input.birthDate > input.date) {
    throw new RulesError({
      code: 'DATE_INVALID',
      message: 'birthDate is after the date',
      messageJa: '生年月日が対象日より後になっています。',
      field: 'birthDate',
    })
  }
  const from = monthReaching(birth, 40)
  const until = monthReaching(birth, 65)
  const month = monthIndex(on.year, on.month)
  return { insured: from <= month && month < until, from, until, month }
}

export function longTermCareStatus(input: { birthDate: string; date: string }): LongTermCareStatus {
  const { insured, from, until, month } = longTermCareMonths(input)
  const range = `${formatMonth(from)}分から${formatMonth(until - 1)}分まで`
  return {
    insured,
    fromMonth: formatMonth(from),
    untilMonth: formatMonth(until),
    explanationJa: `介護保険料は40歳に達した月から65歳に達した月の前月まで (${range}) かかり、${formatMonth(month)}分は${insured ? '対象' : '対象外'}です。`,
  }
}
