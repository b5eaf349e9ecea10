import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { isRulesError } from '../errors.ts'
import type { MonthlyPay } from './monthly-pay.ts'
import { determineRevision, type RevisionInput } from './revision-determination.ts'

// Sources: filings.md, 月額変更届 (随時改定) — CONFIRMED except the edge grades (UNCONFIRMED, see
// revision-edge-thresholds.ts); grades: standard-remuneration.md.

type Three = [MonthlyPay, MonthlyPay, MonthlyPay]

function same(paymentBaseDays: number, remuneration: number): Three {
  return [
    { paymentBaseDays, remuneration },
    { paymentBaseDays, remuneration },
    { paymentBaseDays, remuneration },
  ]
}

function revision(months: Three, overrides: Partial<RevisionInput> = {}) {
  return determineRevision({
    changeMonth: '2026-04',
    fixedWageChange: 'increase',
    category: 'general',
    current: { health: 300_000, pension: 300_000 },
    months,
    ...overrides,
  })
}

function revised(result: ReturnType<typeof determineRevision>) {
  assert.equal(result.outcome, 'revised', result.explanationJa)
  if (result.outcome !== 'revised') throw new Error('unreachable')
  return result
}

function notRevised(result: ReturnType<typeof determineRevision>) {
  assert.equal(result.outcome, 'not-revised', result.explanationJa)
  if (result.outcome !== 'not-revised') throw new Error('unreachable')
  return result
}

describe('随時改定: 3つの条件と改定月 (filings.md, 月額変更届)', () => {
  test('4月に昇給 → 7月改定 (filings.md の例); 300,000円 (22等級) → 平均340,000円 (24等級) は2等級差', () => {
    const r = revised(revision(same(31, 340_000)))
    assert.equal(r.effectiveMonth, '2026-07')
    assert.equal(r.average, 340_000)
    assert.deepEqual([r.health.currentGrade, r.health.grade, r.health.difference], [22, 24, 2])
    assert.deepEqual([r.pension.currentGrade, r.pension.grade, r.pension.standardAmount], [19, 21, 340_000])
    assert.equal(r.healthOnly, false)
    assert.match(r.explanationJa, /令和8年7月から標準報酬月額を改定します/)
  })
  test('1等級差 (平均329,999円 → 23等級) は改定しない', () => {
    const r = notRevised(revision(same(31, 329_999)))
    if (r.reason !== 'difference-under-two') assert.fail(r.reason)
    assert.equal(r.health.grade, 22)
    assert.equal(r.health.averageGrade, 23)
  })
  test('平均は固定・非固定の合計を3で割り1円未満切捨て: (340,000 + 340,000 + 340,002) ÷ 3 = 340,000円', () => {
    const r = revised(
      revision([
        { paymentBaseDays: 30, remuneration: 340_000 },
        { paymentBaseDays: 31, remuneration: 340_000 },
        { paymentBaseDays: 30, remuneration: 340_002 },
      ]),
    )
    assert.equal(r.average, 340_000)
  })
  test('固定的賃金は増額でも総額が下がった (残業減) → 2等級下がっても改定しない', () => {
    const r = notRevised(revision(same(31, 250_000)))
    assert.equal(r.reason, 'direction-mismatch')
    assert.match(r.explanationJa, /固定的賃金は増額で等級は下がる方向/)
  })
  test('降給 + 2等級以上下がる → 改定; 降給なのに上がる → 改定しない', () => {
    const down = revised(revision(same(31, 260_000), { fixedWageChange: 'decrease' }))
    assert.deepEqual([down.health.grade, down.health.difference], [20, -2])
    const up = notRevised(revision(same(31, 400_000), { fixedWageChange: 'decrease' }))
    assert.equal(up.reason, 'direction-mismatch')
  })
  test('変動月が11月なら翌年2月、12月なら翌年3月から改定', () => {
    assert.equal(revised(revision(same(30, 400_000), { changeMonth: '2026-11' })).effectiveMonth, '2027-02')
    assert.equal(revised(revision(same(30, 400_000), { changeMonth: '2026-12' })).effectiveMonth, '2027-03')
  })
  test('遡及支払額 (差額の遡り分) は平均から除く (kiyonari-office.com)', () => {
    const r = notRevised(
      revision([
        { paymentBaseDays: 31, remuneration: 380_000, retroactivePay: 60_000 },
        { paymentBaseDays: 30, remuneration: 320_000 },
        { paymentBaseDays: 31, remuneration: 320_000 },
      ]),
    )
    if (r.reason === 'payment-base-days-short') assert.fail()
    assert.equal(r.average, 320_000)
    assert.equal(r.health.averageGrade, 23)
  })
})

