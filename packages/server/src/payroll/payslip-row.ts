import type { Attendance } from '@mamori/rules/payroll/attendance.ts'
import type { BonusPayroll } from '@mamori/rules/payroll/bonus-payroll.ts'
import type { MonthlyPayroll } from '@mamori/rules/payroll/monthly-payroll.ts'
import type { MonthlyPayAmounts } from '@mamori/rules/payroll/monthly-payroll-calculator.ts'
import type {
  DeductionAmountLine,
  EarningAmountLine,
  PayrollTotals,
} from '@mamori/rules/payroll/payroll-line.ts'
import type { EmployerShares } from '@mamori/rules/payroll/social-insurance-lines.ts'
import type { PayslipDocument, PayslipPayroll } from './payslip-document.ts'

/**
 * A payslip as stored: the lines of the calculation (code, label, amount and treatment) and the
 * employer's shares, the attendance it printed, and the totals. The lines' Japanese explanations
 * are not stored: they are ~5 kB a payslip, which a run of a million payslips cannot afford to
 * write (bench:payroll); GET of a run recalculates nothing and shows the amounts as approved.
 * Stored compactly (payslip-lines-codec.ts).
 */
export type PayslipLines = {
  earnings: readonly EarningAmountLine[]
  deductions: readonly DeductionAmountLine[]
  employerSharesSen: EmployerShares
}

export type PayslipAttendance = Attendance

export type StoredTotals = {
  grossPay: number
  taxablePay: number
  socialInsurance: number
  incomeTax: number
  totalDeductions: number
  netPay: number
}

/** What a calculation produced for one employee, ready to store. */
export type PayslipRow = {
  employeeId: string
  employeeCode: string | null
  employeeName: string
  lines: PayslipLines
  attendance: PayslipAttendance | null
  premiumMonth: string | null
  totals: StoredTotals
  healthStandardBonus: number | null
  pensionStandardBonus: number | null
}

export type StoredPayslip = PayslipRow & { id: string; runId: string }

export type PayslipEmployee = { employeeId: string; employeeCode: string | null; employeeName: string }

/**
 * The row of a calculated payslip. The lines are taken as they are: what is stored of them is
 * picked by payslip-lines-codec.ts, so explanations (of a BonusPayroll) never reach the database.
 */
export function payslipRowOf(
  employee: PayslipEmployee,
  payroll: MonthlyPayAmounts | MonthlyPayroll | BonusPayroll,
  attendance: Attendance | null,
): PayslipRow {
  const t = payroll.totals
  return {
    ...employee,
    lines: {
      earnings: payroll.earnings,
      deductions: payroll.deductions,
      employerSharesSen: payroll.employerShares,
    },
    attendance,
    premiumMonth: payroll.kind === 'monthly' ? payroll.premiumMonth : null,
    totals: {
      grossPay: t.grossPay,
      taxablePay: t.taxablePay,
      socialInsurance: t.socialInsurance,
      incomeTax: t.incomeTax,
      totalDeductions: t.totalDeductions,
      netPay: t.netPay,
    },
    healthStandardBonus: payroll.kind === 'bonus' ? payroll.healthStandardBonus : null,
    pensionStandardBonus: payroll.kind === 'bonus' ? payroll.pensionStandardBonus : null,
  }
}

/** The full totals of a stored payslip; the parts not stored as columns are sums of its lines. */
export function totalsOfStored(payslip: PayslipRow): PayrollTotals {
  const t = payslip.totals
  let residentTax = 0
  for (const l of payslip.lines.deductions) if (l.code === 'resident-tax') residentTax += l.amount
  return {
    ...t,
    nonTaxablePay: t.grossPay - t.taxablePay,
    residentTax,
    otherDeductions: t.totalDeductions - t.socialInsurance - t.incomeTax - residentTax,
  }
}

export function payslipDocumentOf(
  payslip: PayslipRow,
  run: { kind: 'monthly' | 'bonus'; paymentDate: string; periodLabelJa: string },
  employerName: string,
): PayslipDocument {
  const base = {
    paymentDate: run.paymentDate,
    earnings: payslip.lines.earnings,
    deductions: payslip.lines.deductions,
    totals: totalsOfStored(payslip),
  }
  const payroll: PayslipPayroll =
    run.kind === 'monthly' && payslip.premiumMonth !== null
      ? { ...base, kind: 'monthly', premiumMonth: payslip.premiumMonth }
      : { ...base, kind: 'bonus' }
  return {
    employerName,
    employeeName: payslip.employeeName,
    employeeCode: payslip.employeeCode ?? '',
    periodLabelJa: run.periodLabelJa,
    payroll,
    attendance: payslip.attendance,
  }
}
