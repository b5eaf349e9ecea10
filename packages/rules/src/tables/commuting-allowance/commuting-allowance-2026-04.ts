import type { CommutingAllowanceTable } from './commuting-allowance-table.ts'

const KM = 1000

/**
 * 通勤手当の非課税限度額 from 令和8年4月1日 (令和8年度税制改正): the open 55km以上 band split into bands
 * up to 95km以上, and 駐車場等の利用料 added to a band up to ¥5,000 a month.
 */
export const COMMUTING_ALLOWANCE_2026_04: CommutingAllowanceTable = {
  kind: 'commuting-allowance-exemption',
  id: 'commuting-allowance-2026-04',
  titleJa: '通勤手当の非課税限度額 (令和8年4月支払分〜)',
  effectiveFrom: '2026-04-01',
  effectiveTo: null,
  source: {
    document:
      '令和8年度税制改正大綱 (財務省); 所得税法施行令20条の2 (令和8年4月1日施行), as summarised by 国税庁 タックスアンサー No.2585 (令和8年4月1日現在法令等)',
    confidence: 'SECONDARY',
    verification:
      'Not in shared/domain. Found with the search tool: a livedoor (ファイナンシャルフィールド) article of 2026-02-10 based on the 大綱 gives 55–65km 38,700 / 65–75km 45,700 / 75–85km 52,700 / 85–95km 59,600 / 95km以上 66,400円 and a parking addition of up to 5,000円 a month; a public payroll tool citing No.2585 as of 令和8年4月1日 and 施行令20条の2 has the same bands and says the parking addition applies only from 2km. Two sources, one of them the plan before enactment: SECONDARY. Whether it applies to allowances payable from 4月1日 or to months from April, and the conditions on the parking fee (月極 etc., 財務省令), are UNCONFIRMED: the caller passes the parking fee that qualifies.',
  },
  transitMonthlyCap: 150_000,
  vehicleBands: [
    { fromMeters: 0, toMeters: 2 * KM, monthlyExemptYen: 0 },
    { fromMeters: 2 * KM, toMeters: 10 * KM, monthlyExemptYen: 4_200 },
    { fromMeters: 10 * KM, toMeters: 15 * KM, monthlyExemptYen: 7_300 },
    { fromMeters: 15 * KM, toMeters: 25 * KM, monthlyExemptYen: 13_500 },
    { fromMeters: 25 * KM, toMeters: 35 * KM, monthlyExemptYen: 19_700 },
    { fromMeters: 35 * KM, toMeters: 45 * KM, monthlyExemptYen: 25_900 },
    { fromMeters: 45 * KM, toMeters: 55 * KM, monthlyExemptYen: 32_300 },
    { fromMeters: 55 * KM, toMeters: 65 * KM, monthlyExemptYen: 38_700 },
    { fromMeters: 65 * KM, toMeters: 75 * KM, monthlyExemptYen: 45_700 },
    { fromMeters: 75 * KM, toMeters: 85 * KM, monthlyExemptYen: 52_700 },
    { fromMeters: 85 * KM, toMeters: 95 * KM, monthlyExemptYen: 59_600 },
    { fromMeters: 95 * KM, toMeters: null, monthlyExemptYen: 66_400 },
  ],
  parkingMonthlyCap: 5_000,
}
