import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { COMPUTER_METHOD_2020_01 } from '../tables/withholding/computer-method-2020-01.ts'
import { COMPUTER_METHOD_2026_01 } from '../tables/withholding/computer-method-2026-01.ts'
import { withholdMonthlyKouByComputer } from './computer-method.ts'

const R7 = '2025-06-25'
const R8 = '2026-06-25'

function kou(date: string, amount: number, dependents = 0) {
  return withholdMonthlyKouByComputer({ date, pay: amount, socialInsurance: 0, dependents })
}

/**
 * withholding.md, Test vectors and Intermediate values (computed with exact fractions; the
 * A = 300,000 rows match rakually kyuyo/tests/shotokuzei-densan.test.js).
 * A, 扶養, 給与所得控除, 扶養控除等, R7 B, R7 tax, R8 B, R8 tax.
 */
const VECTORS: [number, number, number, number, number, number, number, number][] = [
  [300_000, 0, 96_667, 0, 163_333, 8_380, 154_999, 7_910],
  [300_000, 1, 96_667, 31_667, 131_666, 6_720, 123_332, 6_300],
  [250_000, 2, 81_667, 63_334, 64_999, 3_320, 56_665, 2_890],
  [500_000, 0, 136_667, 0, 323_333, 29_650, 314_999, 27_950],
  [1_000_000, 3, 162_500, 95_001, 702_499, 110_850, 694_165, 108_900],
  [160_000, 0, 54_667, 0, 65_333, 3_340, 56_999, 2_910],
]

describe('電算機計算の特例 甲欄: withholding.md test vectors', () => {
  for (const [a, dependents, employment, dependentDeduction, b7, tax7, b8, tax8] of VECTORS) {
    test(`令和7年分 A=${a} 扶養${dependents}人 → B=${b7}, 税額${tax7}円`, () => {
      const result = kou(R7, a, dependents)
      assert.equal(result.employmentIncomeDeduction, employment)
      assert.equal(result.dependentDeduction, dependentDeduction)
      assert.equal(result.basicDeduction, 40_000)
      assert.equal(result.taxableAmount, b7)
      assert.equal(result.tax, tax7)
    })
    test(`令和8年分 A=${a} 扶養${dependents}人 → B=${b8}, 税額${tax8}円 (SECONDARY parameters)`, () => {
      const result = kou(R8, a, dependents)
      assert.equal(result.employmentIncomeDeduction, a === 160_000 ? 54_667 : employment)
      assert.equal(result.basicDeduction, 48_334)
      assert.equal(result.taxableAmount, b8)
      assert.equal(result.tax, tax8)
    })
  }
  test('A is pay minus 社会保険料等: pay ¥345,000 − ¥45,000 = A ¥300,000', () => {
    const result = withholdMonthlyKouByComputer({
      date: R8,
      pay: 345_000,
      socialInsurance: 45_000,
      dependents: 0,
    })
    assert.equal(result.amountAfterSocialInsurance, 300_000)
    assert.equal(result.tax, 7_910)
  })
})

describe('Table 1 給与所得控除の額: every band edge (the formulas meet; fractions rounded up)', () => {
  const r7: [number, number][] = [
    [135_416, 45_834],
    [135_417, 45_834],
    [149_999, 51_667],
    [150_000, 51_667],
    [299_999, 96_667],
    [300_000, 96_667],
    [549_999, 146_667],
    [550_000, 146_667],
    [708_330, 162_500],
    [708_331, 162_500],
  ]
  for (const [a, expected] of r7) {
    test(`令和7年分 A=${a} → ${expected}`, () => assert.equal(kou(R7, a).employmentIncomeDeduction, expected))
  }
  for (const [a, expected] of [
    [158_333, 54_167],
    [158_334, 54_168],
    [299_999, 96_667],
  ] as const) {
    test(`令和8年分 A=${a} → ${expected}`, () => assert.equal(kou(R8, a).employmentIncomeDeduction, expected))
  }
})

