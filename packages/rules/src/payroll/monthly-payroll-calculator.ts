import { applyRate, assertYen, floorSen } from '../money/exact-yen.ts'
import { addRates, type Rate } from '../money/rate.ts'
import { isLongTermCareInsured, type PersonAge } from '../premiums/long-term-care-by-person.ts'
import { splitPremium } from '../premiums/split-premium.ts'
import { findGradeByStandardAmount } from '../remuneration/find-grade.ts'
import { findTableInForce, findTableInForceSinceIntroduction } from '../tables/find-table-in-force.ts'
import { parseIsoDate } from '../tables/iso-date.ts'
import type { GradeTable } from '../tables/standard-remuneration/grade-table.ts'
import type { TableByKind, TableKind } from '../tables/table-kinds.ts'
import { computerMethodSteps } from '../withholding/computer-method.ts'
import { calculateMonthlyWithholding } from '../withholding/monthly-withholding.ts'
import { amountAfterSocialInsurance, assertDependents } from '../withholding/withholding-inputs.ts'
import { absenceDeductionAmounts } from './absence-deduction.ts'
import { assertAttendance } from './attendance.ts'
import { basePayAmount } from './base-pay.ts'
import { commutingExemptAmounts } from './commuting-exemption.ts'
import type { MonthlyPayroll, MonthlyPayrollInput } from './monthly-payroll.ts'
import { assertItem, assertUniqueCodes } from './payroll-input-checks.ts'
import { type DeductionAmountLine, type EarningAmountLine, totalsOf } from './payroll-line.ts'
import { premiumPayAmounts } from './premium-pay.ts'
import { premiumWagePerMinute } from './premium-wage-base.ts'
import { assertSalaryStructure } from './salary-structure.ts'
import { healthLabelJa } from './social-insurance-lines.ts'
import { premiumMonthOf } from './social-insurance-month.ts'

/** What every payslip of one client's monthly run shares. */
export type MonthlyRun = Pick<MonthlyPayrollInput, 'paymentDate' | 'periodEndDate' | 'establishment'>

/** One employee's part of a MonthlyPayrollInput. */
export type MonthlyEmployeeInput = Omit<MonthlyPayrollInput, keyof MonthlyRun>

/** calculateMonthlyPayroll's result without the explanations: the lines as they are stored and totalled. */
export type MonthlyPayAmounts = Omit<MonthlyPayroll, 'earnings' | 'deductions'> & {
  readonly earnings: readonly EarningAmountLine[]
  readonly deductions: readonly DeductionAmountLine[]
}

/**
 * A table of the run, found the first time an employee needs it: a run that never needs a table
 * (no overtime, nobody insured) is not refused for its absence, as calculateMonthlyPayroll is not.
 */
function lazyTable<K extends TableKind>(kind: K, date: string): () => TableByKind[K] {
  let table: TableByKind[K] | undefined
  return () => {
    table ??= findTableInForce(kind, date)
    return table
  }
}

/** The 標準報酬月額 of a grade table as a set, so each employee's check is one look-up. */
function gradeCheck(table: () => GradeTable): (base: number) => void {
  let amounts: Set<number> | undefined
  return (base) => {
    assertYen(base, 'base')
    const grades = table()
    amounts ??= new Set(grades.grades.map((g) => g.standardAmount))
    // A miss is refused with findGradeByStandardAmount's own error.
    if (!amounts.has(base)) findGradeByStandardAmount(grades, base, 'base')
  }
}

/**
 * calculateMonthlyPayroll for a whole run: the tables, the premium month, the rates and labels of
 * the run are found once, and each employee's lines are amounts only. The explanations are what
 * makes a calculation slow (a string per line, each with formatted amounts), and a stored run
 * never keeps them (server payslip-row.ts); calculateMonthlyPayroll gives them for one employee.
 * Every amount, line, total, refusal and table id is the same as calculateMonthlyPayroll's
 * (monthly-payroll-calculator.test.ts compares the two).
 */
