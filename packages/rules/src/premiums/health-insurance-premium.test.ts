import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { applyRate, floorSen } from '../money/exact-yen.ts'
import type { PrefectureCode } from '../prefectures/prefecture-codes.ts'
import { CHILD_SUPPORT_LEVY_2026_04 } from '../tables/child-support-levy/child-support-levy-2026-04.ts'
import { HEALTH_STANDARD_REMUNERATION_2016_04 } from '../tables/standard-remuneration/health-2016-04.ts'
import { calculateHealthInsurancePremium } from './health-insurance-premium.ts'
import type { ShareRounding } from './share-rounding.ts'

function health(
  date: string,
  base: number,
  options: {
    prefecture?: PrefectureCode
    care?: boolean
    rounding?: ShareRounding
    basis?: 'monthly' | 'bonus'
  } = {},
) {
  return calculateHealthInsurancePremium({
    date,
    prefecture: options.prefecture ?? 13,
    basis: options.basis ?? 'monthly',
    base,
    longTermCareInsured: options.care ?? false,
    rounding: options.rounding ?? 'deduct-from-pay',
  })
}

describe('worked examples, 東京 令和7年度 (premiums.md, Rounding rules, CONFIRMED arithmetic)', () => {
  test('健保 ¥110,000 × 9.91% = ¥10,901.0; 折半 ¥5,450.50 → 給与控除 ¥5,450, 現金 ¥5,451', () => {
    const deducted = health('2025-05-01', 110_000)
    assert.equal(deducted.totalSen, 1_090_100)
    assert.equal(deducted.employeeShare, 5_450)
    assert.equal(deducted.employerShareSen, 545_100)
    assert.equal(health('2025-05-01', 110_000, { rounding: 'paid-in-cash' }).employeeShare, 5_451)
  })
  test('健保 ¥300,000 × 9.91% = ¥29,730 → ¥14,865', () => {
    const result = health('2025-05-01', 300_000)
    assert.equal(result.totalSen, 2_973_000)
    assert.equal(result.employeeShare, 14_865)
  })
  test('健保 + 介護 ¥410,000 × 11.50% = ¥47,150 → ¥23,575', () => {
    const result = health('2025-05-01', 410_000, { care: true })
    assert.equal(result.totalSen, 4_715_000)
    assert.equal(result.employeeShare, 23_575)
    assert.deepEqual(
      result.components.map((c) => [c.item, c.totalSen]),
      [
        ['health', 4_063_100],
        ['long-term-care', 651_900],
      ],
    )
  })
})

describe('子ども・子育て支援金 0.23% from 令和8年4月分 (premiums.md; office-link.jp worked examples)', () => {
  for (const [base, total] of [
    [300_000, 690],
    [500_000, 1_150],
  ] as const) {
    test(`標準報酬月額 ¥${base} → 支援金 ¥${total} (employee ¥${total / 2})`, () => {
      const levy = health('2026-05-01', base).components.find((c) => c.item === 'child-support')
      assert.equal(levy?.totalSen, total * 100)
    })
  }
  test('¥400,000 × 0.23% = ¥920 (office-link.jp; ¥400,000 is no grade, so the rate is checked directly)', () => {
    assert.equal(floorSen(applyRate(400_000, CHILD_SUPPORT_LEVY_2026_04.rate)), 92_000)
  })
  test('令和8年3月分: R8 rate 9.85%, no 支援金 yet → ¥300,000: ¥29,550 / ¥14,775', () => {
    const result = health('2026-03-01', 300_000)
    assert.deepEqual(result.tableIds, ['kyokai-kenpo-2026-03'])
    assert.equal(result.employeeShare, 14_775)
  })
  test('令和8年4月分, 東京, 45歳: 9.85% + 1.62% + 0.23% = 11.70% → ¥35,100 / ¥17,550, rounded once (厚労省 Q&A 2026-02-12)', () => {
    const result = health('2026-04-01', 300_000, { care: true })
    assert.equal(result.totalSen, 3_510_000)
    assert.equal(result.employeeShare, 17_550)
    assert.equal(
      result.explanationJa,
      '標準報酬月額300,000円 × 11.7% (健康保険料 9.85% + 介護保険料 1.62% + 子ども・子育て支援金 0.23%) = 35,100円。被保険者負担は折半額を給与から控除 (50銭以下切捨て・50銭超切上げ)して17,550円、事業主負担は残りの17,550円。',
    )
  })
  test('bonus: 標準賞与額 ¥1,001,000, 東京 R8, no 介護: 10.08% = ¥100,900.80, 折半 ¥50,450.40 → ¥50,450', () => {
    const result = health('2026-06-30', 1_001_000, { basis: 'bonus' })
    assert.equal(result.totalSen, 10_090_080)
    assert.equal(result.employeeShare, 50_450)
    assert.equal(result.employerShareSen, 5_045_080)
  })
})

