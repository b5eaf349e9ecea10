import { RulesError } from '../errors.ts'
import { assertYen } from '../money/exact-yen.ts'
import { formatYen } from '../money/format.ts'
import { findGrade } from '../remuneration/find-grade.ts'
import type { SocialInsurance } from '../remuneration/standard-monthly-remuneration.ts'
import type { Grade, GradeTable } from '../tables/standard-remuneration/grade-table.ts'
import {
  gradeForStandardAmount,
  gradeTableFor,
  INSURANCE_NAMES_JA,
  SOCIAL_INSURANCES,
} from './insurance-grade.ts'
import {
  INSURED_CATEGORY_NAMES_JA,
  type InsuredCategory,
  minimumPaymentBaseDays,
} from './insured-category.ts'
import {
  assertThreeMonths,
  averageRemuneration,
  type MonthlyPay,
  remunerationForAverage,
} from './monthly-pay.ts'
import { REVISION_EDGE_THRESHOLDS, type RevisionEdgeThresholds } from './revision-edge-thresholds.ts'
import { firstDayOf, formatYearMonthJa, type YearMonth, yearMonthIndex, yearMonthOf } from './year-month.ts'

/** Which way the 固定的賃金 moved (a raise or cut, an allowance added or changed, a new pay basis). */
export type FixedWageChange = 'increase' | 'decrease'

export type RevisionInput = {
  /** 変動月: the first month the changed fixed wage was actually paid. */
  readonly changeMonth: YearMonth
  readonly fixedWageChange: FixedWageChange
  readonly category: InsuredCategory
  /**
   * The 標準報酬月額 in force before the change. `remuneration` is the 報酬月額 that grade was
   * decided on; it matters only at the bottom and top grades (edge rule) and is asked for when it
   * would change the answer.
   */
  readonly current: {
    readonly health: number
    readonly pension: number
    readonly remuneration?: number | undefined
  }
  /** Pay of the 変動月 and the two months after it, in order. */
  readonly months: readonly [MonthlyPay, MonthlyPay, MonthlyPay]
}

export type InsuranceRevisionReason = 'revised' | 'difference-under-two' | 'direction-mismatch'

export type InsuranceRevision = {
  readonly insurance: SocialInsurance
  readonly currentGrade: number
  readonly currentStandardAmount: number
  /** The grade of the table the 3-month average falls in, and its 標準報酬月額. */
  readonly averageGrade: number
  readonly averageStandardAmount: number
  /** Signed grade difference, counted on the table extended by one virtual grade each side. */
  readonly difference: number
  /** The edge rule (上限・下限にわたる等級変更) decided this insurance; UNCONFIRMED detail. */
  readonly edgeRuleApplied: boolean
  readonly revised: boolean
  readonly reason: InsuranceRevisionReason
  /** The grade and 標準報酬月額 from the effective month: the new ones if revised, else the current. */
  readonly grade: number
  readonly standardAmount: number
  readonly tableId: string
}

type Months = {
  readonly changeMonth: YearMonth
  /** The 4th month counting the 変動月 as the 1st. */
  readonly effectiveMonth: YearMonth
  readonly explanationJa: string
}

export type RevisionDetermination =
  | (Months & {
      readonly outcome: 'revised'
      readonly average: number
      readonly health: InsuranceRevision
      readonly pension: InsuranceRevision
      /** Only 健保 changes: the 月額変更届's "健康保険のみ月額変更" flag (2221700 item 47). */
      readonly healthOnly: boolean
    })
  | (Months & { readonly outcome: 'not-revised'; readonly reason: 'payment-base-days-short' })
  | (Months & {
      readonly outcome: 'not-revised'
      readonly reason: 'difference-under-two' | 'direction-mismatch'
      readonly average: number
      readonly health: InsuranceRevision
      readonly pension: InsuranceRevision
    })

/**
 * 随時改定 (健康保険法43条, 厚生年金保険法23条) from the 月額変更届 figures. From filings.md, 月額変更届,
 * CONFIRMED there:
 * - the 固定的賃金 changed (the caller says which way; variable pay alone never starts a 月変);
 * - each of the 3 months from the 変動月 has 支払基礎日数 ≥ 17 (≥ 11 for a 短時間労働者; a
 *   短時間就労者 has no 15-day fallback here);
 * - the 3-month average (fixed and variable pay, back pay taken out) is 2 or more grades from the
 *   current one, in the same direction as the fixed-wage change;
 * - 健保 and 厚年 are judged separately (the 2-grade test can fire for 健保 only);
 * - the new grade applies from the 4th month.
 * UNCONFIRMED (filings.md): the edge-grade rule at the top and bottom of each table, with the
 * amounts in revision-edge-thresholds.ts.
 */
