import { percent } from '../../money/rate.ts'
import type { ChildContributionTable } from './child-contribution-table.ts'

/** 子ども・子育て拠出金率 0.36% for 令和7年度 (2025-04 分 to 2026-03 分). */
export const CHILD_CONTRIBUTION_2025_04: ChildContributionTable = {
  kind: 'child-contribution',
  id: 'child-contribution-2025-04',
  titleJa: '子ども・子育て拠出金率 令和7年度 0.36%',
  effectiveFrom: '2025-04-01',
  effectiveTo: '2026-04-01',
  source: {
    document: 'shared/domain/premiums.md, Rates at a glance (子ども・子育て拠出金率)',
    confidence: 'CONFIRMED',
    verification:
      'R7 0.36% CONFIRMED in the domain file (thekurashilog gives R6 = 0.36%, unchanged in R7). Not re-checked.',
  },
  rate: percent('0.36'),
}
