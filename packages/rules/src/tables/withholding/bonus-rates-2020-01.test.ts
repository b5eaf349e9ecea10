import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { calculateBonusWithholding } from '../../withholding/bonus-withholding.ts'
import { BONUS_RATES_2020_01 } from './bonus-rates-2020-01.ts'

/**
 * Golden copy of the 国税庁「賞与に対する源泉徴収税額の算出率の表」令和2年分〜令和7年分 in the layout of
 * the first source named in bonus-rates-2020-01.ts: each row is a rate (%) and, for 扶養親族等の数
 * 0 … 7, the 前月の社会保険料等控除後の給与等の金額 (千円) that rate applies *below* (未満); from that amount
 * the next row's rate applies. The data module is in the other layout (以上), so this copy checks
 * the conversion as well as every figure.
 */
const GOLDEN_KOU = `
0.000 68 94 133 171 210 243 275 308
2.042 79 243 269 295 300 300 333 372
4.084 252 282 312 345 378 406 431 456
6.126 300 338 369 398 424 450 476 502
8.168 334 365 393 417 444 472 499 523
10.210 363 394 420 445 470 496 521 545
12.252 395 422 450 477 503 525 547 571
14.294 426 455 484 510 534 557 582 607
16.336 520 520 520 544 570 597 623 650
18.378 601 617 632 647 662 677 693 708
20.420 678 699 721 745 768 792 815 838
22.462 708 733 757 782 806 831 856 880
24.504 745 771 797 823 849 875 900 926
26.546 788 814 841 868 896 923 950 978
28.588 846 874 902 931 959 987 1015 1043
30.630 914 944 975 1005 1036 1066 1096 1127
32.672 1312 1336 1360 1385 1409 1434 1458 1482
35.735 1521 1526 1526 1538 1555 1555 1555 1583
38.798 2621 2645 2669 2693 2716 2740 2764 2788
41.861 3495 3527 3559 3590 3622 3654 3685 3717
45.945`
  .trim()
  .split('\n')
  .map((line) => {
    const [rate, ...below] = line.split(' ')
    return { rate: rate!, belowThousands: below.map(Number) }
  })

/** 乙欄: rate and the 千円 it applies below. */
const GOLDEN_OTSU: [string, number | null][] = [
  ['10.210', 222],
  ['20.420', 293],
  ['30.630', 524],
  ['38.798', 1118],
  ['45.945', null],
]

/** At most 10 × the smallest X tested (67,999円), so every case is the normal (rate-table) case. */
const BONUS = 500_000

/** The tax on a ¥500,000 bonus with no social insurance: exact, since the rate is in 0.001% steps. */
function taxAt(rate: string): number {
  return Number(rate.replace('.', '')) * 5
}

function bonusTax(column: 'kou' | 'otsu', previousPay: number, dependents: number) {
  return calculateBonusWithholding({
    date: '2025-12-10',
    column,
    bonus: BONUS,
    bonusSocialInsurance: 0,
    previousMonth: { pay: previousPay, socialInsurance: 0 },
    dependents,
    calculationPeriodOverSixMonths: false,
  })
}

describe('賞与算出率表 令和2年分〜令和7年分 甲欄: every bracket edge of every column (国税庁 算出率の表)', () => {
  for (let dependents = 0; dependents <= 7; dependents += 1) {
    for (const [row, line] of GOLDEN_KOU.entries()) {
      const next = GOLDEN_KOU[row + 1]
      if (!next) continue
      const edge = line.belowThousands[dependents]! * 1000
      test(`扶養${dependents}人: ${edge - 1}円 → ${line.rate}%, ${edge}円 → ${next.rate}%`, () => {
        assert.equal(bonusTax('kou', edge - 1, dependents).tax, taxAt(line.rate))
        assert.equal(bonusTax('kou', edge, dependents).tax, taxAt(next.rate))
      })
    }
  }
  test('the low edge: 10,000円 of previous pay is 0% for every column (100,000円 bonus = 10 × X)', () => {
    for (let dependents = 0; dependents <= 7; dependents += 1) {
      const result = calculateBonusWithholding({
        date: '2025-12-10',
        column: 'kou',
        bonus: 100_000,
        bonusSocialInsurance: 0,
        previousMonth: { pay: 10_000, socialInsurance: 0 },
        dependents,
        calculationPeriodOverSixMonths: false,
      })
      assert.equal(result.method, 'rate-table')
      assert.equal(result.tax, 0)
    }
  })
  test('8 or more dependants use the 7人 column', () => {
    assert.equal(bonusTax('kou', 307_999, 9).tax, 0)
    assert.equal(bonusTax('kou', 308_000, 9).tax, taxAt('2.042'))
  })
})

describe('賞与算出率表 令和2年分〜令和7年分 乙欄: every bracket edge', () => {
  for (const [row, [rate, below]] of GOLDEN_OTSU.entries()) {
    if (below === null) continue
    const nextRate = GOLDEN_OTSU[row + 1]![0]
    test(`${below * 1000 - 1}円 → ${rate}%, ${below * 1000}円 → ${nextRate}%`, () => {
      assert.equal(bonusTax('otsu', below * 1000 - 1, 0).tax, taxAt(rate))
      assert.equal(bonusTax('otsu', below * 1000, 0).tax, taxAt(nextRate))
    })
  }
})

describe('賞与算出率表 令和2年分〜令和7年分: shape', () => {
  test('21 rows from 0% to 45.945%, the period 令和2年1月1日 to 令和7年12月31日', () => {
    assert.equal(BONUS_RATES_2020_01.kou.length, GOLDEN_KOU.length)
    assert.equal(BONUS_RATES_2020_01.effectiveFrom, '2020-01-01')
    assert.equal(BONUS_RATES_2020_01.effectiveTo, '2026-01-01')
  })
  test('each row does not descend across dependants, so more dependants never give a higher rate', () => {
    for (const row of BONUS_RATES_2020_01.kou) {
      for (let dependents = 1; dependents < 8; dependents += 1) {
        assert.ok(row.fromByDependents[dependents]! >= row.fromByDependents[dependents - 1]!)
      }
    }
  })
  test('a 令和8年分 payment uses the 令和8年分 table, a 令和7年分 one this table', () => {
    assert.equal(bonusTax('kou', 300_000, 0).tableId, 'bonus-rates-2020-01')
    const r8 = calculateBonusWithholding({
      date: '2026-01-01',
      column: 'kou',
      bonus: BONUS,
      bonusSocialInsurance: 0,
      previousMonth: { pay: 300_000, socialInsurance: 0 },
      dependents: 0,
      calculationPeriodOverSixMonths: false,
    })
    assert.equal(r8.tableId, 'bonus-rates-2026-01')
  })
})