describe('Table 3 基礎控除の額: every band edge', () => {
  const cases: [string, number, number][] = [
    [R7, 2_162_499, 40_000],
    [R7, 2_162_500, 26_667],
    [R7, 2_204_166, 26_667],
    [R7, 2_204_167, 13_334],
    [R7, 2_245_833, 13_334],
    [R7, 2_245_834, 0],
    [R8, 2_120_833, 48_334],
    [R8, 2_120_834, 40_000],
    [R8, 2_162_499, 40_000],
    [R8, 2_162_500, 26_667],
  ]
  for (const [date, a, expected] of cases) {
    test(`${date.slice(0, 4)} A=${a} → ${expected}`, () =>
      assert.equal(kou(date, a).basicDeduction, expected))
  }
})

describe('edges and refusals', () => {
  test('B ≤ 0 gives no tax: 令和8年分 A=¥102,501 (54,167 + 48,334) → 0', () => {
    assert.equal(kou(R8, 102_501).tax, 0)
    assert.equal(kou(R8, 102_502).tax, 0)
    assert.equal(kou(R8, 0).tax, 0)
  })
  test('social insurance above the pay leaves A = 0', () => {
    assert.equal(
      withholdMonthlyKouByComputer({ date: R8, pay: 10_000, socialInsurance: 20_000, dependents: 0 }).tax,
      0,
    )
  })
  test('a negative or fractional count of dependants is ARGUMENT_INVALID', () => {
    assert.throws(() => kou(R8, 300_000, -1), { code: 'ARGUMENT_INVALID', field: 'dependents' })
    assert.throws(() => kou(R8, 300_000, 1.5), { code: 'ARGUMENT_INVALID' })
  })
  test('令和元年分 and 令和9年分 are TABLE_NOT_IN_FORCE', () => {
    assert.throws(() => kou('2019-12-25', 300_000), { code: 'TABLE_NOT_IN_FORCE' })
    assert.throws(() => kou('2027-01-25', 300_000), { code: 'TABLE_NOT_IN_FORCE' })
  })
  test('the band lists end open, so every amount has a band', () => {
    for (const table of [COMPUTER_METHOD_2020_01, COMPUTER_METHOD_2026_01]) {
      assert.equal(table.employmentIncomeDeduction.at(-1)?.upTo, null)
      assert.equal(table.basicDeduction.at(-1)?.upTo, null)
      assert.equal(table.taxBrackets.at(-1)?.upTo, null)
    }
  })
  test('explanation lists each step', () => {
    assert.equal(
      kou(R8, 300_000, 1).explanationJa,
      '源泉徴収 電算機計算の特例 (月額表甲欄) 令和8年分: 社会保険料等控除後の給与等の金額300,000円から給与所得控除96,667円、扶養控除等31,667円 (1人)、基礎控除48,334円を引いた課税給与所得金額123,332円に税率を適用し、10円未満を四捨五入して6,300円。',
    )
  })
})

describe('properties', () => {
  const dates = fc.constantFrom(R7, R8)
  test('tax never decreases as A rises', () => {
    fc.assert(
      fc.property(
        dates,
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 8 }),
        (date, x, y, dependents) => {
          const [low, high] = x <= y ? [x, y] : [y, x]
          assert.ok(kou(date, low, dependents).tax <= kou(date, high, dependents).tax)
        },
      ),
    )
  })
  test('tax never increases with more dependants', () => {
    fc.assert(
      fc.property(
        dates,
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 8 }),
        (date, a, dependents) => {
          assert.ok(kou(date, a, dependents + 1).tax <= kou(date, a, dependents).tax)
        },
      ),
    )
  })
  test('tax is a whole multiple of ¥10 and never negative', () => {
    fc.assert(
      fc.property(
        dates,
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 8 }),
        (date, a, dependents) => {
          const { tax } = kou(date, a, dependents)
          assert.ok(tax >= 0 && tax % 10 === 0)
        },
      ),
    )
  })
})
