import { applyRate, floorYen } from '../money/exact-yen.ts'
import { formatYen } from '../money/format.ts'
import { formatPercent, type Rate } from '../money/rate.ts'
import { findTableInForce } from '../tables/find-table-in-force.ts'
import type { BonusRateTable } from '../tables/withholding/bonus-rate-table.ts'
import { computerMethodSteps } from './computer-method.ts'
import type { WithholdingColumn } from './monthly-withholding.ts'
import { otsuTaxBeforeReduction } from './otsu-monthly.ts'
import { amountAfterSocialInsurance, assertDependents } from './withholding-inputs.ts'

export type BonusWithholdingMethod = 'rate-table' | 'monthly-table-spread'

export type BonusWithholding = {
  readonly column: WithholdingColumn
  readonly method: BonusWithholdingMethod
  /** The bonus minus its 社会保険料等. */
  readonly bonusAfterSocialInsurance: number
  /** X: the previous month's pay minus its 社会保険料等 (0 when there was none). */
  readonly previousMonthAfterSocialInsurance: number
  /** The rate from the 算出率の表, for the 'rate-table' method. */
  readonly rate: Rate | null
  readonly tax: number
  readonly tableId: string
  readonly explanationJa: string
}

function kouRate(table: BonusRateTable, x: number, dependents: number): Rate {
  const column = Math.min(dependents, 7)
  let rate = table.kou[0]!.rate
  for (const row of table.kou) if (x >= row.fromByDependents[column]!) rate = row.rate
  return rate
}

function otsuRate(table: BonusRateTable, x: number): Rate {
  let rate = table.otsu[0]!.rate
  for (const row of table.otsu) if (x >= row.from) rate = row.rate
  return rate
}

/**
 * 賞与に対する源泉徴収税額 (所得税法186条; 国税庁 No.2523; withholding.md, 賞与 (bonus) withholding).
 *
 * Normal case: X = previous month's pay − its 社会保険料等; the 算出率の表 rate for X (and the
 * 扶養親族等の数 for 甲) times (bonus − its 社会保険料等), fractions of ¥1 dropped.
 *
 * Special case — no previous-month pay (or X ≤ 0), or the net bonus over 10 × X: with n = 6, or 12
 * when the bonus covers more than 6 months, tax = [月額表 tax on (X + net bonus / n) − 月額表 tax on
 * X] × n. Mamori takes the 月額表 甲欄 amounts from the 電算機計算の特例 (the method it uses for
 * monthly pay) and drops the fraction of net bonus / n; both choices are UNCONFIRMED.
 */
export function calculateBonusWithholding(input: {
  date: string
  column: WithholdingColumn
  bonus: number
  bonusSocialInsurance: number
  previousMonth: { pay: number; socialInsurance: number } | null
  /** 甲: 扶養親族等の数; 乙: dependants on a 従たる給与についての扶養控除等申告書 (used only in the special case). */
  dependents: number
  calculationPeriodOverSixMonths: boolean
}): BonusWithholding {
  assertDependents(input.dependents)
  const net = amountAfterSocialInsurance(input.bonus, input.bonusSocialInsurance, {
    pay: 'bonus',
    socialInsurance: 'bonusSocialInsurance',
  })
  const x = input.previousMonth
    ? amountAfterSocialInsurance(input.previousMonth.pay, input.previousMonth.socialInsurance, {
        pay: 'previousMonth.pay',
        socialInsurance: 'previousMonth.socialInsurance',
      })
    : 0
  const columnJa = input.column === 'kou' ? '甲欄' : '乙欄'
  const base = { column: input.column, bonusAfterSocialInsurance: net, previousMonthAfterSocialInsurance: x }

  if (x > 0 && net <= 10 * x) {
    const table = findTableInForce('withholding-bonus-rates', input.date)
    const rate = input.column === 'kou' ? kouRate(table, x, input.dependents) : otsuRate(table, x)
    const tax = floorYen(applyRate(net, rate))
    const who = input.column === 'kou' ? `扶養親族等${input.dependents}人、` : ''
    return {
      ...base,
      method: 'rate-table',
      rate,
      tax,
      tableId: table.id,
      explanationJa: `${table.titleJa} (${columnJa}): 前月の社会保険料等控除後の給与等の金額${formatYen(x)} (${who}率${formatPercent(rate)}) × 社会保険料等控除後の賞与${formatYen(net)}、1円未満切捨てで${formatYen(tax)}。`,
    }
  }

  const n = input.calculationPeriodOverSixMonths ? 12 : 6
  const share = floorYen({ numerator: net, denominator: n })
  let monthlyTax: (amount: number) => number
  let tableId: string
  if (input.column === 'kou') {
    const table = findTableInForce('withholding-computer-method', input.date)
    monthlyTax = (amount) => computerMethodSteps(table, amount, input.dependents).tax
    tableId = table.id
  } else {
    const table = findTableInForce('withholding-otsu-monthly', input.date)
    const reduction = table.dependentReductionPerPerson * input.dependents
    monthlyTax = (amount) => Math.max(0, otsuTaxBeforeReduction(table, amount) - reduction)
    tableId = table.id
  }
  const tax = (monthlyTax(x + share) - monthlyTax(x)) * n
  const reason =
    x > 0 ? `賞与${formatYen(net)}が前月の給与${formatYen(x)}の10倍を超える` : '前月に給与の支払がない'
  return {
    ...base,
    method: 'monthly-table-spread',
    rate: null,
    tax,
    tableId,
    explanationJa: `${reason}ため月額表 (${columnJa}) で計算: (${formatYen(x + share)}の税額 − ${formatYen(x)}の税額) × ${n} = ${formatYen(tax)}。`,
  }
}
