import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { isRulesError } from '../errors.ts'
import type { InsuredCategory } from './insured-category.ts'
import type { MonthlyPay } from './monthly-pay.ts'
import { determineRegular, type RegularDeterminationInput } from './regular-determination.ts'

// Sources: filings.md, 算定基礎届 (定時決定) — CONFIRMED; grades: standard-remuneration.md.

function month(paymentBaseDays: number, remuneration: number, retroactivePay?: number): MonthlyPay {
  return { paymentBaseDays, remuneration, retroactivePay }
}

function regular(
  months: [MonthlyPay, MonthlyPay, MonthlyPay],
  overrides: Partial<RegularDeterminationInput> = {},
) {
  return determineRegular({
    year: 2026,
    category: 'general',
    qualifiedOn: '2020-04-01',
    previous: { health: 300_000, pension: 300_000 },
    months,
    ...overrides,
  })
}

function determined(result: ReturnType<typeof determineRegular>) {
  assert.equal(result.outcome, 'determined', result.explanationJa)
  if (result.outcome !== 'determined') throw new Error('unreachable')
  return result
}

describe('定時決定: 報酬月額と等級 (filings.md, Computing the 報酬月額)', () => {
  test('3か月とも17日以上: (300,000 + 310,000 + 320,001) ÷ 3 = 310,000円 (1円未満切捨て; kirico income_average) → 健保23等級 320,000円・厚年20等級', () => {
    const r = determined(regular([month(30, 300_000), month(31, 310_000), month(30, 320_001)]))
    assert.equal(r.total, 930_001)
    assert.equal(r.average, 310_000)
    assert.deepEqual([r.health.grade, r.health.standardAmount], [23, 320_000])
    assert.deepEqual([r.pension.grade, r.pension.standardAmount], [20, 320_000])
    assert.deepEqual([r.health.previousGrade, r.pension.previousGrade], [22, 19])
    assert.equal(r.thresholdDays, 17)
  })
  test('適用は9月から翌年8月まで (filings.md, Effect: 適用年月は常に09)', () => {
    const r = determined(regular([month(30, 300_000), month(31, 300_000), month(30, 300_000)]))
    assert.equal(r.effectiveMonth, '2026-09')
    assert.match(r.explanationJa, /令和8年9月から翌年8月まで適用/)
    assert.match(r.explanationJa, /従前と同じ等級/)
  })
  test('健保と厚年は別の表: 報酬月額60,000円 → 健保1等級58,000円、厚年1等級88,000円', () => {
    const r = determined(regular([month(17, 60_000), month(17, 60_000), month(17, 60_000)]))
    assert.deepEqual([r.health.grade, r.health.standardAmount], [1, 58_000])
    assert.deepEqual([r.pension.grade, r.pension.standardAmount], [1, 88_000])
  })
  test('遡及支払額は差し引いて修正平均額とする: (300,000 + 330,000 − 30,000 + 300,000) ÷ 3 = 300,000円', () => {
    const r = determined(regular([month(30, 300_000), month(31, 330_000, 30_000), month(30, 300_000)]))
    assert.equal(r.average, 300_000)
    assert.equal(r.months[1]?.retroactivePay, 30_000)
    assert.match(r.explanationJa, /修正平均額/)
    assert.match(r.explanationJa, /遡及支払額30,000円を除いた300,000円/)
  })
})

describe('定時決定: 支払基礎日数 (filings.md, Which months count)', () => {
  test('一般: ちょうど17日の月は対象、16日の月は除く', () => {
    const r = determined(regular([month(17, 300_000), month(16, 100_000), month(31, 340_000)]))
    assert.deepEqual(
      r.months.map((m) => m.used),
      [true, false, true],
    )
    assert.equal(r.average, 320_000)
    assert.match(r.explanationJa, /5月: 支払基礎日数16日 \(17日未満\) のため除きます/)
  })
  test('短時間就労者 (パート): 17日以上の月があればその月だけ (15・16日の月は除く)', () => {
    const r = determined(
      regular([month(17, 150_000), month(16, 120_000), month(15, 110_000)], { category: 'part-timer' }),
    )
    assert.equal(r.thresholdDays, 17)
    assert.deepEqual(
      r.months.map((m) => m.used),
      [true, false, false],
    )
    assert.equal(r.average, 150_000)
  })
  test('短時間就労者 (パート): 17日以上の月がなければ15日以上の月 (14日の月は除く)', () => {
    const r = determined(
      regular([month(16, 120_000), month(15, 110_001), month(14, 90_000)], { category: 'part-timer' }),
    )
    assert.equal(r.thresholdDays, 15)
    assert.deepEqual(
      r.months.map((m) => m.used),
      [true, true, false],
    )
    assert.equal(r.average, 115_000)
    assert.match(r.explanationJa, /17日以上の月がないため、15日以上の月を対象/)
  })
  test('一般の被保険者に15日ルールはない: 16・15日の月しかなければ保険者算定', () => {
    const r = regular([month(16, 120_000), month(15, 110_000), month(16, 90_000)])
    assert.equal(r.outcome, 'needs-insurer-determination')
  })
  test('短時間労働者 (特定適用事業所): 11日の月は対象、10日の月は除く', () => {
    const r = determined(
      regular([month(11, 90_000), month(10, 70_000), month(12, 100_000)], { category: 'short-time-worker' }),
    )
    assert.equal(r.thresholdDays, 11)
    assert.deepEqual(
      r.months.map((m) => m.used),
      [true, false, true],
    )
    assert.equal(r.average, 95_000)
  })
  test('3か月とも除外なら needs-insurer-determination (保険者算定は対象外), 等級を推測しない', () => {
    const r = regular([month(10, 80_000), month(16, 120_000), month(0, 0)])
    assert.equal(r.outcome, 'needs-insurer-determination')
    if (r.outcome !== 'needs-insurer-determination') return
    assert.equal(r.reason, 'no-qualifying-month')
    assert.deepEqual(
      r.months.map((m) => m.used),
      [false, false, false],
    )
    assert.match(r.explanationJa, /保険者算定/)
  })
  test('パートで15日以上の月もなければ保険者算定', () => {
    const r = regular([month(14, 80_000), month(14, 80_000), month(12, 70_000)], { category: 'part-timer' })
    assert.equal(r.outcome, 'needs-insurer-determination')
  })
})

