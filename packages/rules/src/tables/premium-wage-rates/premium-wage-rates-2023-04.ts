import { percent } from '../../money/rate.ts'
import type { PremiumWageRateTable } from './premium-wage-rate-table.ts'

/**
 * 割増賃金率 from 令和5年4月1日, when the 中小事業主 deferral of the 月60時間超 50% rate (労基法附則138条)
 * ended and one set of minimum rates applies to every employer.
 */
export const PREMIUM_WAGE_RATES_2023_04: PremiumWageRateTable = {
  kind: 'statutory-premium-wage-rates',
  id: 'premium-wage-rates-2023-04',
  titleJa: '割増賃金率 (法定の最低率、令和5年4月〜)',
  effectiveFrom: '2023-04-01',
  effectiveTo: null,
  source: {
    document:
      '労働基準法37条1項 (時間外 2割5分以上, 月60時間超 5割以上) and 4項 (深夜 2割5分以上); 労働基準法第三十七条第一項の時間外及び休日の割増賃金に係る率の最低限度を定める政令 (時間外 2割5分, 休日 3割5分); 厚生労働省 leaflet「2023年4月1日から月60時間を超える時間外労働の割増賃金率が引き上げられます」https://www.mhlw.go.jp/content/000930914.pdf',
    confidence: 'CONFIRMED',
    verification:
      'Not in shared/domain. Verified with the search tool: several 社労士 and news pages quoting the 厚労省 leaflet (risktaisaku.com, akia-tax.com, brace-partners.com, fukushita.com, skm-consulting.com) agree: 時間外 25%, 月60時間超 50% for all employers from 2023-04-01, 深夜 25% added (60時間超 + 深夜 = 75%), 法定休日 35% (休日 + 深夜 = 60%), and 法定休日労働 does not count towards the 60 hours. Dates before 2023-04-01 are refused: the large/small employer split before then is not held.',
  },
  overtime: percent('25'),
  overtimeBeyondThreshold: percent('50'),
  overtimeThresholdMinutes: 60 * 60,
  lateNight: percent('25'),
  legalHoliday: percent('35'),
}