export function prepareMonthlyPayroll(run: MonthlyRun): (input: MonthlyEmployeeInput) => MonthlyPayAmounts {
  const { paymentDate, periodEndDate, establishment } = run
  parseIsoDate(paymentDate, 'paymentDate')
  parseIsoDate(periodEndDate, 'periodEndDate')
  const premiumMonth = premiumMonthOf(paymentDate, establishment.premiumCollection)
  const commutingTable = lazyTable('commuting-allowance-exemption', paymentDate)
  const premiumWageTable = lazyTable('statutory-premium-wage-rates', periodEndDate)
  const healthGrade = gradeCheck(lazyTable('health-standard-remuneration', premiumMonth))
  const pensionGrade = gradeCheck(lazyTable('pension-standard-remuneration', premiumMonth))
  const kenpoTable = lazyTable('kyokai-kenpo-rates', premiumMonth)
  const pensionTable = lazyTable('pension-rate', premiumMonth)
  const childTable = lazyTable('child-contribution', premiumMonth)
  const employmentTable = lazyTable('employment-insurance-rates', periodEndDate)
  const computerTable = lazyTable('withholding-computer-method', paymentDate)
  const health = new Map<boolean, { rate: Rate; labelJa: string; tableIds: string[] }>()
  function healthOf(care: boolean) {
    const known = health.get(care)
    if (known) return known
    const kenpo = kenpoTable()
    const levy = findTableInForceSinceIntroduction('child-support-levy', premiumMonth)
    const rates = [kenpo.healthRates[establishment.prefecture]]
    if (care) rates.push(kenpo.longTermCareRate)
    if (levy) rates.push(levy.rate)
    const found = {
      rate: addRates(rates),
      labelJa: healthLabelJa({ longTermCare: care, childSupport: levy !== null }),
      tableIds: [kenpo.id, ...(levy ? [levy.id] : [])],
    }
    health.set(care, found)
    return found
  }
  let employmentRates: { worker: Rate; total: Rate; tableId: string } | undefined
  function employmentOf() {
    if (employmentRates) return employmentRates
    const table = employmentTable()
    const rates = table.rates[establishment.employmentInsuranceBusinessType]
    employmentRates = {
      worker: rates.worker,
      total: addRates([rates.worker, rates.employer]),
      tableId: table.id,
    }
    return employmentRates
  }
  // 介護 by birth date: the premium month is the run's, so each date's answer holds for the run.
  const careByBirthDate = new Map<string, boolean>()
  function longTermCare(person: PersonAge): boolean {
    if (!('birthDate' in person)) return isLongTermCareInsured(person, premiumMonth)
    let insured = careByBirthDate.get(person.birthDate)
    if (insured === undefined) {
      insured = isLongTermCareInsured(person, premiumMonth)
      careByBirthDate.set(person.birthDate, insured)
    }
    return insured
  }
  // The sorted table ids of each combination of parts an employee's pay used.
  const tableIdSets = new Map<string, readonly string[]>()

  return (input) => {
    const { salary, attendance, employee } = input
    assertSalaryStructure(salary)
    assertAttendance(attendance)
    const ids: string[] = []

    const earnings: EarningAmountLine[] = [
      {
        code: 'base-pay',
        labelJa: '基本給',
        amount: basePayAmount(salary, attendance),
        incomeTax: 'taxable',
      },
    ]
    for (const allowance of salary.allowances) {
      earnings.push({
        code: `allowance:${allowance.code}`,
        labelJa: allowance.labelJa,
        amount: allowance.amount,
        incomeTax: allowance.incomeTax,
      })
    }
    const commuting = salary.commuting
    if (commuting && commuting.amount > 0) {
      const table = commutingTable()
      const exemption = commutingExemptAmounts(table, commuting)
      ids.push(table.id)
      if (exemption.nonTaxable > 0) {
        earnings.push({
          code: 'commuting-non-taxable',
          labelJa: '通勤手当(非課税)',
          amount: exemption.nonTaxable,
          incomeTax: 'non-taxable',
        })
      }
      if (exemption.taxable > 0) {
        earnings.push({
          code: 'commuting-taxable',
          labelJa: '通勤手当(課税)',
          amount: exemption.taxable,
          incomeTax: 'taxable',
        })
      }
    }
    const overtimeMinutes =
      attendance.withinStatutoryOvertimeMinutes +
      attendance.statutoryOvertimeMinutes +
      attendance.lateNightMinutes +
      attendance.legalHolidayMinutes
    if (overtimeMinutes > 0) {
      const table = premiumWageTable()
      ids.push(table.id)
      for (const c of premiumPayAmounts(table, premiumWagePerMinute(salary), attendance)) {
        earnings.push({ code: c.code, labelJa: c.labelJa, amount: c.amount, incomeTax: 'taxable' })
      }
    }
    const absence = absenceDeductionAmounts(salary, attendance)
    if (absence !== null && absence.absence > 0) {
      earnings.push({
        code: 'absence-deduction',
        labelJa: '欠勤控除',
        amount: -absence.absence,
        incomeTax: 'taxable',
      })
    }
    if (absence !== null && absence.lateEarly > 0) {
      earnings.push({
        code: 'late-early-deduction',
        labelJa: '遅刻早退控除',
        amount: -absence.lateEarly,
        incomeTax: 'taxable',
      })
    }

    let grossPay = 0
    let taxablePay = 0
    for (const line of earnings) {
      grossPay += line.amount
      if (line.incomeTax === 'taxable') taxablePay += line.amount
    }

    const rounding = establishment.shareRounding
    const deductions: DeductionAmountLine[] = []
    const employerShares = { healthSen: 0, pensionSen: 0, childContributionSen: 0, employmentSen: 0 }
    let socialInsurance = 0
    const healthBase = employee.healthStandardMonthlyRemuneration
    if (healthBase !== null) {
      const care = longTermCare(employee.person)
      healthGrade(healthBase)
      const rates = healthOf(care)
      const split = splitPremium({ base: healthBase, rate: rates.rate, employeeRate: 'half', rounding })
      for (const id of rates.tableIds) ids.push(id)
      deductions.push({
        code: 'health-insurance',
        group: 'social-insurance',
        labelJa: rates.labelJa,
        amount: split.employeeShare,
      })
      socialInsurance += split.employeeShare
      employerShares.healthSen = split.employerShareSen
    }
    const pensionBase = employee.pensionStandardMonthlyRemuneration
    if (pensionBase !== null) {
      pensionGrade(pensionBase)
      const pension = pensionTable()
      const split = splitPremium({ base: pensionBase, rate: pension.rate, employeeRate: 'half', rounding })
      const child = childTable()
      ids.push(pension.id, child.id)
      deductions.push({
        code: 'pension-insurance',
        group: 'social-insurance',
        labelJa: '厚生年金保険料',
        amount: split.employeeShare,
      })
      socialInsurance += split.employeeShare
      employerShares.pensionSen = split.employerShareSen
      employerShares.childContributionSen = floorSen(applyRate(pensionBase, child.rate))
    }
    if (employee.employmentInsured) {
      assertYen(grossPay, 'wages')
      const rates = employmentOf()
      const split = splitPremium({ base: grossPay, rate: rates.total, employeeRate: rates.worker, rounding })
      ids.push(rates.tableId)
      deductions.push({
        code: 'employment-insurance',
        group: 'social-insurance',
        labelJa: '雇用保険料',
        amount: split.employeeShare,
      })
      socialInsurance += split.employeeShare
      employerShares.employmentSen = split.employerShareSen
    }
    const pay = Math.max(0, taxablePay)
    let tax: number
    if (employee.withholdingColumn === 'kou') {
      assertDependents(employee.dependents)
      const amount = amountAfterSocialInsurance(pay, socialInsurance)
      const table = computerTable()
      tax = computerMethodSteps(table, amount, employee.dependents).tax
      ids.push(table.id)
    } else {
      const withholding = calculateMonthlyWithholding({
        date: paymentDate,
        column: employee.withholdingColumn,
        pay,
        socialInsurance,
        dependents: employee.dependents,
      })
      tax = withholding.tax
      ids.push(withholding.tableId)
    }
    deductions.push({ code: 'income-tax', group: 'tax', labelJa: '所得税', amount: tax })
    assertYen(input.residentTax, 'residentTax')
    if (input.residentTax > 0) {
      deductions.push({ code: 'resident-tax', group: 'tax', labelJa: '住民税', amount: input.residentTax })
    }
    const others = input.otherDeductions
    if (others.length > 0) {
      assertUniqueCodes(others, 'otherDeductions')
      for (const [index, d] of others.entries()) {
        assertItem(d, `otherDeductions[${index}]`)
        assertYen(d.amount, `otherDeductions[${index}].amount`)
        deductions.push({ code: `deduction:${d.code}`, group: 'other', labelJa: d.labelJa, amount: d.amount })
      }
    }

    const key = ids.join(' ')
    let tableIds = tableIdSets.get(key)
    if (tableIds === undefined) {
      tableIds = Object.freeze([...new Set(ids)].sort())
      tableIdSets.set(key, tableIds)
    }
    return {
      kind: 'monthly',
      paymentDate,
      periodEndDate,
      premiumMonth,
      earnings,
      deductions,
      totals: totalsOf(earnings, deductions),
      employerShares,
      tableIds,
    }
  }
}
