/**
 * How a person is insured, for counting which months enter the 報酬月額 (filings.md, 算定基礎届
 * "Which months count" and 月額変更届 condition 2; CONFIRMED):
 * - 'general': 一般の被保険者;
 * - 'part-timer': 短時間就労者 ("パート"), working at least 3/4 of full-time hours and so insured as
 *   a normal member;
 * - 'short-time-worker': 短時間労働者 (under 3/4), insured under the 特定適用事業所 expansion.
 */
export type InsuredCategory = 'general' | 'part-timer' | 'short-time-worker'

export const INSURED_CATEGORY_NAMES_JA: Readonly<Record<InsuredCategory, string>> = {
  general: '一般の被保険者',
  'part-timer': '短時間就労者 (パート)',
  'short-time-worker': '短時間労働者 (特定適用事業所等)',
}

/**
 * The fewest 支払基礎日数 a month needs to count (CONFIRMED, filings.md): 17, or 11 for a 短時間労働者.
 * A 短時間就労者 falls back to 15 in the 定時決定 only (regular-determination.ts); the 随時改定
 * lists no such fallback, so 17 applies there.
 */
export function minimumPaymentBaseDays(category: InsuredCategory): number {
  return category === 'short-time-worker' ? 11 : 17
}

/** The 定時決定 fallback for a 短時間就労者 with no month of 17 days (filings.md; CONFIRMED). */
export const PART_TIMER_FALLBACK_DAYS = 15
