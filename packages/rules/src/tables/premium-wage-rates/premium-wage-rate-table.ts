import type { Rate } from '../../money/rate.ts'
import type { TableMeta } from '../table-meta.ts'

/**
 * The statutory minimum 割増賃金率 (労働基準法37条, 割増賃金令). Each rate is the premium on top of the
 * normal hourly wage: 時間外 0.25 means 125% is paid for an overtime hour. Employers may pay more;
 * Mamori computes the minimum. The lookup date is the 賃金締切日 of the wage period.
 */
export type PremiumWageRateTable = TableMeta & {
  readonly kind: 'statutory-premium-wage-rates'
  /** 法定時間外労働, up to the monthly threshold. */
  readonly overtime: Rate
  /** 法定時間外労働 beyond the threshold in one month (37条1項但書). */
  readonly overtimeBeyondThreshold: Rate
  /** 60 hours a month, in minutes. 法定休日労働 does not count towards it. */
  readonly overtimeThresholdMinutes: number
  /** 深夜 (22時〜5時), added on top of any overtime or holiday rate (37条4項). */
  readonly lateNight: Rate
  /** 法定休日労働. */
  readonly legalHoliday: Rate
}
