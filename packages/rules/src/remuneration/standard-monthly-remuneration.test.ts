import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { HEALTH_STANDARD_REMUNERATION_2016_04 } from '../tables/standard-remuneration/health-2016-04.ts'
import { PENSION_STANDARD_REMUNERATION_2020_09 } from '../tables/standard-remuneration/pension-2020-09.ts'
import { findGradeByStandardAmount } from './find-grade.ts'
import { determineStandardMonthlyRemuneration } from './standard-monthly-remuneration.ts'

/**
 * Golden copy of standard-remuneration.md, 標準報酬月額 grade tables (CONFIRMED): 健保等級, 厚年等級
 * ('—' none), 標準報酬月額, 報酬月額 from (円以上), to (円未満; '-' none). The 厚年 ends differ from the
 * printed row: grade 1 starts at 0 and grade 32 has no upper limit (same section, Rule).
 */
const GOLDEN = `
1 — 58000 0 63000
2 — 68000 63000 73000
3 — 78000 73000 83000
4 1 88000 83000 93000
5 2 98000 93000 101000
6 3 104000 101000 107000
7 4 110000 107000 114000
8 5 118000 114000 122000
9 6 126000 122000 130000
10 7 134000 130000 138000
11 8 142000 138000 146000
12 9 150000 146000 155000
13 10 160000 155000 165000
14 11 170000 165000 175000
15 12 180000 175000 185000
16 13 190000 185000 195000
17 14 200000 195000 210000
18 15 220000 210000 230000
19 16 240000 230000 250000
20 17 260000 250000 270000
21 18 280000 270000 290000
22 19 300000 290000 310000
23 20 320000 310000 330000
24 21 340000 330000 350000
25 22 360000 350000 370000
26 23 380000 370000 395000
27 24 410000 395000 425000
28 25 440000 425000 455000
29 26 470000 455000 485000
30 27 500000 485000 515000
31 28 530000 515000 545000
32 29 560000 545000 575000
33 30 590000 575000 605000
34 31 620000 605000 635000
35 32 650000 635000 665000
36 — 680000 665000 695000
37 — 710000 695000 730000
38 — 750000 730000 770000
39 — 790000 770000 810000
40 — 830000 810000 855000
41 — 880000 855000 905000
42 — 930000 905000 955000
43 — 980000 955000 1005000
44 — 1030000 1005000 1055000
45 — 1090000 1055000 1115000
46 — 1150000 1115000 1175000
47 — 1210000 1175000 1235000
48 — 1270000 1235000 1295000
49 — 1330000 1295000 1355000
50 — 1390000 1355000 -`
  .trim()
  .split('\n')
  .map((line) => {
    const [health, pension, standard, from, to] = line.split(' ')
    return {
      health: Number(health),
      pension: pension === '—' ? null : Number(pension),
      standard: Number(standard),
      from: Number(from),
      to: to === '-' ? null : Number(to),
    }
  })

const DATE = '2026-05-01'

function grade(insurance: 'health' | 'pension', remuneration: number) {
  return determineStandardMonthlyRemuneration({ insurance, date: DATE, remuneration })
}

describe('健康保険 標準報酬月額: every bracket edge of all 50 grades (standard-remuneration.md)', () => {
  for (const row of GOLDEN) {
    test(`健保${row.health}等級 (${row.standard}円): 下限${row.from}円と上限${row.to === null ? 'なし' : `${row.to}円未満`}`, () => {
      assert.equal(grade('health', row.from).grade, row.health)
      assert.equal(grade('health', row.from).standardMonthlyRemuneration, row.standard)
      if (row.from > 0) assert.equal(grade('health', row.from - 1).grade, row.health - 1)
      if (row.to !== null) {
        assert.equal(grade('health', row.to - 1).grade, row.health)
        assert.equal(grade('health', row.to).grade, row.health + 1)
      }
    })
  }
  test('健保50等級 has no upper limit: 1,355,000円 and ten billion yen are both 1,390,000円', () => {
    assert.equal(grade('health', 10_000_000_000).standardMonthlyRemuneration, 1_390_000)
  })
})

