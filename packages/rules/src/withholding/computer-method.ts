import { applyRate, ceilYen, type ExactYen, floorYen } from '../money/exact-yen.ts'
import { formatYen } from '../money/format.ts'
import { findTableInForce } from '../tables/find-table-in-force.ts'
import type { ComputerMethodTable } from '../tables/withholding/computer-method-table.ts'
import { amountAfterSocialInsurance, assertDependents } from './withholding-inputs.ts'

export type ComputerMethodWithholding = {
  /** A: その月の社会保険料等控除後の給与等の金額. */
  readonly amountAfterSocialInsurance: number
  readonly dependents: number
  readonly employmentIncomeDeduction: number
  readonly dependentDeduction: number
  readonly basicDeduction: number
  /** B = A − the three deductions; 0 when negative. */
  readonly taxableAmount: number
  readonly tax: number
  readonly tableId: string
  readonly explanationJa: string
}

function bandFor<T extends { upTo: number | null }>(bands: readonly T[], amount: number): T {
  const found = bands.find((b) => b.upTo === null || amount <= b.upTo)
  // Unreachable: every band list ends with upTo null (computer-method.test.ts checks the tables).
  if (!found) throw new Error('Band list without an open end')
  return found
}

/** 10円未満四捨五入 of a non-negative exact amount. */
function roundToTenYen(amount: ExactYen): number {
  return (
    floorYen({ numerator: amount.numerator + 5 * amount.denominator, denominator: 10 * amount.denominator }) *
    10
  )
}

/** Steps 1–5 of the 特例 on A (withholding.md, Steps (monthly 甲欄)). */
export function computerMethodSteps(table: ComputerMethodTable, amount: number, dependents: number) {
  const band = bandFor(table.employmentIncomeDeduction, amount)
  const employmentIncomeDeduction = ceilYen(applyRate(amount, band.rate)) + band.addend
  const dependentDeduction = table.dependentDeductionPerPerson * dependents
  const basicDeduction = bandFor(table.basicDeduction, amount).amount
  const taxableAmount = Math.max(0, amount - employmentIncomeDeduction - dependentDeduction - basicDeduction)
  const bracket = bandFor(table.taxBrackets, taxableAmount)
  const gross = applyRate(taxableAmount, bracket.rate)
  const net = {
    numerator: gross.numerator - bracket.subtract * gross.denominator,
    denominator: gross.denominator,
  }
  const tax = taxableAmount === 0 || net.numerator <= 0 ? 0 : roundToTenYen(net)
  return { employmentIncomeDeduction, dependentDeduction, basicDeduction, taxableAmount, tax }
}

/**
 * 源泉徴収税額 on a month's pay, 甲欄, by the 電算機計算の特例 for the 年分 of the payment `date`.
 * The result may differ by a few tens of yen from the 月額表; both are lawful, but an employer must
 * use one consistently (withholding.md, Caveats). Unlike the 月額表 (0 below ¥88,000 / ¥105,000),
 * the 特例 as given in withholding.md has no zero band, so small A can give a small tax; whether the
 * 告示 adds one is UNCONFIRMED.
 */
export function withholdMonthlyKouByComputer(input: {
  date: string
  pay: number
  socialInsurance: number
  dependents: number
}): ComputerMethodWithholding {
  assertDependents(input.dependents)
  const amount = amountAfterSocialInsurance(input.pay, input.socialInsurance)
  const table = findTableInForce('withholding-computer-method', input.date)
  const steps = computerMethodSteps(table, amount, input.dependents)
  return {
    amountAfterSocialInsurance: amount,
    dependents: input.dependents,
    ...steps,
    tableId: table.id,
    explanationJa:
      `${table.titleJa}: 社会保険料等控除後の給与等の金額${formatYen(amount)}から給与所得控除${formatYen(steps.employmentIncomeDeduction)}、` +
      `扶養控除等${formatYen(steps.dependentDeduction)} (${input.dependents}人)、基礎控除${formatYen(steps.basicDeduction)}を引いた課税給与所得金額${formatYen(steps.taxableAmount)}に税率を適用し、10円未満を四捨五入して${formatYen(steps.tax)}。`,
  }
}
