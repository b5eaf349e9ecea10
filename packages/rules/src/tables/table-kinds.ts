import type { ChildContributionTable } from './child-contribution/child-contribution-table.ts'
import type { ChildSupportLevyTable } from './child-support-levy/child-support-levy-table.ts'
import type { CommutingAllowanceTable } from './commuting-allowance/commuting-allowance-table.ts'
import type { EmploymentInsuranceRateTable } from './employment-insurance-rates/employment-insurance-rate-table.ts'
import type { KyokaiKenpoRateTable } from './kyokai-kenpo-rates/kyokai-kenpo-rate-table.ts'
import type { PensionRateTable } from './pension-rate/pension-rate-table.ts'
import type { PremiumWageRateTable } from './premium-wage-rates/premium-wage-rate-table.ts'
import type { StandardBonusCapTable } from './standard-bonus-caps/standard-bonus-cap-table.ts'
import type { GradeTable } from './standard-remuneration/grade-table.ts'
import type { BonusRateTable } from './withholding/bonus-rate-table.ts'
import type { ComputerMethodTable } from './withholding/computer-method-table.ts'
import type { OtsuMonthlyTable } from './withholding/otsu-monthly-table.ts'

/**
 * Every kind of versioned table. The date a lookup takes is, by kind:
 * - social insurance (grades, 協会けんぽ, 厚年, 支援金, 拠出金, bonus caps): a day in the month the
 *   保険料 is for (〇月分), or the bonus payment date;
 * - 雇用保険: the 賃金締切日 of the wage (a bonus: its payment date);
 * - 源泉徴収: the payment date (年分 follows the payment, README.md effective dates);
 * - 通勤手当の非課税限度額: the day the allowance is payable (支払われるべき日);
 * - 割増賃金率: the 賃金締切日 of the wage period.
 */
export type TableByKind = {
  'health-standard-remuneration': GradeTable
  'pension-standard-remuneration': GradeTable
  'kyokai-kenpo-rates': KyokaiKenpoRateTable
  'pension-rate': PensionRateTable
  'child-support-levy': ChildSupportLevyTable
  'child-contribution': ChildContributionTable
  'employment-insurance-rates': EmploymentInsuranceRateTable
  'standard-bonus-caps': StandardBonusCapTable
  'withholding-computer-method': ComputerMethodTable
  'withholding-otsu-monthly': OtsuMonthlyTable
  'withholding-bonus-rates': BonusRateTable
  'commuting-allowance-exemption': CommutingAllowanceTable
  'statutory-premium-wage-rates': PremiumWageRateTable
}

export type TableKind = keyof TableByKind

export const TABLE_KIND_NAMES_JA: Readonly<Record<TableKind, string>> = {
  'health-standard-remuneration': '健康保険 標準報酬月額表',
  'pension-standard-remuneration': '厚生年金保険 標準報酬月額表',
  'kyokai-kenpo-rates': '協会けんぽ 健康保険料率・介護保険料率',
  'pension-rate': '厚生年金保険料率',
  'child-support-levy': '子ども・子育て支援金率',
  'child-contribution': '子ども・子育て拠出金率',
  'employment-insurance-rates': '雇用保険料率',
  'standard-bonus-caps': '標準賞与額の上限',
  'withholding-computer-method': '源泉徴収 電算機計算の特例 (月額表甲欄)',
  'withholding-otsu-monthly': '源泉徴収 月額表乙欄',
  'withholding-bonus-rates': '賞与に対する源泉徴収税額の算出率の表',
  'commuting-allowance-exemption': '通勤手当の非課税限度額',
  'statutory-premium-wage-rates': '割増賃金率',
}
