import type { GradeTable } from './grade-table.ts'

/**
 * 厚生年金保険 標準報酬月額 (厚生年金保険法20条1項): 32 grades, ¥88,000 to ¥650,000, since grade 32 was
 * added in September 2020. Grade k equals 健保 grade k+3. The 年金制度改正法 (enacted 2025-06-13) raises
 * the ceiling from September 2027; the new grades are not yet fixed by 政令, so this table ends there
 * and a later date is refused rather than guessed.
 */
export const PENSION_STANDARD_REMUNERATION_2020_09: GradeTable = {
  kind: 'pension-standard-remuneration',
  id: 'pension-standard-remuneration-2020-09',
  titleJa: '厚生年金保険 標準報酬月額表 (32等級、令和2年9月〜)',
  effectiveFrom: '2020-09-01',
  effectiveTo: '2027-09-01',
  source: {
    document:
      'shared/domain/standard-remuneration.md, 標準報酬月額 grade tables; 協会けんぽ 保険料額表 (https://www.kyoukaikenpo.or.jp/about/business/insurance_rate/rate_prefectures/r08/index.html); 日本年金機構 厚生年金保険料額表 (https://www.nenkin.go.jp/service/kounen/hokenryo/ryogaku/)',
    confidence: 'CONFIRMED',
    verification:
      'Boundaries as the 健保 table (grade k = 健保 k+3), grade 1 open below ¥93,000 and grade 32 open from ¥635,000 (domain file). The 2027-09 end follows the enacted ceiling rise (fujita-human.com, news.livedoor.com, CONFIRMED); the new grades 33–35 are UNCONFIRMED and not encoded.',
  },
  grades: [
    { grade: 1, standardAmount: 88_000, from: 0, to: 93_000 },
    { grade: 2, standardAmount: 98_000, from: 93_000, to: 101_000 },
    { grade: 3, standardAmount: 104_000, from: 101_000, to: 107_000 },
    { grade: 4, standardAmount: 110_000, from: 107_000, to: 114_000 },
    { grade: 5, standardAmount: 118_000, from: 114_000, to: 122_000 },
    { grade: 6, standardAmount: 126_000, from: 122_000, to: 130_000 },
    { grade: 7, standardAmount: 134_000, from: 130_000, to: 138_000 },
    { grade: 8, standardAmount: 142_000, from: 138_000, to: 146_000 },
    { grade: 9, standardAmount: 150_000, from: 146_000, to: 155_000 },
    { grade: 10, standardAmount: 160_000, from: 155_000, to: 165_000 },
    { grade: 11, standardAmount: 170_000, from: 165_000, to: 175_000 },
    { grade: 12, standardAmount: 180_000, from: 175_000, to: 185_000 },
    { grade: 13, standardAmount: 190_000, from: 185_000, to: 195_000 },
    { grade: 14, standardAmount: 200_000, from: 195_000, to: 210_000 },
    { grade: 15, standardAmount: 220_000, from: 210_000, to: 230_000 },
    { grade: 16, standardAmount: 240_000, from: 230_000, to: 250_000 },
    { grade: 17, standardAmount: 260_000, from: 250_000, to: 270_000 },
    { grade: 18, standardAmount: 280_000, from: 270_000, to: 290_000 },
    { grade: 19, standardAmount: 300_000, from: 290_000, to: 310_000 },
    { grade: 20, standardAmount: 320_000, from: 310_000, to: 330_000 },
    { grade: 21, standardAmount: 340_000, from: 330_000, to: 350_000 },
    { grade: 22, standardAmount: 360_000, from: 350_000, to: 370_000 },
    { grade: 23, standardAmount: 380_000, from: 370_000, to: 395_000 },
    { grade: 24, standardAmount: 410_000, from: 395_000, to: 425_000 },
    { grade: 25, standardAmount: 440_000, from: 425_000, to: 455_000 },
    { grade: 26, standardAmount: 470_000, from: 455_000, to: 485_000 },
    { grade: 27, standardAmount: 500_000, from: 485_000, to: 515_000 },
    { grade: 28, standardAmount: 530_000, from: 515_000, to: 545_000 },
    { grade: 29, standardAmount: 560_000, from: 545_000, to: 575_000 },
    { grade: 30, standardAmount: 590_000, from: 575_000, to: 605_000 },
    { grade: 31, standardAmount: 620_000, from: 605_000, to: 635_000 },
    { grade: 32, standardAmount: 650_000, from: 635_000, to: null },
  ],
}