export function determineRevision(input: RevisionInput): RevisionDetermination {
  const changeIndex = yearMonthIndex(input.changeMonth, 'changeMonth')
  assertThreeMonths(input.months, 'months')
  const amounts = input.months.map((m, i) => remunerationForAverage(m, `months[${i}]`))
  if (input.current.remuneration !== undefined) assertYen(input.current.remuneration, 'current.remuneration')
  const effectiveMonth = yearMonthOf(changeIndex + 3)
  const monthLabels = [0, 1, 2].map((i) => formatYearMonthJa(yearMonthOf(changeIndex + i)))
  const direction = input.fixedWageChange === 'increase' ? '増額' : '減額'
  const header = `随時改定 (月額変更届): 変動月 ${monthLabels[0]} (固定的賃金の${direction})。`
  const minimum = minimumPaymentBaseDays(input.category)
  const rule = `${INSURED_CATEGORY_NAMES_JA[input.category]}のため、変動月から3か月とも支払基礎日数${minimum}日以上が必要です。`
  const monthNotes = input.months
    .map((m, i) => {
      const retro = m.retroactivePay ?? 0
      const paid =
        retro > 0
          ? `報酬${formatYen(m.remuneration)} (遡及支払額${formatYen(retro)}を除き${formatYen(amounts[i] ?? 0)})`
          : `報酬${formatYen(m.remuneration)}`
      return `${monthLabels[i]}: 支払基礎日数${m.paymentBaseDays}日、${paid}。`
    })
    .join('')
  const base = { changeMonth: input.changeMonth, effectiveMonth }

  const short = input.months.filter((m) => m.paymentBaseDays < minimum)
  if (short.length > 0) {
    return {
      ...base,
      outcome: 'not-revised',
      reason: 'payment-base-days-short',
      explanationJa: `${header}${rule}${monthNotes}支払基礎日数が${minimum}日未満の月があるため、随時改定の対象になりません。`,
    }
  }

  const average = averageRemuneration(amounts)
  const total = amounts.reduce((sum, a) => sum + a, 0)
  const [health, pension] = SOCIAL_INSURANCES.map((insurance) =>
    reviseInsurance(insurance, input, changeIndex, effectiveMonth, average),
  ) as [InsuranceRevision, InsuranceRevision]
  const averageNote = `3か月の平均 = ${formatYen(total)} ÷ 3 = ${formatYen(average)} (1円未満切捨て)。`
  const notes = [health, pension].map((r) => revisionNoteJa(r, input.fixedWageChange)).join('')
  const prefix = `${header}${rule}${monthNotes}${averageNote}${notes}`

  if (health.revised || pension.revised) {
    const healthOnly = health.revised && !pension.revised
    return {
      ...base,
      outcome: 'revised',
      average,
      health,
      pension,
      healthOnly,
      explanationJa: `${prefix}${formatYearMonthJa(effectiveMonth)}から標準報酬月額を改定します${healthOnly ? ' (健康保険のみ月額変更)' : ''}。`,
    }
  }
  const mismatch = health.reason === 'direction-mismatch' || pension.reason === 'direction-mismatch'
  return {
    ...base,
    outcome: 'not-revised',
    reason: mismatch ? 'direction-mismatch' : 'difference-under-two',
    average,
    health,
    pension,
    explanationJa: `${prefix}随時改定の対象になりません。`,
  }
}

