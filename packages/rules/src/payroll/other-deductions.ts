import { assertYen } from '../money/exact-yen.ts'
import { assertItem, assertUniqueCodes } from './payroll-input-checks.ts'
import type { DeductionLine } from './payroll-line.ts'
import { yenJa } from './yen-text.ts'

/** A deduction the employer makes by agreement (労働基準法24条1項ただし書の労使協定): 社宅費, 財形 … */
export type OtherDeduction = {
  readonly code: string
  readonly labelJa: string
  readonly amount: number
}

export function residentTaxLine(amount: number): DeductionLine {
  return {
    code: 'resident-tax',
    group: 'tax',
    labelJa: '住民税',
    amount,
    explanationJa: `住民税 (特別徴収): 市区町村の通知による当月分${yenJa(amount)}。`,
  }
}

export function otherDeductionLines(deductions: readonly OtherDeduction[]): DeductionLine[] {
  assertUniqueCodes(deductions, 'otherDeductions')
  return deductions.map((d, index) => {
    assertItem(d, `otherDeductions[${index}]`)
    assertYen(d.amount, `otherDeductions[${index}].amount`)
    return {
      code: `deduction:${d.code}`,
      group: 'other',
      labelJa: d.labelJa,
      amount: d.amount,
      explanationJa: `${d.labelJa}: ${yenJa(d.amount)} (労使協定による控除)。`,
    }
  })
}
