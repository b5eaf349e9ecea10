import type { CommutingAllowanceTable } from './commuting-allowance-table.ts'

const KM = 1000

/**
 * 通勤手当の非課税限度額 for allowances payable from 平成28年1月1日 (交通機関 ¥150,000, raised from
 * ¥100,000 by the 平成28年度改正) until the 令和7年 increase of the 交通用具 bands (from 令和7年4月1日,
 * commuting-allowance-2025-04.ts). The 交通用具 bands are those of 平成26年4月1日.
 */
export const COMMUTING_ALLOWANCE_2016_01: CommutingAllowanceTable = {
  kind: 'commuting-allowance-exemption',
  id: 'commuting-allowance-2016-01',
  titleJa: '通勤手当の非課税限度額 (平成28年1月〜令和7年3月支払分)',
  effectiveFrom: '2016-01-01',
  effectiveTo: '2025-04-01',
  source: {
    document:
      '所得税法9条1項5号, 所得税法施行令20条の2 (改正前); 国税庁 タックスアンサー No.2582, No.2585; 国税庁「通勤手当の非課税限度額の改正について」(令和7年11月) の「改正前」欄',
    confidence: 'CONFIRMED',
    verification:
      'Not in shared/domain. Verified with the search tool against pages quoting the 国税庁 改正 notice of 令和7年11月, which print the 改正前 amounts beside the new ones: skk.hh-kenoh.jp, tsutsui-acc.com, kannaikaikei.jp and a livedoor (ファイナンシャルフィールド) article agree on 4,200 / 7,100 / 12,900 / 18,700 / 24,400 / 28,000 / 31,600円 and 交通機関 150,000円 (同左). A public expense-tool source carries the same band amounts. The 平成28年1月 start of the 150,000円 cap is from memory (UNCONFIRMED); earlier dates are refused.',
  },
  transitMonthlyCap: 150_000,
  vehicleBands: [
    { fromMeters: 0, toMeters: 2 * KM, monthlyExemptYen: 0 },
    { fromMeters: 2 * KM, toMeters: 10 * KM, monthlyExemptYen: 4_200 },
    { fromMeters: 10 * KM, toMeters: 15 * KM, monthlyExemptYen: 7_100 },
    { fromMeters: 15 * KM, toMeters: 25 * KM, monthlyExemptYen: 12_900 },
    { fromMeters: 25 * KM, toMeters: 35 * KM, monthlyExemptYen: 18_700 },
    { fromMeters: 35 * KM, toMeters: 45 * KM, monthlyExemptYen: 24_400 },
    { fromMeters: 45 * KM, toMeters: 55 * KM, monthlyExemptYen: 28_000 },
    { fromMeters: 55 * KM, toMeters: null, monthlyExemptYen: 31_600 },
  ],
  parkingMonthlyCap: null,
}
