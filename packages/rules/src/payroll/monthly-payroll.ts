import { assertYen } from '../money/exact-yen.ts'
import type { PrefectureCode } from '../prefectures/prefecture-codes.ts'
import { calculateChildContribution } from '../premiums/child-contribution.ts'
import { calculateHealthInsurancePremium } from '../premiums/health-insurance-premium.ts'
import { decideLongTermCare } from '../premiums/long-term-care-by-person.ts'
import { calculatePensionPremium } from '../premiums/pension-premium.ts'
import type { ShareRounding } from '../premiums/share-rounding.ts'
import type { EmploymentInsuranceBusinessType } from '../tables/employment-insurance-rates/employment-insurance-rate-table.ts'
import { parseIsoDate } from '../tables/iso-date.ts'
import { calculateMonthlyWithholding } from '../withholding/monthly-withholding.ts'
import { absenceDeductionLines } from './absence-deduction.ts'
import { type Attendance, assertAttendance } from './attendance.ts'
import { basePayLine } from './base-pay.ts'
import { commutingExemption } from './commuting-exemption.ts'
import type { PayrollEmployee } from './employee-insurance.ts'
import { type OtherDeduction, otherDeductionLines, residentTaxLine } from './other-deductions.ts'
import { type DeductionLine, type EarningLine, type PayrollTotals, totalsOf } from './payroll-line.ts'
import { calculatePremiumPay } from './premium-pay.ts'
import { premiumWageBase } from './premium-wage-base.ts'
import { assertSalaryStructure, type SalaryStructure } from './salary-structure.ts'
import { type EmployerShares, employmentInsuranceLine, healthLine } from './social-insurance-lines.ts'
import { formatPremiumMonthJa, type PremiumCollection, premiumMonthOf } from './social-insurance-month.ts'
import { yenJa } from './yen-text.ts'

/** Per-establishment settings that shape every payslip of the client. */
export type EstablishmentPayrollSettings = {
  readonly prefecture: PrefectureCode
  readonly premiumCollection: PremiumCollection
  readonly shareRounding: ShareRounding
  readonly employmentInsuranceBusinessType: EmploymentInsuranceBusinessType
}

export type MonthlyPayrollInput = {
  /** 支給日: picks the 源泉徴収 年分 and the 通勤手当 table (支払われるべき日). */
  readonly paymentDate: string
  /** 賃金締切日: picks the 雇用保険 年度 and the 割増賃金率. */
  readonly periodEndDate: string
  readonly establishment: EstablishmentPayrollSettings
  readonly employee: PayrollEmployee
  readonly salary: SalaryStructure
  readonly attendance: Attendance
  /** 住民税 特別徴収: the month's amount from the municipality's notice. */
  readonly residentTax: number
  readonly otherDeductions: readonly OtherDeduction[]
}

export type MonthlyPayroll = {
  readonly kind: 'monthly'
  readonly paymentDate: string
  readonly periodEndDate: string
  /** The month whose 社会保険料 this pay deducts, 'YYYY-MM-01'. */
  readonly premiumMonth: string
  readonly earnings: readonly EarningLine[]
  readonly deductions: readonly DeductionLine[]
  readonly totals: PayrollTotals
  readonly employerShares: EmployerShares
  /** Every versioned table used, for the record of the run. */
  readonly tableIds: readonly string[]
}

/**
 * A month's pay for one employee: earnings from the salary structure and attendance, then the
 * employee's 社会保険料 (on the 標準報酬月額, for the premium month), 雇用保険料 (on the wages paid),
 * 源泉所得税 (on the taxable pay less those premiums), 住民税 and agreed deductions. Pure and
 * deterministic: the same input gives the same lines. Every amount is a line with a Japanese label
 * and explanation; the totals are the sums of the lines.
 */
