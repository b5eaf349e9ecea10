import { parseIsoDate } from '../calendar/iso-date.ts'
import { RulesError } from '../errors.ts'
import { formatYen } from '../money/format.ts'
import type { SocialInsurance } from '../remuneration/standard-monthly-remuneration.ts'
import {
  gradeForRemuneration,
  gradeForStandardAmount,
  INSURANCE_NAMES_JA,
  SOCIAL_INSURANCES,
} from './insurance-grade.ts'
import {
  INSURED_CATEGORY_NAMES_JA,
  type InsuredCategory,
  minimumPaymentBaseDays,
  PART_TIMER_FALLBACK_DAYS,
} from './insured-category.ts'
import {
  assertThreeMonths,
  averageRemuneration,
  type MonthlyPay,
  remunerationForAverage,
} from './monthly-pay.ts'
import { formatYearJa, formatYearMonthJa, type YearMonth, yearMonthIndex } from './year-month.ts'

export type RegularDeterminationInput = {
  /** The year of the 算定: pay received in its April, May and June; the result applies from its September. */
  readonly year: number
  readonly category: InsuredCategory
  /** 資格取得日, 'YYYY-MM-DD'. */
  readonly qualifiedOn: string
  /** 資格喪失日 (the first day no longer insured), if one is known. */
  readonly disqualifiedOn?: string | undefined
  /** First month of a 随時改定 (or 育休・産休終了時改定) decided for this person, 'YYYY-MM', if any. */
  readonly revisionEffectiveMonth?: YearMonth | undefined
  /** 従前の標準報酬月額 (in force in August of `year`). */
  readonly previous: { readonly health: number; readonly pension: number }
  /** Pay received in April, May and June, in that order. */
  readonly months: readonly [MonthlyPay, MonthlyPay, MonthlyPay]
}

export type MonthUse = {
  readonly month: YearMonth
  readonly paymentBaseDays: number
  readonly remuneration: number
  readonly retroactivePay: number
  readonly used: boolean
  /** Why the month is used or left out, for the 社労士. */
  readonly noteJa: string
}

export type RegularGrade = {
  readonly insurance: SocialInsurance
  readonly previousGrade: number
  readonly previousStandardAmount: number
  readonly grade: number
  readonly standardAmount: number
  readonly tableId: string
}

export type NotSubjectReason =
  | 'qualified-on-or-after-june'
  | 'disqualified-by-june'
  | 'revision-from-july-to-september'

export type RegularDetermination =
  | {
      readonly outcome: 'determined'
      readonly months: readonly MonthUse[]
      /** Days threshold applied: 17, 15 (短時間就労者 fallback) or 11. */
      readonly thresholdDays: number
      /** Sum of the used months' 報酬, 遡及支払額 taken out. */
      readonly total: number
      /** 報酬月額 (修正平均額 when back pay was taken out), whole yen, fractions dropped. */
      readonly average: number
      readonly health: RegularGrade
      readonly pension: RegularGrade
      /** Always September of `year` (filings.md, Effect: 適用年月 "09"). */
      readonly effectiveMonth: YearMonth
      readonly explanationJa: string
    }
  | { readonly outcome: 'not-subject'; readonly reason: NotSubjectReason; readonly explanationJa: string }
  | {
      /** No month met the days threshold: the 保険者 decides (保険者算定), which Mamori does not model. */
      readonly outcome: 'needs-insurer-determination'
      readonly reason: 'no-qualifying-month'
      readonly months: readonly MonthUse[]
      readonly explanationJa: string
    }

const MONTH_NAMES = ['4月', '5月', '6月'] as const

/**
 * 定時決定 (健康保険法41条, 厚生年金保険法21条) from the 算定基礎届 figures. Every rule here is from
 * filings.md, 算定基礎届, marked CONFIRMED there:
 * - who is left out: insured on or after 1 June; insurance lost by 30 June (not insured on 1 July);
 *   a 随時改定 or 育休・産休終了時改定 taking effect in July, August or September;
 * - which months count: 支払基礎日数 ≥ 17 (一般), ≥ 11 (短時間労働者), or for a 短時間就労者 ≥ 17 and,
 *   if no month reaches 17, ≥ 15;
 * - the average: total ÷ months, fractions of ¥1 dropped, 遡及支払額 taken out first (修正平均額);
 * - the result applies from September of the year to the next August.
 * Other 保険者算定 cases (休職 with reduced pay, the 年間平均) are the caller's to spot; with no
 * usable month the outcome is 'needs-insurer-determination', never a guess.
 */
