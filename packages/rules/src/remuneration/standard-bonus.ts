import { RulesError } from '../errors.ts'
import { assertYen } from '../money/exact-yen.ts'
import { formatYen } from '../money/format.ts'
import { findTableInForce } from '../tables/find-table-in-force.ts'

export type StandardBonus = {
  /** The month's bonuses with amounts under ¥1,000 dropped, before any cap. */
  readonly truncatedBonus: number
  /** 健保 (and 介護, 支援金) 標準賞与額: what is left of the 年度 cap, at most the truncated bonus. */
  readonly healthStandardBonus: number
  /** 厚年 (and 拠出金) 標準賞与額: capped per month. */
  readonly pensionStandardBonus: number
  readonly tableId: string
  readonly explanationJa: string
}

/**
 * 標準賞与額 for the bonuses paid in one month (健康保険法45条, 厚生年金保険法24条の4;
 * standard-remuneration.md, 標準賞与額).
 *
 * - `bonusPaidThisMonth`: all bonuses paid to the person in the month, cash and in kind, added up:
 *   厚年 caps the month's total, so a second bonus in a month is handled by recomputing the month.
 * - `healthStandardBonusEarlierInFiscalYear`: the 健保 標準賞与額 already determined for earlier months
 *   of the same 年度 (April–March) with the same 保険者; the ¥5,730,000 cap is cumulative.
 */
export function determineStandardBonus(input: {
  date: string
  bonusPaidThisMonth: number
  healthStandardBonusEarlierInFiscalYear: number
}): StandardBonus {
  assertYen(input.bonusPaidThisMonth, 'bonusPaidThisMonth')
  assertYen(input.healthStandardBonusEarlierInFiscalYear, 'healthStandardBonusEarlierInFiscalYear')
  const caps = findTableInForce('standard-bonus-caps', input.date)
  if (input.healthStandardBonusEarlierInFiscalYear % caps.truncationUnit !== 0) {
    throw new RulesError({
      code: 'AMOUNT_INVALID',
      message: 'An earlier standard bonus is always a whole number of thousands of yen',
      messageJa: '年度内のこれまでの標準賞与額は1,000円単位の金額で指定してください。',
      field: 'healthStandardBonusEarlierInFiscalYear',
    })
  }
  const truncated = input.bonusPaidThisMonth - (input.bonusPaidThisMonth % caps.truncationUnit)
  const healthRoom = Math.max(0, caps.healthAnnualCap - input.healthStandardBonusEarlierInFiscalYear)
  const health = Math.min(truncated, healthRoom)
  const pension = Math.min(truncated, caps.pensionMonthlyCap)
  const notes = [
    `賞与額${formatYen(input.bonusPaidThisMonth)}の1,000円未満を切り捨てて${formatYen(truncated)}。`,
  ]
  if (health < truncated) {
    notes.push(
      `健康保険は年度累計${formatYen(caps.healthAnnualCap)}が上限で、これまでの累計${formatYen(input.healthStandardBonusEarlierInFiscalYear)}のため${formatYen(health)}。`,
    )
  }
  if (pension < truncated) notes.push(`厚生年金保険は1か月${formatYen(caps.pensionMonthlyCap)}が上限。`)
  notes.push(`標準賞与額は健康保険${formatYen(health)}、厚生年金保険${formatYen(pension)}です。`)
  return {
    truncatedBonus: truncated,
    healthStandardBonus: health,
    pensionStandardBonus: pension,
    tableId: caps.id,
    explanationJa: notes.join(''),
  }
}
