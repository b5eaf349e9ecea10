import { RulesError } from '../errors.ts'
import { parseIsoDate } from './iso-date.ts'
import { TABLE_KIND_NAMES_JA, type TableByKind, type TableKind } from './table-kinds.ts'
import type { TableMeta } from './table-meta.ts'
import { TABLE_VERSIONS } from './table-versions.ts'

function isInForce(table: TableMeta, date: string): boolean {
  return table.effectiveFrom <= date && (table.effectiveTo === null || date < table.effectiveTo)
}

function notInForce(kind: TableKind, date: string): RulesError {
  const spans = TABLE_VERSIONS[kind].map((t) => `${t.effectiveFrom}〜${t.effectiveTo ?? ''}`).join('、')
  return new RulesError({
    code: 'TABLE_NOT_IN_FORCE',
    message: `No ${kind} table is in force on ${date}`,
    messageJa: `${date} に適用される${TABLE_KIND_NAMES_JA[kind]}が収録されていません (収録期間: ${spans})。表を追加するまで計算できません。`,
    field: 'date',
  })
}

/**
 * The table of `kind` in force on `date` ('YYYY-MM-DD'; what the date is, by kind: table-kinds.ts).
 * A date no table covers is refused with TABLE_NOT_IN_FORCE, never answered from a neighbour.
 */
export function findTableInForce<K extends TableKind>(kind: K, date: string): TableByKind[K] {
  parseIsoDate(date, 'date')
  const found = TABLE_VERSIONS[kind].find((t) => isInForce(t, date))
  if (!found) throw notInForce(kind, date)
  return found
}

/**
 * Like findTableInForce, but a date before the first table gives null: for a charge created by
 * statute at that date (子ども・子育て支援金 from 令和8年4月分), earlier months owe nothing.
 * Dates after the last table are still refused.
 */
export function findTableInForceSinceIntroduction<K extends TableKind>(
  kind: K,
  date: string,
): TableByKind[K] | null {
  parseIsoDate(date, 'date')
  const first = TABLE_VERSIONS[kind][0]
  if (first && date < first.effectiveFrom) return null
  return findTableInForce(kind, date)
}
