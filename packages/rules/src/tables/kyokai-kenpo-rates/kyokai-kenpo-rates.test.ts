import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { percent } from '../../money/rate.ts'
import { PREFECTURES } from '../../prefectures/prefecture-codes.ts'
import { KYOKAI_KENPO_RATES_2025_03 } from './kyokai-kenpo-2025-03.ts'
import { KYOKAI_KENPO_RATES_2026_03 } from './kyokai-kenpo-2026-03.ts'

/**
 * Golden copy of premiums.md, 協会けんぽ 健康保険料率 by prefecture (都道府県, R7 %, R8 %), typed
 * apart from the data modules; the same 94 values appear on office-mori.biz/?p=10257.
 */
const GOLDEN = `
北海道 10.31 10.28|青森 9.85 9.85|岩手 9.62 9.51|宮城 10.11 10.10|秋田 10.01 10.01|山形 9.75 9.75|
福島 9.62 9.50|茨城 9.67 9.52|栃木 9.82 9.82|群馬 9.77 9.68|埼玉 9.76 9.67|千葉 9.79 9.73|東京 9.91 9.85|
神奈川 9.92 9.92|新潟 9.55 9.21|富山 9.65 9.59|石川 9.88 9.70|福井 9.94 9.71|山梨 9.89 9.55|長野 9.69 9.63|
岐阜 9.93 9.80|静岡 9.80 9.61|愛知 10.03 9.93|三重 9.99 9.77|滋賀 9.97 9.88|京都 10.03 9.89|大阪 10.24 10.13|
兵庫 10.16 10.12|奈良 10.02 9.91|和歌山 10.19 10.06|鳥取 9.93 9.86|島根 9.94 9.94|岡山 10.17 10.05|
広島 9.97 9.78|山口 10.36 10.15|徳島 10.47 10.24|香川 10.21 10.02|愛媛 10.18 9.98|高知 10.13 10.05|
福岡 10.31 10.11|佐賀 10.78 10.55|長崎 10.41 10.06|熊本 10.12 10.08|大分 10.25 10.08|宮崎 10.09 9.77|
鹿児島 10.31 10.13|沖縄 9.44 9.44`
  .split('|')
  .map((row) => row.trim().split(' '))

function toHundredths(rate: { numerator: number; denominator: number }): number {
  return (rate.numerator * 10_000) / rate.denominator
}

describe('協会けんぽ 都道府県単位保険料率 (premiums.md)', () => {
  for (const [index, prefecture] of PREFECTURES.entries()) {
    const [name, r7, r8] = GOLDEN[index]!
    test(`${prefecture.name} (${prefecture.code}): 令和7年度 ${r7}%, 令和8年度 ${r8}%`, () => {
      assert.ok(prefecture.name.startsWith(name!))
      assert.deepEqual(KYOKAI_KENPO_RATES_2025_03.healthRates[prefecture.code], percent(r7!))
      assert.deepEqual(KYOKAI_KENPO_RATES_2026_03.healthRates[prefecture.code], percent(r8!))
    })
  }

  test('令和7年度: 佐賀 10.78% highest, 沖縄 9.44% lowest (premiums.md spot values)', () => {
    const values = Object.values(KYOKAI_KENPO_RATES_2025_03.healthRates).map(toHundredths)
    assert.equal(Math.max(...values), 1078)
    assert.equal(Math.min(...values), 944)
  })

  test('令和8年度: 佐賀 10.55% highest, 新潟 9.21% lowest (horei.co.jp, midorigr.com)', () => {
    assert.equal(toHundredths(KYOKAI_KENPO_RATES_2026_03.healthRates[41]), 1055)
    assert.equal(toHundredths(KYOKAI_KENPO_RATES_2026_03.healthRates[15]), 921)
    const values = Object.values(KYOKAI_KENPO_RATES_2026_03.healthRates).map(toHundredths)
    assert.equal(Math.max(...values), 1055)
    assert.equal(Math.min(...values), 921)
  })

  test('令和8年度: 40 prefectures down, 7 unchanged (青森・秋田・山形・栃木・神奈川・島根・沖縄), none up (workinnovation.co.jp)', () => {
    const unchanged: number[] = []
    let down = 0
    for (const { code } of PREFECTURES) {
      const before = toHundredths(KYOKAI_KENPO_RATES_2025_03.healthRates[code])
      const after = toHundredths(KYOKAI_KENPO_RATES_2026_03.healthRates[code])
      assert.ok(after <= before)
      if (after < before) down += 1
      else unchanged.push(code)
    }
    assert.equal(down, 40)
    assert.deepEqual(unchanged, [2, 5, 6, 9, 14, 32, 47])
  })

  test('大阪 fell by 0.11pt (kumazawa-hr.com)', () => {
    assert.equal(
      toHundredths(KYOKAI_KENPO_RATES_2025_03.healthRates[27]) -
        toHundredths(KYOKAI_KENPO_RATES_2026_03.healthRates[27]),
      11,
    )
  })

  test('介護保険料率: 令和7年度 1.59%, 令和8年度 1.62% (premiums.md, CONFIRMED)', () => {
    assert.deepEqual(KYOKAI_KENPO_RATES_2025_03.longTermCareRate, percent('1.59'))
    assert.deepEqual(KYOKAI_KENPO_RATES_2026_03.longTermCareRate, percent('1.62'))
  })
})
