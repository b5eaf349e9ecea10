import { RulesError } from '../errors.ts'
import { applyRate, floorYen } from '../money/exact-yen.ts'
import { formatYen } from '../money/format.ts'
import { findTableInForce } from '../tables/find-table-in-force.ts'
import type { OtsuMonthlyTable } from '../tables/withholding/otsu-monthly-table.ts'
import { amountAfterSocialInsurance, assertDependents } from './withholding-inputs.ts'

export type OtsuWithholding = {
  readonly amountAfterSocialInsurance: number
  readonly dependentsOnSecondaryDeclaration: number
  readonly tax: number
  readonly tableId: string
  readonly explanationJa: string
}

/** The 乙欄 tax on A before any dependant reduction; refuses amounts in rows Mamori does not hold. */
export function otsuTaxBeforeReduction(table: OtsuMonthlyTable, amount: number): number {
  const band = table.bands.find((b) => b.from <= amount && (b.to === null || amount < b.to))
  if (!band) {
    throw new RulesError({
      code: 'TABLE_INCOMPLETE',
      message: `${table.id} holds no row for this amount`,
      messageJa: `${table.titleJa}のうち、この社会保険料等控除後の給与等の金額の行はまだ収録されていません。国税庁の月額表乙欄で確認してください。`,
      field: 'pay',
    })
  }
  // Fractions of ¥1 are dropped (UNCONFIRMED; see the table's source note).
  return band.base + floorYen(applyRate(amount - band.over, band.rate))
}

/**
 * 源泉徴収税額 on a month's pay, 乙欄 (no 扶養控除等申告書 filed with this employer), from the parts
 * of the 月額表 乙欄 Mamori holds. With a 従たる給与についての扶養控除等申告書, ¥1,610 per declared
 * dependant is subtracted (withholding.md, 乙欄; SECONDARY).
 */
export function withholdMonthlyOtsu(input: {
  date: string
  pay: number
  socialInsurance: number
  dependentsOnSecondaryDeclaration: number
}): OtsuWithholding {
  assertDependents(input.dependentsOnSecondaryDeclaration, 'dependentsOnSecondaryDeclaration')
  const amount = amountAfterSocialInsurance(input.pay, input.socialInsurance)
  const table = findTableInForce('withholding-otsu-monthly', input.date)
  const before = otsuTaxBeforeReduction(table, amount)
  const reduction = table.dependentReductionPerPerson * input.dependentsOnSecondaryDeclaration
  const tax = Math.max(0, before - reduction)
  return {
    amountAfterSocialInsurance: amount,
    dependentsOnSecondaryDeclaration: input.dependentsOnSecondaryDeclaration,
    tax,
    tableId: table.id,
    explanationJa:
      `${table.titleJa}: 社会保険料等控除後の給与等の金額${formatYen(amount)}の乙欄の税額${formatYen(before)}` +
      (reduction > 0
        ? `から従たる給与の扶養親族等${input.dependentsOnSecondaryDeclaration}人分${formatYen(reduction)}を引いて`
        : 'で、') +
      `${formatYen(tax)}。`,
  }
}
