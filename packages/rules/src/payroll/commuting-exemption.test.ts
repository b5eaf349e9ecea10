import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { TABLE_VERSIONS } from '../tables/table-versions.ts'
import { commutingExemption } from './commuting-exemption.ts'

/**
 * Golden copies of the 交通用具 bands (片道 km from, monthly 非課税 円), per table: 改正前 and 令和7年4月以後
 * from the 国税庁 notice of 令和7年11月 as quoted in commuting-allowance-2025-04.ts; 令和8年4月以後 from
 * the 令和8年度改正 as in commuting-allowance-2026-04.ts (SECONDARY).
 */
const GOLDEN: Record<string, { date: string; bands: [number, number][]; parkingCap: number | null }> = {
  '改正前 (平成28年1月〜令和7年3月)': {
    date: '2025-03-25',
    bands: [
      [0, 0],
      [2, 4_200],
      [10, 7_100],
      [15, 12_900],
      [25, 18_700],
      [35, 24_400],
      [45, 28_000],
      [55, 31_600],
    ],
    parkingCap: null,
  },
  '令和7年4月〜': {
    date: '2025-04-25',
    bands: [
      [0, 0],
      [2, 4_200],
      [10, 7_300],
      [15, 13_500],
      [25, 19_700],
      [35, 25_900],
      [45, 32_300],
      [55, 38_700],
    ],
    parkingCap: null,
  },
  '令和8年4月〜': {
    date: '2026-04-24',
    bands: [
      [0, 0],
      [2, 4_200],
      [10, 7_300],
      [15, 13_500],
      [25, 19_700],
      [35, 25_900],
      [45, 32_300],
      [55, 38_700],
      [65, 45_700],
      [75, 52_700],
      [85, 59_600],
      [95, 66_400],
    ],
    parkingCap: 5_000,
  },
}

function byVehicle(date: string, meters: number, amount = 200_000, parking: number | null = null) {
  return commutingExemption(date, {
    amount,
    transitMonthlyFare: null,
    vehicleOneWayMeters: meters,
    parkingMonthlyFee: parking,
  })
}

describe('通勤手当の非課税限度額 (交通用具): every band edge, one metre either side', () => {
  for (const [name, golden] of Object.entries(GOLDEN)) {
    for (const [index, [km, yen]] of golden.bands.entries()) {
      const previous = golden.bands[index - 1]
      test(`${name}: 片道${km}km → ${yen}円${previous ? `, ${km * 1000 - 1}m → ${previous[1]}円` : ''}`, () => {
        assert.equal(byVehicle(golden.date, km * 1000).limit, yen)
        if (previous) assert.equal(byVehicle(golden.date, km * 1000 - 1).limit, previous[1])
      })
    }
  }
  test('the bands of every table start at 0 and are contiguous and open at the top', () => {
    for (const table of TABLE_VERSIONS['commuting-allowance-exemption']) {
      assert.equal(table.vehicleBands[0]!.fromMeters, 0)
      table.vehicleBands.forEach((band, i) => {
        const next = table.vehicleBands[i + 1]
        assert.equal(band.toMeters, next ? next.fromMeters : null)
      })
    }
  })
})

describe('通勤手当の非課税限度額: transit, combined, parking, cap (No.2582, No.2585)', () => {
  test('交通機関: the fare up to 150,000円; the allowance above the limit is taxed', () => {
    const within = commutingExemption('2026-05-25', {
      amount: 20_000,
      transitMonthlyFare: 18_000,
      vehicleOneWayMeters: null,
      parkingMonthlyFee: null,
    })
    assert.deepEqual([within.limit, within.nonTaxable, within.taxable], [18_000, 18_000, 2_000])
    const capped = commutingExemption('2026-05-25', {
      amount: 160_000,
      transitMonthlyFare: 160_000,
      vehicleOneWayMeters: null,
      parkingMonthlyFee: null,
    })
    assert.deepEqual([capped.limit, capped.nonTaxable, capped.taxable], [150_000, 150_000, 10_000])
    assert.match(capped.explanationJa, /合計の上限150,000円/)
  })
  test('併用: band + fare, still at most 150,000円', () => {
    const both = commutingExemption('2026-05-25', {
      amount: 30_000,
      transitMonthlyFare: 10_000,
      vehicleOneWayMeters: 12_000,
      parkingMonthlyFee: null,
    })
    assert.equal(both.limit, 17_300)
    const capped = commutingExemption('2026-05-25', {
      amount: 200_000,
      transitMonthlyFare: 140_000,
      vehicleOneWayMeters: 100_000,
      parkingMonthlyFee: null,
    })
    assert.equal(capped.limit, 150_000)
  })
  test('駐車場: added up to 5,000円 from 令和8年4月, only where the band exempts something; ignored before', () => {
    assert.equal(byVehicle('2026-04-24', 12_000, 200_000, 8_000).limit, 7_300 + 5_000)
    assert.equal(byVehicle('2026-04-24', 12_000, 200_000, 3_000).limit, 7_300 + 3_000)
    assert.equal(byVehicle('2026-04-24', 1_999, 200_000, 3_000).limit, 0)
    assert.equal(byVehicle('2026-03-25', 12_000, 200_000, 3_000).limit, 7_300)
  })
  test('an allowance below the limit is wholly non-taxable', () => {
    const result = byVehicle('2026-04-24', 30_000, 10_000)
    assert.deepEqual([result.nonTaxable, result.taxable], [10_000, 0])
  })
  test('a payment before 平成28年1月 is TABLE_NOT_IN_FORCE', () => {
    assert.throws(() => byVehicle('2015-12-25', 12_000), { code: 'TABLE_NOT_IN_FORCE' })
  })
})
