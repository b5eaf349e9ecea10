/** Dates of a payroll period, as 'YYYY-MM-DD' text (no time zone can shift them). */

/** The first day of the month of `date`. */
export function monthOf(date: string): string {
  return `${date.slice(0, 7)}-01`
}

/** The first day of the month before the month of `date`. */
export function previousMonthOf(date: string): string {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  return month === 1 ? `${year - 1}-12-01` : `${date.slice(0, 4)}-${String(month - 1).padStart(2, '0')}-01`
}

/**
 * The first day of a wage period that ends on `periodEnd`: the day after the same day a month
 * earlier (締日 20日 → 前月21日〜当月20日; 末日締め → 当月1日〜末日).
 */
export function periodStartOf(periodEnd: string): string {
  const end = new Date(`${periodEnd}T00:00:00Z`)
  const year = end.getUTCFullYear()
  const month = end.getUTCMonth()
  const day = end.getUTCDate()
  const lastOfPrevious = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const lastOfThis = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  // A period ending on the last day of its month starts on the 1st, whatever the month's length.
  const start =
    day === lastOfThis
      ? new Date(Date.UTC(year, month, 1))
      : new Date(Date.UTC(year, month - 1, Math.min(day, lastOfPrevious) + 1))
  return start.toISOString().slice(0, 10)
}

/** 1 April of the 年度 (April–March) that `date` falls in. */
export function fiscalYearStartOf(date: string): string {
  const year = Number(date.slice(0, 4))
  return Number(date.slice(5, 7)) >= 4 ? `${year}-04-01` : `${year - 1}-04-01`
}