describe('厚生年金保険 標準報酬月額: every bracket edge of all 32 grades (standard-remuneration.md)', () => {
  const pensionRows = GOLDEN.filter((row) => row.pension !== null)
  for (const row of pensionRows) {
    const from = row.pension === 1 ? 0 : row.from
    const to = row.pension === 32 ? null : row.to
    test(`厚年${row.pension}等級 (${row.standard}円) = 健保${row.health}等級: 下限${from}円と上限${to === null ? 'なし' : `${to}円未満`}`, () => {
      assert.equal(grade('pension', from).grade, row.pension)
      assert.equal(grade('pension', from).standardMonthlyRemuneration, row.standard)
      if (from > 0) assert.equal(grade('pension', from - 1).grade, row.pension! - 1)
      if (to !== null) {
        assert.equal(grade('pension', to - 1).grade, row.pension)
        assert.equal(grade('pension', to).grade, row.pension! + 1)
      }
    })
  }
  test('厚年1等級 covers everything below 93,000円, including 0円 and 62,999円', () => {
    assert.equal(grade('pension', 0).standardMonthlyRemuneration, 88_000)
    assert.equal(grade('pension', 62_999).standardMonthlyRemuneration, 88_000)
    assert.equal(grade('pension', 92_999).grade, 1)
  })
  test('厚年32等級 covers 635,000円 upwards: 1,390,000円 is 650,000円', () => {
    assert.equal(grade('pension', 1_390_000).standardMonthlyRemuneration, 650_000)
  })
})

describe('grade tables: structure', () => {
  for (const table of [HEALTH_STANDARD_REMUNERATION_2016_04, PENSION_STANDARD_REMUNERATION_2020_09]) {
    test(`${table.id}: starts at 0, contiguous, open at the top, grades numbered 1…n`, () => {
      assert.equal(table.grades[0]!.from, 0)
      table.grades.forEach((g, i) => {
        assert.equal(g.grade, i + 1)
        const next = table.grades[i + 1]
        if (next) assert.equal(g.to, next.from)
        else assert.equal(g.to, null)
      })
    })
  }
  test('厚年 grade k equals 健保 grade k+3 for 健保 grades 4–35', () => {
    for (let k = 1; k <= 32; k += 1) {
      assert.equal(
        PENSION_STANDARD_REMUNERATION_2020_09.grades[k - 1]!.standardAmount,
        HEALTH_STANDARD_REMUNERATION_2016_04.grades[k + 2]!.standardAmount,
      )
    }
  })
  test('findGradeByStandardAmount refuses an amount that is no grade', () => {
    assert.equal(findGradeByStandardAmount(PENSION_STANDARD_REMUNERATION_2020_09, 300_000, 's').grade, 19)
    assert.throws(() => findGradeByStandardAmount(PENSION_STANDARD_REMUNERATION_2020_09, 58_000, 's'), {
      code: 'AMOUNT_INVALID',
    })
  })
})

describe('標準報酬月額: refusals and explanation', () => {
  test('a negative or fractional 報酬月額 is AMOUNT_INVALID', () => {
    assert.throws(() => grade('health', -1), { code: 'AMOUNT_INVALID', field: 'remuneration' })
    assert.throws(() => grade('health', 300_000.5), { code: 'AMOUNT_INVALID' })
  })
  test('厚年 from September 2027 is refused (ceiling rise; grades 33–35 UNCONFIRMED)', () => {
    assert.throws(
      () =>
        determineStandardMonthlyRemuneration({
          insurance: 'pension',
          date: '2027-09-01',
          remuneration: 300_000,
        }),
      { code: 'TABLE_NOT_IN_FORCE' },
    )
  })
  test('explanation names grade, range and amount', () => {
    assert.equal(
      grade('health', 300_000).explanationJa,
      '報酬月額300,000円は健康保険の22等級 (290,000円以上310,000円未満) に当たり、標準報酬月額は300,000円です。',
    )
  })
})

describe('properties', () => {
  test('grade and 標準報酬月額 never decrease as the 報酬月額 rises (健保 and 厚年)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 2_000_000 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a]
        for (const insurance of ['health', 'pension'] as const) {
          const l = grade(insurance, low)
          const h = grade(insurance, high)
          assert.ok(l.grade <= h.grade && l.standardMonthlyRemuneration <= h.standardMonthlyRemuneration)
        }
      }),
    )
  })
})