export function determineRegular(input: RegularDeterminationInput): RegularDetermination {
  const { year } = input
  assertYear(year)
  parseIsoDate(input.qualifiedOn, 'qualifiedOn')
  if (input.disqualifiedOn !== undefined) parseIsoDate(input.disqualifiedOn, 'disqualifiedOn')
  assertThreeMonths(input.months, 'months')
  const previousDate = `${year}-08-01`
  const previous = {
    health: gradeForStandardAmount('health', previousDate, input.previous.health, 'previous.health'),
    pension: gradeForStandardAmount('pension', previousDate, input.previous.pension, 'previous.pension'),
  }
  const amounts = input.months.map((m, i) => remunerationForAverage(m, `months[${i}]`))
  const header = `${formatYearJa(year)}の定時決定 (算定基礎届)`

  const notSubject = exclusion(input)
  if (notSubject) {
    return { outcome: 'not-subject', reason: notSubject.reason, explanationJa: `${header}: ${notSubject.ja}` }
  }

  const minimum = minimumPaymentBaseDays(input.category)
  const reaches = (days: number) => input.months.some((m) => m.paymentBaseDays >= days)
  const thresholdDays =
    input.category === 'part-timer' && !reaches(minimum) ? PART_TIMER_FALLBACK_DAYS : minimum
  const months = input.months.map((m, i): MonthUse => {
    const used = m.paymentBaseDays >= thresholdDays
    const retroactivePay = m.retroactivePay ?? 0
    const name = MONTH_NAMES[i] ?? ''
    const paid =
      retroactivePay > 0
        ? `報酬${formatYen(m.remuneration)}のうち遡及支払額${formatYen(retroactivePay)}を除いた${formatYen(amounts[i] ?? 0)}`
        : `報酬${formatYen(m.remuneration)}`
    return {
      month: `${year}-${String(i + 4).padStart(2, '0')}`,
      paymentBaseDays: m.paymentBaseDays,
      remuneration: m.remuneration,
      retroactivePay,
      used,
      noteJa: used
        ? `${name}: 支払基礎日数${m.paymentBaseDays}日、${paid}を算定の対象とします。`
        : `${name}: 支払基礎日数${m.paymentBaseDays}日 (${thresholdDays}日未満) のため除きます。`,
    }
  })
  const rule = thresholdRuleJa(input.category, thresholdDays)
  const monthNotes = months.map((m) => m.noteJa).join('')

  const usedAmounts = amounts.filter((_, i) => months[i]?.used)
  if (usedAmounts.length === 0) {
    return {
      outcome: 'needs-insurer-determination',
      reason: 'no-qualifying-month',
      months,
      explanationJa: `${header}: ${rule}${monthNotes}支払基礎日数の要件を満たす月がないため、報酬月額を算定できません。保険者算定 (保険者が決定) の扱いとなります。`,
    }
  }

  const total = usedAmounts.reduce((sum, a) => sum + a, 0)
  const average = averageRemuneration(usedAmounts)
  const effectiveMonth = `${year}-09`
  const newDate = `${year}-09-01`
  const grades = SOCIAL_INSURANCES.map((insurance): RegularGrade => {
    const found = gradeForRemuneration(insurance, newDate, average)
    return {
      insurance,
      previousGrade: previous[insurance].grade.grade,
      previousStandardAmount: previous[insurance].grade.standardAmount,
      grade: found.grade.grade,
      standardAmount: found.grade.standardAmount,
      tableId: found.table.id,
    }
  })
  const [health, pension] = grades as [RegularGrade, RegularGrade]
  const retroactive = months.some((m) => m.used && m.retroactivePay > 0)
  const averageName = retroactive ? '修正平均額' : '報酬月額'
  const gradeNotes = grades.map(gradeNoteJa).join('')
  return {
    outcome: 'determined',
    months,
    thresholdDays,
    total,
    average,
    health,
    pension,
    effectiveMonth,
    explanationJa:
      `${header}: ${rule}${monthNotes}` +
      `${averageName} = ${formatYen(total)} ÷ ${usedAmounts.length}か月 = ${formatYen(average)} (1円未満切捨て)。` +
      `${gradeNotes}${formatYearMonthJa(effectiveMonth)}から翌年8月まで適用します。`,
  }
}

function exclusion(input: RegularDeterminationInput): { reason: NotSubjectReason; ja: string } | null {
  const { year } = input
  if (input.qualifiedOn >= `${year}-06-01`) {
    return {
      reason: 'qualified-on-or-after-june',
      ja: '6月1日以降に資格を取得した被保険者は、この年の定時決定の対象外です (資格取得時の標準報酬月額が翌年8月まで適用されます)。',
    }
  }
  if (input.disqualifiedOn !== undefined && input.disqualifiedOn <= `${year}-07-01`) {
    return {
      reason: 'disqualified-by-june',
      ja: '6月30日までに資格を喪失した (7月1日に被保険者でない) ため、算定基礎届の対象外です。',
    }
  }
  if (input.revisionEffectiveMonth !== undefined) {
    const index = yearMonthIndex(input.revisionEffectiveMonth, 'revisionEffectiveMonth')
    const july = year * 12 + 6
    if (index >= july && index <= july + 2) {
      return {
        reason: 'revision-from-july-to-september',
        ja: `${formatYearMonthJa(input.revisionEffectiveMonth)}から随時改定 (または育休・産休終了時改定) が行われるため、定時決定の対象外です (7〜9月改定の者)。算定基礎届には「月額変更予定」として記載します。`,
      }
    }
  }
  return null
}

function thresholdRuleJa(category: InsuredCategory, thresholdDays: number): string {
  const name = INSURED_CATEGORY_NAMES_JA[category]
  if (category === 'part-timer' && thresholdDays === PART_TIMER_FALLBACK_DAYS) {
    return `${name}で支払基礎日数17日以上の月がないため、15日以上の月を対象とします。`
  }
  return `${name}のため、支払基礎日数${thresholdDays}日以上の月を対象とします。`
}

function gradeNoteJa(g: RegularGrade): string {
  const change =
    g.grade === g.previousGrade
      ? '従前と同じ等級です'
      : `従前の${g.previousGrade}等級 (${formatYen(g.previousStandardAmount)}) から${Math.abs(g.grade - g.previousGrade)}等級${g.grade > g.previousGrade ? '上がります' : '下がります'}`
  return `${INSURANCE_NAMES_JA[g.insurance]}は${g.grade}等級、標準報酬月額${formatYen(g.standardAmount)} (${change})。`
}

function assertYear(year: number): void {
  if (!Number.isSafeInteger(year) || year < 2000 || year > 9999) {
    throw new RulesError({
      code: 'ARGUMENT_INVALID',
      message: 'year must be a four-digit year from 2000',
      messageJa: '算定の年は 2000 以上の西暦年で指定してください。',
      field: 'year',
    })
  }
}
