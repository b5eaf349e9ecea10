import { percent } from '../../money/rate.ts'
import type { OtsuMonthlyTable } from './otsu-monthly-table.ts'

/** 月額表 乙欄, 令和8年分: the lowest band and the two top formula bands (withholding.md, 乙欄). */
export const OTSU_MONTHLY_2026_01: OtsuMonthlyTable = {
  kind: 'withholding-otsu-monthly',
  id: 'otsu-monthly-2026-01',
  titleJa: '源泉徴収 月額表乙欄 令和8年分 (一部)',
  effectiveFrom: '2026-01-01',
  effectiveTo: '2027-01-01',
  source: {
    document: 'shared/domain/withholding.md, 乙欄 — outline (rakually)',
    confidence: 'SECONDARY',
    verification:
      'All SECONDARY (rakually), not found in stored pages. A < 105,000 → 3.063%; over 740,000 and under 1,710,000 → 259,200 + 40.84% of the excess; 1,710,000 and over → 655,400 + 45.945%. The domain says "up to 1,710,000" and "above 1,710,000"; Mamori puts exactly 1,710,000 in the top band as the 令和2年 table words it ("1,700,000円以上"), UNCONFIRMED. A = 740,000 exactly and the lookup rows from 105,000 to 740,000 are not held and are refused. Dropping fractions of ¥1 is UNCONFIRMED.',
  },
  bands: [
    { from: 0, to: 105_000, base: 0, rate: percent('3.063'), over: 0 },
    { from: 740_001, to: 1_710_000, base: 259_200, rate: percent('40.84'), over: 740_000 },
    { from: 1_710_000, to: null, base: 655_400, rate: percent('45.945'), over: 1_710_000 },
  ],
  dependentReductionPerPerson: 1_610,
}