function reviseInsurance(
  insurance: SocialInsurance,
  input: RevisionInput,
  changeIndex: number,
  effectiveMonth: YearMonth,
  average: number,
): InsuranceRevision {
  const current = gradeForStandardAmount(
    insurance,
    firstDayOf(yearMonthOf(changeIndex)),
    input.current[insurance],
    `current.${insurance}`,
  ).grade
  const table = gradeTableFor(insurance, firstDayOf(effectiveMonth))
  const averageGrade = findGrade(table, average)
  const decide = (currentLevel: number, averageLevel: number) => {
    const difference = averageLevel - currentLevel
    const sameWay = input.fixedWageChange === 'increase' ? difference > 0 : difference < 0
    const reason: InsuranceRevisionReason =
      Math.abs(difference) < 2 ? 'difference-under-two' : sameWay ? 'revised' : 'direction-mismatch'
    return { difference, reason }
  }
  const averageLevel = extendedLevel(table, averageGrade, average)
  let currentLevel = currentExtendedLevel(table, current, input.current.remuneration)
  if (currentLevel === 'unknown') {
    const asReal = decide(current.grade, averageLevel)
    const asVirtual = decide(virtualLevelOf(table, current), averageLevel)
    if (asReal.reason !== asVirtual.reason) throw remunerationNeeded(insurance)
    currentLevel = current.grade
  }
  const { difference, reason } = decide(currentLevel, averageLevel)
  const revised = reason === 'revised'
  return {
    insurance,
    currentGrade: current.grade,
    currentStandardAmount: current.standardAmount,
    averageGrade: averageGrade.grade,
    averageStandardAmount: averageGrade.standardAmount,
    difference,
    edgeRuleApplied: decide(current.grade, averageGrade.grade).reason !== reason,
    revised,
    reason,
    grade: revised ? averageGrade.grade : current.grade,
    standardAmount: revised ? averageGrade.standardAmount : current.standardAmount,
    tableId: table.id,
  }
}

function edgesFor(table: GradeTable): RevisionEdgeThresholds {
  const found = REVISION_EDGE_THRESHOLDS.find((e) => e.gradeTableId === table.id)
  if (!found) {
    throw new RulesError({
      code: 'TABLE_INCOMPLETE',
      message: `No edge-grade thresholds for ${table.id}`,
      messageJa: `${table.titleJa}の上限・下限等級の随時改定の基準額が収録されていないため、判定できません。`,
      field: 'changeMonth',
    })
  }
  return found
}

function isEdge(table: GradeTable, grade: Grade): 'bottom' | 'top' | null {
  if (grade.grade === table.grades[0]?.grade) return 'bottom'
  if (grade.to === null) return 'top'
  return null
}

/** The grade on the table extended by one virtual grade each side (0 and top + 1). */
function extendedLevel(table: GradeTable, grade: Grade, amount: number): number {
  const edge = isEdge(table, grade)
  if (edge === 'bottom' && amount < edgesFor(table).virtualBottomBelow) return grade.grade - 1
  if (edge === 'top' && amount >= edgesFor(table).virtualTopFrom) return grade.grade + 1
  return grade.grade
}

function virtualLevelOf(table: GradeTable, grade: Grade): number {
  const edge = isEdge(table, grade)
  return edge === 'bottom' ? grade.grade - 1 : edge === 'top' ? grade.grade + 1 : grade.grade
}

function currentExtendedLevel(
  table: GradeTable,
  current: Grade,
  remuneration: number | undefined,
): number | 'unknown' {
  if (isEdge(table, current) === null) return current.grade
  if (remuneration === undefined) return 'unknown'
  return extendedLevel(table, current, remuneration)
}

function remunerationNeeded(insurance: SocialInsurance): RulesError {
  return new RulesError({
    code: 'ARGUMENT_INVALID',
    message: `current.remuneration is needed: ${insurance} is at an edge grade`,
    messageJa: `${INSURANCE_NAMES_JA[insurance]}の従前の等級が上限または下限の等級のため、判定には従前の標準報酬月額の基となった報酬月額が必要です。`,
    field: 'current.remuneration',
  })
}

function revisionNoteJa(r: InsuranceRevision, change: FixedWageChange): string {
  const name = INSURANCE_NAMES_JA[r.insurance]
  const head = `${name}: 従前${r.currentGrade}等級 (${formatYen(r.currentStandardAmount)})、平均は${r.averageGrade}等級 (${formatYen(r.averageStandardAmount)})`
  const edge = r.edgeRuleApplied
    ? '上限・下限の等級にわたる変更のため、実際の報酬から見た等級差で判定します (上限・下限の特例)。'
    : ''
  const onRealTable = r.averageGrade - r.currentGrade === r.difference
  const diff = `${onRealTable ? '' : '上限・下限を超える報酬を含め実際の報酬から見た'}等級差${Math.abs(r.difference)}`
  switch (r.reason) {
    case 'revised':
      return `${head}。${edge}${diff}のため改定し、${r.grade}等級、標準報酬月額${formatYen(r.standardAmount)}とします。`
    case 'difference-under-two':
      return `${head}。${edge}${diff}で2等級未満のため改定しません。`
    case 'direction-mismatch':
      return `${head}。${diff}ですが、固定的賃金は${change === 'increase' ? '増額' : '減額'}で等級は${r.difference > 0 ? '上がる' : '下がる'}方向のため、改定しません。`
  }
}