describe('随時改定: 支払基礎日数 (filings.md, condition 2)', () => {
  test('一般: 3か月ともちょうど17日なら対象、1か月でも16日なら対象外', () => {
    assert.equal(revision(same(17, 400_000)).outcome, 'revised')
    const r = notRevised(
      revision([
        { paymentBaseDays: 17, remuneration: 400_000 },
        { paymentBaseDays: 16, remuneration: 400_000 },
        { paymentBaseDays: 17, remuneration: 400_000 },
      ]),
    )
    assert.equal(r.reason, 'payment-base-days-short')
    assert.match(r.explanationJa, /17日未満の月がある/)
  })
  test('短時間労働者は11日以上で対象、10日の月があれば対象外', () => {
    assert.equal(revision(same(11, 400_000), { category: 'short-time-worker' }).outcome, 'revised')
    assert.equal(
      notRevised(revision(same(10, 400_000), { category: 'short-time-worker' })).reason,
      'payment-base-days-short',
    )
  })
  test('短時間就労者 (パート) の月変に15日ルールはない: 16日なら対象外', () => {
    assert.equal(
      notRevised(revision(same(16, 400_000), { category: 'part-timer' })).reason,
      'payment-base-days-short',
    )
  })
})

describe('随時改定: 健保と厚年は別々に判定 (filings.md, 健保 and 厚年 separately)', () => {
  test('厚年32等級 (上限) で平均800,000円: 健保35→39等級に改定、厚年は32等級のまま → 健康保険のみ月額変更', () => {
    const r = revised(revision(same(31, 800_000), { current: { health: 650_000, pension: 650_000 } }))
    assert.deepEqual([r.health.grade, r.health.standardAmount], [39, 790_000])
    assert.equal(r.pension.revised, false)
    assert.equal(r.pension.grade, 32)
    assert.equal(r.healthOnly, true)
    assert.match(r.explanationJa, /健康保険のみ月額変更/)
  })
})

