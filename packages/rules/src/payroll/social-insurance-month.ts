import { toWareki } from '../calendar/wareki.ts'
import { parseIsoDate } from '../tables/iso-date.ts'

/**
 * Which month's 社会保険料 a pay deducts. The law lets the employer deduct the *previous* month's
 * premium from each pay (健康保険法167条1項, 厚生年金保険法84条1項): 翌月徴収, the usual practice.
 * Some employers deduct the same month's (当月徴収); that is a per-establishment setting.
 */
export type PremiumCollection = 'following-month' | 'same-month'

export const PREMIUM_COLLECTION_NAMES_JA: Readonly<Record<PremiumCollection, string>> = {
  'following-month': '翌月徴収',
  'same-month': '当月徴収',
}

/** The first day of the month the premium is for (〇月分), as 'YYYY-MM-01'. */
export function premiumMonthOf(paymentDate: string, collection: PremiumCollection): string {
  const { year, month } = parseIsoDate(paymentDate, 'paymentDate')
  const index = year * 12 + (month - 1) - (collection === 'following-month' ? 1 : 0)
  const y = Math.floor(index / 12)
  const m = (index % 12) + 1
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`
}

/** '2026-04-01' → '令和8年4月分'. */
export function formatPremiumMonthJa(premiumMonth: string): string {
  const w = toWareki(premiumMonth, 'premiumMonth')
  return `${w.era}${w.year === 1 ? '元' : w.year}年${w.month}月分`
}
