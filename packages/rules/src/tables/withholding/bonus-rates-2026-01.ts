import { percent } from '../../money/rate.ts'
import type { BonusRateTable } from './bonus-rate-table.ts'

/**
 * 賞与に対する源泉徴収税額の算出率の表, 令和8年分 (所得税法186条, 別表第四). Thresholds in yen, converted from
 * the printed 千円以上. The last column is 7人; Mamori applies it to 7 or more dependants.
 */
export const BONUS_RATES_2026_01: BonusRateTable = {
  kind: 'withholding-bonus-rates',
  id: 'bonus-rates-2026-01',
  titleJa: '賞与に対する源泉徴収税額の算出率の表 令和8年分',
  effectiveFrom: '2026-01-01',
  effectiveTo: '2027-01-01',
  source: {
    document:
      'shared/domain/withholding.md, 賞与 (bonus) withholding, R8 甲 rate table and R8 乙欄 bonus rates; 国税庁 No.2523',
    confidence: 'SECONDARY',
    verification:
      'SECONDARY (rakually, which says it read the official 令和8年分 PDF). Cross-checked by Mamori: an unrelated PHP payroll implementation (found with find_string; it labels the table 現行表 2025年〜) has the same 160 thresholds, compared by script. Rows were generated from the domain table by script. That the 7人 column covers 7 or more (the printed heading 7人以上) is from memory, UNCONFIRMED. The 令和7年分 table is not held: the domain R7 row is from memory and the PHP code disagrees with it from the 16.336% row on, so 2025 bonuses are refused.',
  },
  kou: [
    { rate: percent('0.000'), fromByDependents: [0, 0, 0, 0, 0, 0, 0, 0] },
    {
      rate: percent('2.042'),
      fromByDependents: [82_000, 107_000, 143_000, 181_000, 218_000, 251_000, 284_000, 317_000],
    },
    {
      rate: percent('4.084'),
      fromByDependents: [94_000, 250_000, 276_000, 300_000, 300_000, 304_000, 343_000, 383_000],
    },
    {
      rate: percent('6.126'),
      fromByDependents: [260_000, 289_000, 321_000, 354_000, 387_000, 412_000, 438_000, 463_000],
    },
    {
      rate: percent('8.168'),
      fromByDependents: [309_000, 346_000, 377_000, 405_000, 431_000, 457_000, 483_000, 508_000],
    },
    {
      rate: percent('10.210'),
      fromByDependents: [342_000, 373_000, 400_000, 424_000, 452_000, 479_000, 505_000, 529_000],
    },
    {
      rate: percent('12.252'),
      fromByDependents: [372_000, 401_000, 426_000, 452_000, 477_000, 503_000, 527_000, 552_000],
    },
    {
      rate: percent('14.294'),
      fromByDependents: [402_000, 430_000, 457_000, 484_000, 509_000, 531_000, 553_000, 578_000],
    },
    {
      rate: percent('16.336'),
      fromByDependents: [433_000, 463_000, 492_000, 517_000, 540_000, 564_000, 589_000, 614_000],
    },
    {
      rate: percent('18.378'),
      fromByDependents: [520_000, 520_000, 525_000, 550_000, 577_000, 604_000, 630_000, 657_000],
    },
    {
      rate: percent('20.420'),
      fromByDependents: [605_000, 621_000, 636_000, 651_000, 666_000, 681_000, 697_000, 708_000],
    },
    {
      rate: percent('22.462'),
      fromByDependents: [684_000, 705_000, 728_000, 751_000, 774_000, 798_000, 821_000, 845_000],
    },
    {
      rate: percent('24.504'),
      fromByDependents: [715_000, 739_000, 764_000, 788_000, 813_000, 838_000, 862_000, 887_000],
    },
    {
      rate: percent('26.546'),
      fromByDependents: [752_000, 778_000, 804_000, 830_000, 856_000, 881_000, 907_000, 933_000],
    },
    {
      rate: percent('28.588'),
      fromByDependents: [795_000, 821_000, 848_000, 876_000, 903_000, 930_000, 957_000, 985_000],
    },
    {
      rate: percent('30.630'),
      fromByDependents: [854_000, 882_000, 910_000, 938_000, 966_000, 994_000, 1_022_000, 1_051_000],
    },
    {
      rate: percent('32.672'),
      fromByDependents: [922_000, 952_000, 983_000, 1_013_000, 1_044_000, 1_074_000, 1_104_000, 1_135_000],
    },
    {
      rate: percent('35.735'),
      fromByDependents: [
        1_318_000, 1_342_000, 1_367_000, 1_391_000, 1_416_000, 1_440_000, 1_464_000, 1_489_000,
      ],
    },
    {
      rate: percent('38.798'),
      fromByDependents: [
        1_521_000, 1_526_000, 1_526_000, 1_538_000, 1_555_000, 1_555_000, 1_555_000, 1_583_000,
      ],
    },
    {
      rate: percent('41.861'),
      fromByDependents: [
        2_621_000, 2_645_000, 2_669_000, 2_693_000, 2_716_000, 2_740_000, 2_764_000, 2_788_000,
      ],
    },
    {
      rate: percent('45.945'),
      fromByDependents: [
        3_495_000, 3_527_000, 3_559_000, 3_590_000, 3_622_000, 3_654_000, 3_685_000, 3_717_000,
      ],
    },
  ],
  otsu: [
    { from: 0, rate: percent('10.21') },
    { from: 224_000, rate: percent('20.42') },
    { from: 295_000, rate: percent('30.63') },
    { from: 527_000, rate: percent('38.798') },
    { from: 1_118_000, rate: percent('45.945') },
  ],
}
