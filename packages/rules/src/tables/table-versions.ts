import { CHILD_CONTRIBUTION_2025_04 } from './child-contribution/child-contribution-2025-04.ts'
import { CHILD_CONTRIBUTION_2026_04 } from './child-contribution/child-contribution-2026-04.ts'
import { CHILD_SUPPORT_LEVY_2026_04 } from './child-support-levy/child-support-levy-2026-04.ts'
import { COMMUTING_ALLOWANCE_2016_01 } from './commuting-allowance/commuting-allowance-2016-01.ts'
import { COMMUTING_ALLOWANCE_2025_04 } from './commuting-allowance/commuting-allowance-2025-04.ts'
import { COMMUTING_ALLOWANCE_2026_04 } from './commuting-allowance/commuting-allowance-2026-04.ts'
import { EMPLOYMENT_INSURANCE_2025_04 } from './employment-insurance-rates/employment-insurance-2025-04.ts'
import { EMPLOYMENT_INSURANCE_2026_04 } from './employment-insurance-rates/employment-insurance-2026-04.ts'
import { KYOKAI_KENPO_RATES_2025_03 } from './kyokai-kenpo-rates/kyokai-kenpo-2025-03.ts'
import { KYOKAI_KENPO_RATES_2026_03 } from './kyokai-kenpo-rates/kyokai-kenpo-2026-03.ts'
import { PENSION_RATE_2017_09 } from './pension-rate/pension-rate-2017-09.ts'
import { PREMIUM_WAGE_RATES_2023_04 } from './premium-wage-rates/premium-wage-rates-2023-04.ts'
import { STANDARD_BONUS_CAPS_2016_04 } from './standard-bonus-caps/standard-bonus-caps-2016-04.ts'
import { HEALTH_STANDARD_REMUNERATION_2016_04 } from './standard-remuneration/health-2016-04.ts'
import { PENSION_STANDARD_REMUNERATION_2020_09 } from './standard-remuneration/pension-2020-09.ts'
import type { TableByKind, TableKind } from './table-kinds.ts'
import { BONUS_RATES_2020_01 } from './withholding/bonus-rates-2020-01.ts'
import { BONUS_RATES_2026_01 } from './withholding/bonus-rates-2026-01.ts'
import { COMPUTER_METHOD_2020_01 } from './withholding/computer-method-2020-01.ts'
import { COMPUTER_METHOD_2026_01 } from './withholding/computer-method-2026-01.ts'
import { OTSU_MONTHLY_2020_01 } from './withholding/otsu-monthly-2020-01.ts'
import { OTSU_MONTHLY_2026_01 } from './withholding/otsu-monthly-2026-01.ts'

/**
 * All versions of each kind, oldest first, periods not overlapping (checked by the tests). A new
 * 年度 or 年分 is a new data module added here; nothing else changes.
 */
export const TABLE_VERSIONS: { readonly [K in TableKind]: readonly TableByKind[K][] } = {
  'health-standard-remuneration': [HEALTH_STANDARD_REMUNERATION_2016_04],
  'pension-standard-remuneration': [PENSION_STANDARD_REMUNERATION_2020_09],
  'kyokai-kenpo-rates': [KYOKAI_KENPO_RATES_2025_03, KYOKAI_KENPO_RATES_2026_03],
  'pension-rate': [PENSION_RATE_2017_09],
  'child-support-levy': [CHILD_SUPPORT_LEVY_2026_04],
  'child-contribution': [CHILD_CONTRIBUTION_2025_04, CHILD_CONTRIBUTION_2026_04],
  'employment-insurance-rates': [EMPLOYMENT_INSURANCE_2025_04, EMPLOYMENT_INSURANCE_2026_04],
  'standard-bonus-caps': [STANDARD_BONUS_CAPS_2016_04],
  'withholding-computer-method': [COMPUTER_METHOD_2020_01, COMPUTER_METHOD_2026_01],
  'withholding-otsu-monthly': [OTSU_MONTHLY_2020_01, OTSU_MONTHLY_2026_01],
  'withholding-bonus-rates': [BONUS_RATES_2020_01, BONUS_RATES_2026_01],
  'commuting-allowance-exemption': [
    COMMUTING_ALLOWANCE_2016_01,
    COMMUTING_ALLOWANCE_2025_04,
    COMMUTING_ALLOWANCE_2026_04,
  ],
  'statutory-premium-wage-rates': [PREMIUM_WAGE_RATES_2023_04],
}