/** percent × 100 for each prefecture, R7 and R8, as in premiums.md (JIS order). */
const R7 = [
  1031, 985, 962, 1011, 1001, 975, 962, 967, 982, 977, 976, 979, 991, 992, 955, 965, 988, 994, 989, 969, 993,
  980, 1003, 999, 997, 1003, 1024, 1016, 1002, 1019, 993, 994, 1017, 997, 1036, 1047, 1021, 1018, 1013, 1031,
  1078, 1041, 1012, 1025, 1009, 1031, 944,
]
const R8 = [
  1028, 985, 951, 1010, 1001, 975, 950, 952, 982, 968, 967, 973, 985, 992, 921, 959, 970, 971, 955, 963, 980,
  961, 993, 977, 988, 989, 1013, 1012, 991, 1006, 986, 994, 1005, 978, 1015, 1024, 1002, 998, 1005, 1011,
  1055, 1006, 1008, 1008, 977, 1013, 944,
]

describe('every prefecture, FY2025 and FY2026: ¥410,000 with 介護, where the 折半額 may end in 50銭', () => {
  for (let code = 1; code <= 47; code += 1) {
    for (const [label, date, rates, extra] of [
      ['令和7年度 (2025-05分)', '2025-05-01', R7, 159],
      ['令和8年度 (2026-05分, 支援金込み)', '2026-05-01', R8, 162 + 23],
    ] as const) {
      test(`都道府県コード${code} ${label}`, () => {
        // ¥410,000 × (rate in 1/10000) = 41 × rate yen; the half is 20.5 × rate, so an odd rate leaves 50銭.
        const rate = rates[code - 1]! + extra
        const result = health(date, 410_000, { prefecture: code as PrefectureCode, care: true })
        assert.equal(result.totalSen, 41 * rate * 100)
        assert.equal(result.employeeShare, Math.floor((41 * rate) / 2))
        assert.equal(
          health(date, 410_000, { prefecture: code as PrefectureCode, care: true, rounding: 'paid-in-cash' })
            .employeeShare,
          Math.ceil((41 * rate) / 2),
        )
      })
    }
  }
})

describe('refusals', () => {
  test('a monthly base that is no 健保 grade is AMOUNT_INVALID', () => {
    assert.throws(() => health('2026-05-01', 300_001), { code: 'AMOUNT_INVALID', field: 'base' })
  })
  test('a bonus base not in thousands, or over ¥5,730,000, is AMOUNT_INVALID', () => {
    assert.throws(() => health('2026-05-01', 100_500, { basis: 'bonus' }), { code: 'AMOUNT_INVALID' })
    assert.throws(() => health('2026-05-01', 5_731_000, { basis: 'bonus' }), { code: 'AMOUNT_INVALID' })
  })
  test('令和7年2月分 (before the R7 table) and 令和9年3月分 are TABLE_NOT_IN_FORCE', () => {
    assert.throws(() => health('2025-02-28', 300_000), { code: 'TABLE_NOT_IN_FORCE' })
    assert.throws(() => health('2027-03-01', 300_000), { code: 'TABLE_NOT_IN_FORCE' })
  })
})

describe('properties', () => {
  const grades = HEALTH_STANDARD_REMUNERATION_2016_04.grades.map((g) => g.standardAmount)
  test('employee share + employer share = total; employee share is the half rounded by at most 50銭 (1円 for 特約)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...grades),
        fc.integer({ min: 1, max: 47 }),
        fc.boolean(),
        fc.constantFrom('2025-09-01', '2026-03-01', '2026-09-01'),
        fc.constantFrom<ShareRounding>(
          'deduct-from-pay',
          'paid-in-cash',
          'agreement-round-down',
          'agreement-round-up',
        ),
        (base, prefecture, care, date, rounding) => {
          const result = health(date, base, { prefecture: prefecture as PrefectureCode, care, rounding })
          assert.equal(result.employeeShare * 100 + result.employerShareSen, result.totalSen)
          const halfSen = result.totalSen / 2
          const limit = rounding.startsWith('agreement') ? 100 : 50
          assert.ok(Math.abs(result.employeeShare * 100 - halfSen) <= limit)
          assert.equal(
            result.components.reduce((sum, c) => sum + c.totalSen, 0),
            result.totalSen,
          )
        },
      ),
    )
  })
})