describe('随時改定: 上限・下限の等級 (UNCONFIRMED: filings.md, Top and bottom of the table)', () => {
  test('健保49等級 → 平均1,415,000円以上で50等級 (1等級差でも改定)、1,414,999円では改定しない', () => {
    const current = { health: 1_330_000, pension: 650_000 }
    const up = revised(revision(same(31, 1_415_000), { current }))
    assert.deepEqual([up.health.grade, up.health.edgeRuleApplied, up.health.difference], [50, true, 2])
    assert.equal(up.healthOnly, true)
    assert.match(up.explanationJa, /上限・下限の特例/)
    assert.equal(revision(same(31, 1_414_999), { current }).outcome, 'not-revised')
  })
  test('健保50等級で報酬月額1,415,000円以上の者が49等級へ降給 → 改定; 報酬月額1,414,999円なら改定しない', () => {
    const input = { fixedWageChange: 'decrease' as const }
    const high = revised(
      revision(same(31, 1_300_000), {
        ...input,
        current: { health: 1_390_000, pension: 650_000, remuneration: 1_415_000 },
      }),
    )
    assert.deepEqual([high.health.grade, high.health.edgeRuleApplied], [49, true])
    assert.equal(
      revision(same(31, 1_300_000), {
        ...input,
        current: { health: 1_390_000, pension: 650_000, remuneration: 1_414_999 },
      }).outcome,
      'not-revised',
    )
  })
  test('健保2等級 → 平均53,000円未満で1等級; 53,000円では改定しない', () => {
    const current = { health: 68_000, pension: 88_000 }
    const r = revised(revision(same(31, 52_999), { fixedWageChange: 'decrease', current }))
    assert.deepEqual([r.health.grade, r.health.edgeRuleApplied], [1, true])
    assert.equal(r.pension.revised, false)
    assert.equal(revision(same(31, 53_000), { fixedWageChange: 'decrease', current }).outcome, 'not-revised')
  })
  test('健保1等級で報酬月額53,000円未満の者が昇給で2等級 → 改定; 53,000円以上なら改定しない; 不明ならエラー', () => {
    const base = { health: 58_000, pension: 88_000 }
    const r = revised(revision(same(31, 65_000), { current: { ...base, remuneration: 52_999 } }))
    assert.deepEqual([r.health.grade, r.health.edgeRuleApplied], [2, true])
    assert.equal(
      revision(same(31, 65_000), { current: { ...base, remuneration: 53_000 } }).outcome,
      'not-revised',
    )
    assert.throws(
      () => revision(same(31, 65_000), { current: base }),
      (e) => isRulesError(e) && e.code === 'ARGUMENT_INVALID' && e.field === 'current.remuneration',
    )
  })
  test('報酬月額が不明でも答えが変わらなければ判定する (健保1等級 → 平均3等級)', () => {
    const r = revised(revision(same(31, 75_000), { current: { health: 58_000, pension: 88_000 } }))
    assert.deepEqual([r.health.grade, r.health.edgeRuleApplied], [3, false])
  })
  test('厚年31等級 → 平均665,000円以上で32等級; 664,999円では健保・厚年とも1等級差で改定しない', () => {
    const current = { health: 620_000, pension: 620_000 }
    const r = revised(revision(same(31, 665_000), { current }))
    assert.deepEqual([r.pension.grade, r.pension.edgeRuleApplied], [32, true])
    assert.deepEqual([r.health.grade, r.health.edgeRuleApplied], [36, false])
    assert.equal(revision(same(31, 664_999), { current }).outcome, 'not-revised')
  })
  test('厚年2等級 (98,000円) → 平均83,000円未満で1等級; 83,000円では改定しない', () => {
    const current = { health: 98_000, pension: 98_000 }
    const r = revised(revision(same(31, 82_999), { fixedWageChange: 'decrease', current }))
    assert.deepEqual([r.pension.grade, r.pension.edgeRuleApplied], [1, true])
    assert.deepEqual([r.health.grade, r.health.difference], [3, -2])
    assert.equal(revision(same(31, 83_000), { fixedWageChange: 'decrease', current }).outcome, 'not-revised')
  })
  test('厚年1等級で報酬月額83,000円未満の者が昇給で厚年2等級 → 厚年も改定', () => {
    const r = revised(
      revision(same(31, 95_000), { current: { health: 78_000, pension: 88_000, remuneration: 80_000 } }),
    )
    assert.deepEqual([r.pension.grade, r.pension.edgeRuleApplied], [2, true])
    assert.deepEqual([r.health.grade, r.health.edgeRuleApplied], [5, false])
  })
})

describe('随時改定: 表がない月はエラー', () => {
  test('2027年9月改定は厚年の新しい等級表が未収録のため TABLE_NOT_IN_FORCE', () => {
    assert.throws(
      () => revision(same(31, 400_000), { changeMonth: '2027-06' }),
      (e) => isRulesError(e) && e.code === 'TABLE_NOT_IN_FORCE',
    )
  })
})

describe('随時改定: 性質 (fast-check)', () => {
  const amounts = [58_000, 98_000, 200_000, 300_000, 410_000, 620_000, 650_000, 1_330_000, 1_390_000]
  test('改定されるのは等級差2以上で、向きが固定的賃金の変動と同じときだけ', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...amounts),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.constantFrom('increase' as const, 'decrease' as const),
        (standard, pay, change) => {
          const pension = Math.min(Math.max(standard, 88_000), 650_000)
          const r = revision(same(31, pay), {
            fixedWageChange: change,
            current: { health: standard, pension, remuneration: standard },
          })
          if (r.outcome === 'not-revised' && r.reason === 'payment-base-days-short') assert.fail()
          for (const ins of [r.health, r.pension]) {
            if (!ins.revised) continue
            assert.ok(Math.abs(ins.difference) >= 2)
            assert.equal(ins.difference > 0, change === 'increase')
            assert.equal(ins.grade, ins.averageGrade)
          }
        },
      ),
    )
  })
})
