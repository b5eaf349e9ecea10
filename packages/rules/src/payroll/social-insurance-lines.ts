import { calculateEmploymentInsurancePremium } from '../premiums/employment-insurance-premium.ts'
import type { HealthInsurancePremium } from '../premiums/health-insurance-premium.ts'
import type { ShareRounding } from '../premiums/share-rounding.ts'
import type { EmploymentInsuranceBusinessType } from '../tables/employment-insurance-rates/employment-insurance-rate-table.ts'
import type { DeductionLine } from './payroll-line.ts'

/** What the employer owes on top, kept in 銭 (only the establishment's total is rounded). */
export type EmployerShares = {
  readonly healthSen: number
  readonly pensionSen: number
  readonly childContributionSen: number
  readonly employmentSen: number
}

/**
 * The payslip label of the 健康保険料 line: one amount, because 介護保険料 and 子ども・子育て支援金 are
 * added to the rate before the employee's half is rounded (health-insurance-premium.ts), so they
 * cannot be printed apart without a second rounding the law does not make.
 */
export function healthLineLabelJa(premium: HealthInsurancePremium): string {
  return healthLabelJa({
    longTermCare: premium.components.some((c) => c.item === 'long-term-care'),
    childSupport: premium.components.some((c) => c.item === 'child-support'),
  })
}

export function healthLabelJa(charged: { longTermCare: boolean; childSupport: boolean }): string {
  const extras: string[] = []
  if (charged.longTermCare) extras.push('介護')
  if (charged.childSupport) extras.push('支援金')
  return extras.length === 0 ? '健康保険料' : `健康保険料(${extras.join('・')}含む)`
}

export function healthLine(premium: HealthInsurancePremium, prefixJa: string): DeductionLine {
  return {
    code: 'health-insurance',
    group: 'social-insurance',
    labelJa: healthLineLabelJa(premium),
    amount: premium.employeeShare,
    explanationJa: `${prefixJa}${premium.explanationJa}`,
  }
}

/** 雇用保険料 on the wages actually paid: 総支給額 including 通勤手当 (徴収法2条2項). */
export function employmentInsuranceLine(input: {
  date: string
  wages: number
  businessType: EmploymentInsuranceBusinessType
  rounding: ShareRounding
}): { line: DeductionLine; employerSen: number; tableId: string } {
  const premium = calculateEmploymentInsurancePremium(input)
  return {
    line: {
      code: 'employment-insurance',
      group: 'social-insurance',
      labelJa: '雇用保険料',
      amount: premium.employeeShare,
      explanationJa: premium.explanationJa,
    },
    employerSen: premium.employerShareSen,
    tableId: premium.tableId,
  }
}