describe('定時決定の対象外 (filings.md, Who and when)', () => {
  const months: [MonthlyPay, MonthlyPay, MonthlyPay] = [
    month(30, 300_000),
    month(31, 300_000),
    month(30, 300_000),
  ]
  test('6月1日以降の資格取得者は対象外、5月31日取得は対象', () => {
    const june = regular(months, { qualifiedOn: '2026-06-01' })
    assert.equal(june.outcome, 'not-subject')
    if (june.outcome === 'not-subject') assert.equal(june.reason, 'qualified-on-or-after-june')
    assert.equal(regular(months, { qualifiedOn: '2026-05-31' }).outcome, 'determined')
  })
  test('6月30日までに喪失 (喪失日7月1日以前) は対象外、喪失日7月2日は対象 (7月1日に被保険者)', () => {
    const lost = regular(months, { disqualifiedOn: '2026-07-01' })
    assert.equal(lost.outcome, 'not-subject')
    if (lost.outcome === 'not-subject') assert.equal(lost.reason, 'disqualified-by-june')
    assert.equal(regular(months, { disqualifiedOn: '2026-07-02' }).outcome, 'determined')
  })
  test('7月・8月・9月改定の随時改定がある者は対象外、6月・10月改定は対象', () => {
    for (const m of ['2026-07', '2026-08', '2026-09']) {
      const r = regular(months, { revisionEffectiveMonth: m })
      assert.equal(r.outcome, 'not-subject', m)
      if (r.outcome === 'not-subject') {
        assert.equal(r.reason, 'revision-from-july-to-september')
        assert.match(r.explanationJa, /月額変更予定/)
      }
    }
    assert.equal(regular(months, { revisionEffectiveMonth: '2026-06' }).outcome, 'determined')
    assert.equal(regular(months, { revisionEffectiveMonth: '2026-10' }).outcome, 'determined')
  })
})

describe('定時決定: 入力の検査', () => {
  const months: [MonthlyPay, MonthlyPay, MonthlyPay] = [
    month(30, 300_000),
    month(31, 300_000),
    month(30, 300_000),
  ]
  test('従前の標準報酬月額が等級の額でなければ AMOUNT_INVALID', () => {
    assert.throws(
      () => regular(months, { previous: { health: 305_000, pension: 300_000 } }),
      (e) => isRulesError(e) && e.code === 'AMOUNT_INVALID' && e.field === 'previous.health',
    )
  })
  test('支払基礎日数が32日、遡及支払額が報酬を超える、月数が3でない → エラー', () => {
    assert.throws(
      () => regular([month(32, 1), month(30, 1), month(30, 1)]),
      (e) => isRulesError(e) && e.code === 'ARGUMENT_INVALID',
    )
    assert.throws(
      () => regular([month(30, 1, 2), month(30, 1), month(30, 1)]),
      (e) => isRulesError(e) && e.code === 'AMOUNT_INVALID' && e.field === 'months[0].retroactivePay',
    )
    assert.throws(
      () => regular([month(30, 1), month(30, 1)] as unknown as [MonthlyPay, MonthlyPay, MonthlyPay]),
      (e) => isRulesError(e) && e.field === 'months',
    )
  })
})

const categories: InsuredCategory[] = ['general', 'part-timer', 'short-time-worker']
const arbMonth = fc.record({
  paymentBaseDays: fc.integer({ min: 0, max: 31 }),
  remuneration: fc.integer({ min: 0, max: 2_000_000 }),
})
const arbInput = fc.record({
  category: fc.constantFrom(...categories),
  months: fc.tuple(arbMonth, arbMonth, arbMonth),
})

describe('定時決定: 性質 (fast-check)', () => {
  test('報酬月額は対象月の最小と最大の間にある', () => {
    fc.assert(
      fc.property(arbInput, ({ category, months }) => {
        const r = regular(months, { category })
        if (r.outcome !== 'determined') return
        const used = months.filter((_, i) => r.months[i]?.used).map((m) => m.remuneration)
        assert.ok(r.average >= Math.min(...used) && r.average <= Math.max(...used))
      }),
    )
  })
  test('ある月の報酬を上げても等級は下がらない', () => {
    fc.assert(
      fc.property(
        arbInput,
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 500_000 }),
        (input, i, raise) => {
          const before = regular(input.months, { category: input.category })
          const raised = input.months.map((m, j) =>
            j === i ? { ...m, remuneration: m.remuneration + raise } : m,
          ) as [MonthlyPay, MonthlyPay, MonthlyPay]
          const after = regular(raised, { category: input.category })
          if (before.outcome !== 'determined' || after.outcome !== 'determined') return
          assert.ok(after.health.grade >= before.health.grade)
          assert.ok(after.pension.grade >= before.pension.grade)
        },
      ),
    )
  })
})
