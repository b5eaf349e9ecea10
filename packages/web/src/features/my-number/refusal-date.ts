/**
 * The day the office asked for a number, as the server takes it (an ISO date-time with offset):
 * the start of that day in Japan. A day after today or not a date is refused in Japanese.
 */
export function refusalRequestedAt(date: string, today: string): string | { problem: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (match === null) return { problem: '提供を求めた日を入力してください。' }
  const [, y, m, d] = match
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
  if (
    day.getUTCFullYear() !== Number(y) ||
    day.getUTCMonth() !== Number(m) - 1 ||
    day.getUTCDate() !== Number(d)
  ) {
    return { problem: '提供を求めた日を正しい日付で入力してください。' }
  }
  if (date > today) return { problem: '提供を求めた日に未来の日付は入力できません。' }
  return `${date}T00:00:00+09:00`
}

/** Today's date in Japan (YYYY-MM-DD), whatever the browser's time zone. */
export function todayInJapan(now: Date): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10)
}
