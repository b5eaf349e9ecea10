import { percent } from '../../money/rate.ts'
import type { ComputerMethodTable } from './computer-method-table.ts'

/**
 * 電算機計算の特例 (甲欄), 令和8年分: payments made in 2026. Reflects the 令和7年度税制改正
 * (基礎控除 本則 58万 → 48,334/月; 給与所得控除 最低保障 65万 → 54,167/月 for A ≤ 158,333).
 */
export const COMPUTER_METHOD_2026_01: ComputerMethodTable = {
  kind: 'withholding-computer-method',
  id: 'computer-method-2026-01',
  titleJa: '源泉徴収 電算機計算の特例 (月額表甲欄) 令和8年分',
  effectiveFrom: '2026-01-01',
  effectiveTo: '2027-01-01',
  source: {
    document:
      'shared/domain/withholding.md, 電算機計算の特例 for 甲欄 (R8 column); 国税庁 https://www.nta.go.jp/users/gensen/2026kaisei/index.htm (as cited by rakually shotokuzei-densan.js)',
    confidence: 'SECONDARY',
    verification:
      'SECONDARY (one source, rakually). Internally consistent with the 令和7年度改正: 580,000/12 → 48,334; 650,000/12 → 54,167; 2,545万/12 → 2,120,833 (checked by Mamori). Searching stored pages found no primary or independent copy of the 令和8年分 特例 tables. OPEN (withholding.md, 令和8年度税制改正): whether 国税庁 changed the monthly 特例 during 2026 for the 令和8年度改正 (基礎控除 62万, 最低保障 69万) is UNCONFIRMED; this table keeps the parameters published for 令和8年分.',
  },
  employmentIncomeDeduction: [
    { upTo: 158_333, rate: percent('0'), addend: 54_167 },
    { upTo: 299_999, rate: percent('30'), addend: 6_667 },
    { upTo: 549_999, rate: percent('20'), addend: 36_667 },
    { upTo: 708_330, rate: percent('10'), addend: 91_667 },
    { upTo: null, rate: percent('0'), addend: 162_500 },
  ],
  dependentDeductionPerPerson: 31_667,
  basicDeduction: [
    { upTo: 2_120_833, amount: 48_334 },
    { upTo: 2_162_499, amount: 40_000 },
    { upTo: 2_204_166, amount: 26_667 },
    { upTo: 2_245_833, amount: 13_334 },
    { upTo: null, amount: 0 },
  ],
  taxBrackets: [
    { upTo: 162_500, rate: percent('5.105'), subtract: 0 },
    { upTo: 275_000, rate: percent('10.21'), subtract: 8_296 },
    { upTo: 579_166, rate: percent('20.42'), subtract: 36_374 },
    { upTo: 750_000, rate: percent('23.483'), subtract: 54_113 },
    { upTo: 1_500_000, rate: percent('33.693'), subtract: 130_688 },
    { upTo: 3_333_333, rate: percent('40.84'), subtract: 237_893 },
    { upTo: null, rate: percent('45.945'), subtract: 408_061 },
  ],
}
