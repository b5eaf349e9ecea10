import { percent } from '../../money/rate.ts'
import type { ChildSupportLevyTable } from './child-support-levy-table.ts'

/**
 * 子ども・子育て支援金率 0.23% from the 令和8年4月分 (first paid in May 2026), the rate the government
 * set for all 被用者保険 in 令和8年度. The levy did not exist before; the next 年度 rate is not known.
 */
export const CHILD_SUPPORT_LEVY_2026_04: ChildSupportLevyTable = {
  kind: 'child-support-levy',
  id: 'child-support-levy-2026-04',
  titleJa: '子ども・子育て支援金率 0.23% (令和8年4月分〜)',
  effectiveFrom: '2026-04-01',
  effectiveTo: '2027-04-01',
  source: {
    document:
      'shared/domain/premiums.md, 子ども・子育て支援金; horei.co.jp; office-link.jp/columns/608 (citing こども家庭庁); kumazawa-hr.com/2026insurance',
    confidence: 'CONFIRMED',
    verification:
      'Rate CONFIRMED in the domain file. Cross-checked by Mamori: office-mori.biz/?p=10257 and sr-bridge.com/info/6648541 also give 0.23% for 令和8年度. Rounding: psrn.jp/topics/detail.php?id=39832 and sr-bridge.com quote the 厚労省「子ども・子育て支援金に関するQ&A」(令和8年2月12日事務連絡): the employee share is half of 標準報酬 × (一般保険料率 + 支援金率), rounded once by the 50銭 rule; psrn.jp notes the answer does not say whether this is the rule or an example. The rate for 健康保険組合 ("0.24%程度" in earlier news) is not covered here.',
  },
  rate: percent('0.23'),
}
