import { toWareki } from '@mamori/rules/calendar/wareki.ts'

/** 'YYYY-MM-DD' in 西暦 as the forms write it: 2026年4月1日. */
export function seirekiOf(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number)
  return `${year}年${month}月${day}日`
}

/** 和暦 of a date, or null before 明治6年 (1873), which has no arithmetic conversion. */
export function warekiOf(isoDate: string): string | null {
  try {
    return toWareki(isoDate).formatted
  } catch {
    return null
  }
}

/** Both calendars, as offices read dates on 届出: 令和8年4月1日（2026年4月1日）. */
export function dateLabel(isoDate: string): string {
  const wareki = warekiOf(isoDate)
  const seireki = seirekiOf(isoDate)
  return wareki === null ? seireki : `${wareki}（${seireki}）`
}

/** A moment (ISO timestamp) in Japan time: 2026年11月23日 14:05. */
export function dateTimeLabel(iso: string): string {
  return new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso))
}
