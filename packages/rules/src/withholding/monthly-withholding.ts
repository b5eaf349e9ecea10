import { withholdMonthlyKouByComputer } from './computer-method.ts'
import { withholdMonthlyOtsu } from './otsu-monthly.ts'

/** 甲欄 (扶養控除等申告書 filed here) or 乙欄 (not filed: a secondary employer). */
export type WithholdingColumn = 'kou' | 'otsu'

export type MonthlyWithholding = {
  readonly column: WithholdingColumn
  readonly amountAfterSocialInsurance: number
  readonly tax: number
  readonly tableId: string
  readonly explanationJa: string
}

/**
 * A month's 源泉徴収税額 in either column: 甲欄 by the 電算機計算の特例, 乙欄 from the 月額表. For 乙欄
 * `dependents` counts those on a 従たる給与についての扶養控除等申告書. `date` is the payment date.
 */
export function calculateMonthlyWithholding(input: {
  date: string
  column: WithholdingColumn
  pay: number
  socialInsurance: number
  dependents: number
}): MonthlyWithholding {
  if (input.column === 'kou') {
    const result = withholdMonthlyKouByComputer(input)
    return { column: 'kou', ...pick(result) }
  }
  const result = withholdMonthlyOtsu({ ...input, dependentsOnSecondaryDeclaration: input.dependents })
  return { column: 'otsu', ...pick(result) }
}

function pick(result: {
  amountAfterSocialInsurance: number
  tax: number
  tableId: string
  explanationJa: string
}) {
  return {
    amountAfterSocialInsurance: result.amountAfterSocialInsurance,
    tax: result.tax,
    tableId: result.tableId,
    explanationJa: result.explanationJa,
  }
}
