import type { StandardBonusCapTable } from './standard-bonus-cap-table.ts'

/**
 * 標準賞与額: bonus rounded down to ¥1,000; 健保 ¥5,730,000 per 年度, 厚年 ¥1,500,000 per month.
 * The 健保 cap became ¥5,730,000 in the 2016-04 revision (with 健保 grades 48–50); the 厚年 cap has
 * been ¥1,500,000 since the 2003-04 総報酬制.
 */
export const STANDARD_BONUS_CAPS_2016_04: StandardBonusCapTable = {
  kind: 'standard-bonus-caps',
  id: 'standard-bonus-caps-2016-04',
  titleJa: '標準賞与額の上限 (健保 年度累計573万円・厚年 1か月150万円)',
  effectiveFrom: '2016-04-01',
  effectiveTo: null,
  source: {
    document:
      'shared/domain/standard-remuneration.md, 標準賞与額; tosyakyo.or.jp 年金機構 bulletin (http://mail.tosyakyo.or.jp/kouhou/shinpou/1607/p2.html); 厚年則19条の5 as quoted on hihirika.hateblo.jp',
    confidence: 'CONFIRMED',
    verification:
      'Amounts CONFIRMED in the domain file. The 2016-04-01 start of the ¥5,730,000 cap is not stated there: it is the date of the revision that also created 健保 grades 48–50 (health-2016-04), UNCONFIRMED against a primary source; it only matters for dates before FY2025.',
  },
  healthAnnualCap: 5_730_000,
  pensionMonthlyCap: 1_500_000,
  truncationUnit: 1_000,
}
