import { assertYen } from '../money/exact-yen.ts'
import { calculateBonusPremiums } from '../premiums/bonus-premiums.ts'
import type { PersonAge } from '../premiums/long-term-care-by-person.ts'
import { parseIsoDate } from '../tables/iso-date.ts'
import { calculateBonusWithholding } from '../withholding/bonus-withholding.ts'
import type { WithholdingColumn } from '../withholding/monthly-withholding.ts'
import type { EstablishmentPayrollSettings } from './monthly-payroll.ts'
import { type OtherDeduction, otherDeductionLines } from './other-deductions.ts'
import { type DeductionLine, type EarningLine, type PayrollTotals, totalsOf } from './payroll-line.ts'
import { type EmployerShares, employmentInsuranceLine, healthLine } from './social-insurance-lines.ts'
import { yenJa } from './yen-text.ts'

export type BonusPayrollEmployee = {
  readonly person: PersonAge
  readonly healthInsured: boolean
  readonly pensionInsured: boolean
  readonly employmentInsured: boolean
  readonly withholdingColumn: WithholdingColumn
  readonly dependents: number
}

export type BonusPayrollInput = {
  readonly paymentDate: string
  readonly establishment: EstablishmentPayrollSettings
  readonly employee: BonusPayrollEmployee
  readonly bonus: number
  /** Whether the bonus covers more than 6 months (the 特例 spreads it over 12, not 6). */
  readonly calculationPeriodOverSixMonths: boolean
  /** 健保 標準賞与額 already determined earlier in the same 年度 (April–March), for the ¥5,730,000 cap. */
  readonly healthStandardBonusEarlierInFiscalYear: number
  /**
   * The previous month's taxable pay and the 社会保険料等 deducted from it (the X of the 算出率の表);
   * null when no pay was made in the previous month.
   */
  readonly previousMonth: { readonly taxablePay: number; readonly socialInsurance: number } | null
  readonly otherDeductions: readonly OtherDeduction[]
}

export type BonusPayroll = {
  readonly kind: 'bonus'
  readonly paymentDate: string
  readonly earnings: readonly EarningLine[]
  readonly deductions: readonly DeductionLine[]
  readonly totals: PayrollTotals
  readonly healthStandardBonus: number
  readonly pensionStandardBonus: number
  readonly employerShares: EmployerShares
  readonly tableIds: readonly string[]
}

/**
 * A bonus (賞与) for one employee: premiums on the 標準賞与額 (¥1,000 truncation, 健保 annual and 厚年
 * monthly caps: bonus-premiums.ts), 雇用保険料 on the bonus paid, and 源泉所得税 by the 算出率の表 on the
 * previous month's pay, or by the 月額表 spread where the 特例 applies (bonus-withholding.ts).
 */
export function calculateBonusPayroll(input: BonusPayrollInput): BonusPayroll {
  parseIsoDate(input.paymentDate, 'paymentDate')
  assertYen(input.bonus, 'bonus')
  const { employee, establishment } = input
  const tableIds = new Set<string>()
  const earnings: EarningLine[] = [
    {
      code: 'bonus',
      labelJa: '賞与',
      amount: input.bonus,
      incomeTax: 'taxable',
      explanationJa: `賞与: ${yenJa(input.bonus)}。`,
    },
  ]
  const premiums = calculateBonusPremiums({
    date: input.paymentDate,
    prefecture: establishment.prefecture,
    bonusPaidThisMonth: input.bonus,
    healthStandardBonusEarlierInFiscalYear: input.healthStandardBonusEarlierInFiscalYear,
    person: employee.person,
    rounding: establishment.shareRounding,
  })
  const deductions: DeductionLine[] = []
  const employerShares = { healthSen: 0, pensionSen: 0, childContributionSen: 0, employmentSen: 0 }
  tableIds.add(premiums.standardBonus.tableId)
  if (employee.healthInsured) {
    for (const id of premiums.healthInsurance.tableIds) tableIds.add(id)
    deductions.push(
      healthLine(
        premiums.healthInsurance,
        `${premiums.standardBonus.explanationJa}${premiums.longTermCare.explanationJa}`,
      ),
    )
    employerShares.healthSen = premiums.healthInsurance.employerShareSen
  }
  if (employee.pensionInsured) {
    tableIds.add(premiums.pensionInsurance.tableId)
    tableIds.add(premiums.childContribution.tableId)
    deductions.push({
      code: 'pension-insurance',
      group: 'social-insurance',
      labelJa: '厚生年金保険料',
      amount: premiums.pensionInsurance.employeeShare,
      explanationJa: premiums.pensionInsurance.explanationJa,
    })
    employerShares.pensionSen = premiums.pensionInsurance.employerShareSen
    employerShares.childContributionSen = premiums.childContribution.employerShareSen
  }
  if (employee.employmentInsured) {
    const employment = employmentInsuranceLine({
      date: input.paymentDate,
      wages: input.bonus,
      businessType: establishment.employmentInsuranceBusinessType,
      rounding: establishment.shareRounding,
    })
    tableIds.add(employment.tableId)
    deductions.push(employment.line)
    employerShares.employmentSen = employment.employerSen
  }
  const socialInsurance = deductions.reduce((sum, line) => sum + line.amount, 0)
  const withholding = calculateBonusWithholding({
    date: input.paymentDate,
    column: employee.withholdingColumn,
    bonus: input.bonus,
    bonusSocialInsurance: socialInsurance,
    previousMonth: input.previousMonth
      ? { pay: input.previousMonth.taxablePay, socialInsurance: input.previousMonth.socialInsurance }
      : null,
    dependents: employee.dependents,
    calculationPeriodOverSixMonths: input.calculationPeriodOverSixMonths,
  })
  tableIds.add(withholding.tableId)
  deductions.push({
    code: 'income-tax',
    group: 'tax',
    labelJa: '所得税',
    amount: withholding.tax,
    explanationJa: withholding.explanationJa,
  })
  deductions.push(...otherDeductionLines(input.otherDeductions))
  return {
    kind: 'bonus',
    paymentDate: input.paymentDate,
    earnings,
    deductions,
    totals: totalsOf(earnings, deductions),
    healthStandardBonus: employee.healthInsured ? premiums.standardBonus.healthStandardBonus : 0,
    pensionStandardBonus: employee.pensionInsured ? premiums.standardBonus.pensionStandardBonus : 0,
    employerShares,
    tableIds: [...tableIds].sort(),
  }
}
