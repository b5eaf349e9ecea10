import { percent } from '../../money/rate.ts'
import type { BonusRateTable } from './bonus-rate-table.ts'

/**
 * 賞与に対する源泉徴収税額の算出率の表, 令和2年分〜令和7年分 (所得税法186条, 別表第四 as amended with
 * effect from 令和2年1月; unchanged until the 令和8年分 table). Thresholds in yen, converted from the
 * printed 千円以上. The last column is 7人; Mamori applies it to 7 or more dependants, as for 令和8年分.
 */
export const BONUS_RATES_2020_01: BonusRateTable = {
  kind: 'withholding-bonus-rates',
  id: 'bonus-rates-2020-01',
  titleJa: '賞与に対する源泉徴収税額の算出率の表 令和2年分〜令和7年分',
  effectiveFrom: '2020-01-01',
  effectiveTo: '2026-01-01',
  source: {
    document:
      '国税庁「賞与に対する源泉徴収税額の算出率の表」(令和2年1月以後分; e.g. https://www.nta.go.jp/publication/pamph/gensen/zeigakuhyo2023/02.htm, 令和5年分の税額表); 国税庁 No.2523',
    confidence: 'CONFIRMED',
    verification:
      'Closes the domain gap "R7 賞与算出率表 missing" (withholding.md, README.md gap 2). The 国税庁 page itself could not be opened from here; CONFIRMED by the README rule of two independent secondary sources that agree: (1) a public TypeScript payroll library that cites the 国税庁 令和5年分 page above and notes the table is unchanged since 令和2年1月, in 未満 layout; (2) renjaku/opendata public/v1/jp/withholding-tax/bonus-tables/2020-01-01.yaml, a structured transcription of the 国税庁 table in 以上 layout. Mamori converted (1) to 以上 and compared all 160 甲 thresholds and the 4 乙 thresholds with (2) by script: no difference. The 扶養0人 column also equals the row withholding.md gives from memory (68 / 79 / 252 / … / 3,495 千円). That the same table applied to every year 令和2年分〜令和7年分 rests on (1) and on the 電算機特例 parameters being unchanged over those years (computer-method-2020-01.ts).',
  },
  kou: [
    { rate: percent('0.000'), fromByDependents: [0, 0, 0, 0, 0, 0, 0, 0] },
    {
      rate: percent('2.042'),
      fromByDependents: [68_000, 94_000, 133_000, 171_000, 210_000, 243_000, 275_000, 308_000],
    },
    {
      rate: percent('4.084'),
      fromByDependents: [79_000, 243_000, 269_000, 295_000, 300_000, 300_000, 333_000, 372_000],
    },
    {
      rate: percent('6.126'),
      fromByDependents: [252_000, 282_000, 312_000, 345_000, 378_000, 406_000, 431_000, 456_000],
    },
    {
      rate: percent('8.168'),
      fromByDependents: [300_000, 338_000, 369_000, 398_000, 424_000, 450_000, 476_000, 502_000],
    },
    {
      rate: percent('10.210'),
      fromByDependents: [334_000, 365_000, 393_000, 417_000, 444_000, 472_000, 499_000, 523_000],
    },
    {
      rate: percent('12.252'),
      fromByDependents: [363_000, 394_000, 420_000, 445_000, 470_000, 496_000, 521_000, 545_000],
    },
    {
      rate: percent('14.294'),
      fromByDependents: [395_000, 422_000, 450_000, 477_000, 503_000, 525_000, 547_000, 571_000],
    },
    {
      rate: percent('16.336'),
      fromByDependents: [426_000, 455_000, 484_000, 510_000, 534_000, 557_000, 582_000, 607_000],
    },
    {
      rate: percent('18.378'),
      fromByDependents: [520_000, 520_000, 520_000, 544_000, 570_000, 597_000, 623_000, 650_000],
    },
    {
      rate: percent('20.420'),
      fromByDependents: [601_000, 617_000, 632_000, 647_000, 662_000, 677_000, 693_000, 708_000],
    },
    {
      rate: percent('22.462'),
      fromByDependents: [678_000, 699_000, 721_000, 745_000, 768_000, 792_000, 815_000, 838_000],
    },
    {
      rate: percent('24.504'),
      fromByDependents: [708_000, 733_000, 757_000, 782_000, 806_000, 831_000, 856_000, 880_000],
    },
    {
      rate: percent('26.546'),
      fromByDependents: [745_000, 771_000, 797_000, 823_000, 849_000, 875_000, 900_000, 926_000],
    },
    {
      rate: percent('28.588'),
      fromByDependents: [788_000, 814_000, 841_000, 868_000, 896_000, 923_000, 950_000, 978_000],
    },
    {
      rate: percent('30.630'),
      fromByDependents: [846_000, 874_000, 902_000, 931_000, 959_000, 987_000, 1_015_000, 1_043_000],
    },
    {
      rate: percent('32.672'),
      fromByDependents: [914_000, 944_000, 975_000, 1_005_000, 1_036_000, 1_066_000, 1_096_000, 1_127_000],
    },
    {
      rate: percent('35.735'),
      fromByDependents: [
        1_312_000, 1_336_000, 1_360_000, 1_385_000, 1_409_000, 1_434_000, 1_458_000, 1_482_000,
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
    { from: 0, rate: percent('10.210') },
    { from: 222_000, rate: percent('20.420') },
    { from: 293_000, rate: percent('30.630') },
    { from: 524_000, rate: percent('38.798') },
    { from: 1_118_000, rate: percent('45.945') },
  ],
}
