import type { CommutingAllowanceTable } from './commuting-allowance-table.ts'

const KM = 1000

/**
 * 通勤手当の非課税限度額 after the 所得税法施行令 amendment promulgated 令和7年11月19日 (in force 11月20日),
 * which applies to allowances payable from 令和7年4月1日: the 交通用具 bands from 10km up were raised.
 * Allowances of 令和7年4月1日〜11月19日 had been withheld on the old amounts; the difference is settled
 * at the 令和7年分 年末調整, which is outside a monthly calculation.
 */
export const COMMUTING_ALLOWANCE_2025_04: CommutingAllowanceTable = {
  kind: 'commuting-allowance-exemption',
  id: 'commuting-allowance-2025-04',
  titleJa: '通勤手当の非課税限度額 (令和7年4月〜令和8年3月支払分)',
  effectiveFrom: '2025-04-01',
  effectiveTo: '2026-04-01',
  source: {
    document:
      '所得税法施行令の一部を改正する政令 (令和7年11月19日公布, 11月20日施行); 国税庁「通勤手当の非課税限度額の改正について」https://www.nta.go.jp/users/gensen/2025tsukin/index.htm',
    confidence: 'CONFIRMED',
    verification:
      'Not in shared/domain. Verified with the search tool: skk.hh-kenoh.jp (quoting the 国税庁 notice), tsutsui-acc.com, kannaikaikei.jp, hosokawa-zei.jp, taxtanaka.jp and news (livedoor, 2025-11-14, citing 財務省) agree on 4,200 (unchanged) / 7,300 / 13,500 / 19,700 / 25,900 / 32,300 / 38,700円, 交通機関 150,000円 unchanged, applied to 通勤手当 payable (支払われるべき) from 令和7年4月1日, except amounts payable before that date and their later differences. The 55km以上 band is open-ended until 令和8年4月.',
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
    { fromMeters: 55 * KM, toMeters: null, monthlyExemptYen: 38_700 },
  ],
  parkingMonthlyCap: null,
}
