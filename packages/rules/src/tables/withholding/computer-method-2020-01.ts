import { percent } from '../../money/rate.ts'
import type { ComputerMethodTable } from './computer-method-table.ts'

/** 電算機計算の特例 (甲欄), 令和2年分〜令和7年分: payments made 2020-01-01 to 2025-12-31. */
export const COMPUTER_METHOD_2020_01: ComputerMethodTable = {
  kind: 'withholding-computer-method',
  id: 'computer-method-2020-01',
  titleJa: '源泉徴収 電算機計算の特例 (月額表甲欄) 令和2年分〜令和7年分',
  effectiveFrom: '2020-01-01',
  effectiveTo: '2026-01-01',
  source: {
    document:
      'shared/domain/withholding.md, 電算機計算の特例 for 甲欄 (Tables 1–4, R7 column); 国税庁「令和2年分以降 月額表の甲欄を適用する給与等に対する源泉徴収税額の電子計算機による計算の特例」',
    confidence: 'CONFIRMED',
    verification:
      'CONFIRMED in the domain file (long-standing values; agree with rakually shotokuzei-densan.js; the domain test vectors reproduce rakually tests). Cross-checked by Mamori: the lucasalary-jp gem (Kouran2020, rubydoc.info) has the same 基礎控除 bands (≤2,162,499: 40,000; ≤2,204,166: 26,667; …). The 国税庁 告示 itself was not read. 令和7年分 Table 3 merges the domain rows ≤2,120,833 and 2,120,834–2,162,499, both 40,000.',
  },
  employmentIncomeDeduction: [
    { upTo: 135_416, rate: percent('0'), addend: 45_834 },
    { upTo: 149_999, rate: percent('40'), addend: -8_333 },
    { upTo: 299_999, rate: percent('30'), addend: 6_667 },
    { upTo: 549_999, rate: percent('20'), addend: 36_667 },
    { upTo: 708_330, rate: percent('10'), addend: 91_667 },
    { upTo: null, rate: percent('0'), addend: 162_500 },
  ],
  dependentDeductionPerPerson: 31_667,
  basicDeduction: [
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
