import { percent } from '../../money/rate.ts'
import type { ChildContributionTable } from './child-contribution-table.ts'

/** 子ども・子育て拠出金率 0.36% for 令和8年度 (2026-04 分 to 2027-03 分). */
export const CHILD_CONTRIBUTION_2026_04: ChildContributionTable = {
  kind: 'child-contribution',
  id: 'child-contribution-2026-04',
  titleJa: '子ども・子育て拠出金率 令和8年度 0.36%',
  effectiveFrom: '2026-04-01',
  effectiveTo: '2027-04-01',
  source: {
    document: 'shared/domain/premiums.md, Rates at a glance (子ども・子育て拠出金率)',
    confidence: 'CONFIRMED',
    verification:
      'R8 0.36% CONFIRMED in the domain file (workinnovation.co.jp, citing the 第140回 協会けんぽ運営委員会). Not re-checked.',
  },
  rate: percent('0.36'),
}