export function calculateMonthlyPayroll(input: MonthlyPayrollInput): MonthlyPayroll {
  parseIsoDate(input.paymentDate, 'paymentDate')
  parseIsoDate(input.periodEndDate, 'periodEndDate')
  assertSalaryStructure(input.salary)
  assertAttendance(input.attendance)
  const tableIds = new Set<string>()

  const earnings: EarningLine[] = [basePayLine(input.salary, input.attendance)]
  for (const allowance of input.salary.allowances) {
    earnings.push({
      code: `allowance:${allowance.code}`,
      labelJa: allowance.labelJa,
      amount: allowance.amount,
      incomeTax: allowance.incomeTax,
      explanationJa: `${allowance.labelJa}: 月額${yenJa(allowance.amount)} (${allowance.incomeTax === 'taxable' ? '課税' : '非課税'})。`,
    })
  }
  const commuting = input.salary.commuting
  if (commuting && commuting.amount > 0) {
    const exemption = commutingExemption(input.paymentDate, commuting)
    tableIds.add(exemption.tableId)
    if (exemption.nonTaxable > 0) {
      earnings.push({
        code: 'commuting-non-taxable',
        labelJa: '通勤手当(非課税)',
        amount: exemption.nonTaxable,
        incomeTax: 'non-taxable',
        explanationJa: exemption.explanationJa,
      })
    }
    if (exemption.taxable > 0) {
      earnings.push({
        code: 'commuting-taxable',
        labelJa: '通勤手当(課税)',
        amount: exemption.taxable,
        incomeTax: 'taxable',
        explanationJa: exemption.explanationJa,
      })
    }
  }
  const attendance = input.attendance
  const overtimeMinutes =
    attendance.withinStatutoryOvertimeMinutes +
    attendance.statutoryOvertimeMinutes +
    attendance.lateNightMinutes +
    attendance.legalHolidayMinutes
  if (overtimeMinutes > 0) {
    const premiumPay = calculatePremiumPay({
      periodEndDate: input.periodEndDate,
      base: premiumWageBase(input.salary),
      attendance,
    })
    tableIds.add(premiumPay.tableId)
    earnings.push(...premiumPay.lines)
  }
  earnings.push(...absenceDeductionLines(input.salary, attendance))

  const grossPay = earnings.reduce((sum, line) => sum + line.amount, 0)
  const taxablePay = earnings.reduce((sum, line) => sum + (line.incomeTax === 'taxable' ? line.amount : 0), 0)

  const { employee, establishment } = input
  const premiumMonth = premiumMonthOf(input.paymentDate, establishment.premiumCollection)
  const monthNote = `${formatPremiumMonthJa(premiumMonth)}の保険料 (${establishment.premiumCollection === 'following-month' ? '翌月徴収' : '当月徴収'}): `
  const deductions: DeductionLine[] = []
  const employerShares = { healthSen: 0, pensionSen: 0, childContributionSen: 0, employmentSen: 0 }
  if (employee.healthStandardMonthlyRemuneration !== null) {
    const care = decideLongTermCare(employee.person, premiumMonth)
    const premium = calculateHealthInsurancePremium({
      date: premiumMonth,
      prefecture: establishment.prefecture,
      basis: 'monthly',
      base: employee.healthStandardMonthlyRemuneration,
      longTermCareInsured: care.insured,
      rounding: establishment.shareRounding,
    })
    for (const id of premium.tableIds) tableIds.add(id)
    deductions.push(healthLine(premium, `${monthNote}${care.explanationJa}`))
    employerShares.healthSen = premium.employerShareSen
  }
  if (employee.pensionStandardMonthlyRemuneration !== null) {
    const premium = calculatePensionPremium({
      date: premiumMonth,
      basis: 'monthly',
      base: employee.pensionStandardMonthlyRemuneration,
      rounding: establishment.shareRounding,
    })
    const contribution = calculateChildContribution({
      date: premiumMonth,
      basis: 'monthly',
      base: employee.pensionStandardMonthlyRemuneration,
    })
    tableIds.add(premium.tableId)
    tableIds.add(contribution.tableId)
    deductions.push({
      code: 'pension-insurance',
      group: 'social-insurance',
      labelJa: '厚生年金保険料',
      amount: premium.employeeShare,
      explanationJa: `${monthNote}${premium.explanationJa}`,
    })
    employerShares.pensionSen = premium.employerShareSen
    employerShares.childContributionSen = contribution.employerShareSen
  }
  if (employee.employmentInsured) {
    const employment = employmentInsuranceLine({
      date: input.periodEndDate,
      wages: grossPay,
      businessType: establishment.employmentInsuranceBusinessType,
      rounding: establishment.shareRounding,
    })
    tableIds.add(employment.tableId)
    deductions.push(employment.line)
    employerShares.employmentSen = employment.employerSen
  }
  const socialInsurance = deductions.reduce((sum, line) => sum + line.amount, 0)
  const withholding = calculateMonthlyWithholding({
    date: input.paymentDate,
    column: employee.withholdingColumn,
    pay: Math.max(0, taxablePay),
    socialInsurance,
    dependents: employee.dependents,
  })
  tableIds.add(withholding.tableId)
  deductions.push({
    code: 'income-tax',
    group: 'tax',
    labelJa: '所得税',
    amount: withholding.tax,
    explanationJa: `課税支給額${yenJa(taxablePay)} − 社会保険料等${yenJa(socialInsurance)}。${withholding.explanationJa}`,
  })
  assertYen(input.residentTax, 'residentTax')
  if (input.residentTax > 0) deductions.push(residentTaxLine(input.residentTax))
  deductions.push(...otherDeductionLines(input.otherDeductions))

  return {
    kind: 'monthly',
    paymentDate: input.paymentDate,
    periodEndDate: input.periodEndDate,
    premiumMonth,
    earnings,
    deductions,
    totals: totalsOf(earnings, deductions),
    employerShares,
    tableIds: [...tableIds].sort(),
  }
}
