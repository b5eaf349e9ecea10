/**
 * One line of a payslip (給与明細): what is paid or deducted, its Japanese label and how it was
 * found. The lines are the result; totals are their sums, never computed apart from them.
 */
export type EarningCode =
  | 'base-pay'
  | `allowance:${string}`
  | 'commuting-non-taxable'
  | 'commuting-taxable'
  | 'within-statutory-overtime'
  | 'overtime'
  | 'overtime-beyond-threshold'
  | 'late-night'
  | 'legal-holiday'
  | 'absence-deduction'
  | 'late-early-deduction'
  | 'bonus'

export type DeductionCode =
  | 'health-insurance'
  | 'pension-insurance'
  | 'employment-insurance'
  | 'income-tax'
  | 'resident-tax'
  | `deduction:${string}`

export type EarningLine = {
  readonly code: EarningCode
  readonly labelJa: string
  /** Yen. Negative only for 欠勤控除 and 遅刻早退控除, which reduce the pay itself. */
  readonly amount: number
  /** Whether it is in the pay 所得税 is withheld on. */
  readonly incomeTax: 'taxable' | 'non-taxable'
  readonly explanationJa: string
}

/** A line as stored and totalled: everything but the explanation (monthly-payroll-calculator.ts). */
export type EarningAmountLine = Omit<EarningLine, 'explanationJa'>

export type DeductionGroup = 'social-insurance' | 'tax' | 'other'

export type DeductionLine = {
  readonly code: DeductionCode
  readonly group: DeductionGroup
  readonly labelJa: string
  readonly amount: number
  readonly explanationJa: string
}

export type DeductionAmountLine = Omit<DeductionLine, 'explanationJa'>

export type PayrollTotals = {
  /** 総支給額: the sum of the earning lines. */
  readonly grossPay: number
  readonly taxablePay: number
  readonly nonTaxablePay: number
  /** 社会保険料等 deducted (健保・介護・支援金, 厚年, 雇用). */
  readonly socialInsurance: number
  readonly incomeTax: number
  readonly residentTax: number
  readonly otherDeductions: number
  /** 控除合計: the sum of the deduction lines. */
  readonly totalDeductions: number
  /** 差引支給額 = grossPay − totalDeductions; negative when deductions exceed the pay. */
  readonly netPay: number
}

export function totalsOf(
  earnings: readonly EarningAmountLine[],
  deductions: readonly DeductionAmountLine[],
): PayrollTotals {
  let grossPay = 0
  let taxablePay = 0
  for (const line of earnings) {
    grossPay += line.amount
    if (line.incomeTax === 'taxable') taxablePay += line.amount
  }
  let socialInsurance = 0
  let incomeTax = 0
  let residentTax = 0
  let otherDeductions = 0
  for (const line of deductions) {
    if (line.group === 'social-insurance') socialInsurance += line.amount
    else if (line.code === 'income-tax') incomeTax += line.amount
    else if (line.code === 'resident-tax') residentTax += line.amount
    else otherDeductions += line.amount
  }
  const totalDeductions = socialInsurance + incomeTax + residentTax + otherDeductions
  return {
    grossPay,
    taxablePay,
    nonTaxablePay: grossPay - taxablePay,
    socialInsurance,
    incomeTax,
    residentTax,
    otherDeductions,
    totalDeductions,
    netPay: grossPay - totalDeductions,
  }
}
