import { percent } from '../../money/rate.ts'
import type { OtsuMonthlyTable } from './otsu-monthly-table.ts'

/** 月額表 乙欄, 令和2年分〜令和7年分: only the lowest band is known (withholding.md, 乙欄). */
export const OTSU_MONTHLY_2020_01: OtsuMonthlyTable = {
  kind: 'withholding-otsu-monthly',
  id: 'otsu-monthly-2020-01',
  titleJa: '源泉徴収 月額表乙欄 令和2年分〜令和7年分 (一部)',
  effectiveFrom: '2020-01-01',
  effectiveTo: '2026-01-01',
  source: {
    document: 'shared/domain/withholding.md, 乙欄 — outline; 国税庁 月額表 (令和2年分以降)',
    confidence: 'SECONDARY',
    verification:
      'A < 88,000 → A × 3.063% from the domain outline; cross-checked by Mamori against gist tbtbt/18a6c91f (令和2年 table as code: 0–88,000 乙 3.063%). ¥1,610 per dependant SECONDARY. The rest of the 乙欄 table (the lookup rows and the top formula bands) is not held; those amounts are refused. Dropping fractions of ¥1 from the 3.063% amount is UNCONFIRMED.',
  },
  bands: [{ from: 0, to: 88_000, base: 0, rate: percent('3.063'), over: 0 }],
  dependentReductionPerPerson: 1_610,
}
