import { addYears } from '@mamori/rules/calendar/day-number.ts'
import type { VaultAudit } from '../audit/vault-audit.ts'
import type { TDeletionDueRequest, TDeletionDueResponse, TRetainedRecordKind } from '../contract/index.ts'
import { auditEntry } from './audit-entry.ts'
import { auditRefusals } from './refusal-audit.ts'

/**
 * Retention periods that keep a number past the end of the relationship (my-number-rules.md
 * 「Retention and deletion」, CONFIRMED). `fromNextJanuary11`: 所得税法施行規則76条の3 counts the
 * 7 years of 扶養控除等申告書 and the like from 11 January of the year after the year containing
 * the 提出期限; the others count from the record's completion.
 */
const RETENTION: Readonly<Record<TRetainedRecordKind, { years: number; fromNextJanuary11: boolean }>> = {
  TAX_DECLARATION: { years: 7, fromNextJanuary11: true },
  WITHHOLDING_LEDGER: { years: 7, fromNextJanuary11: false },
  EMPLOYMENT_INSURANCE: { years: 4, fromNextJanuary11: false },
  LABOR_INSURANCE: { years: 3, fromNextJanuary11: false },
  HEALTH_PENSION_INSURANCE: { years: 2, fromNextJanuary11: false },
}

export type RetainedRecord = { kind: TRetainedRecordKind; date: string }

/** The day a record's retention ends (ISO dates). */
export function retentionEnds(record: RetainedRecord): string {
  const rule = RETENTION[record.kind]
  const from = rule.fromNextJanuary11
    ? `${String(Number(record.date.slice(0, 4)) + 1).padStart(4, '0')}-01-11`
    : record.date
  return addYears(from, rule.years, 'date')
}

/**
 * A subject's deletion due date: once no 個人番号関係事務 remains (the relationship ended) and
 * every retention period has passed, whichever is later; null while the relationship continues.
 */
export function deletionDue(
  relationshipEndedOn: string | null,
  records: readonly RetainedRecord[],
): { dueOn: string | null; lastRetainedBy: TRetainedRecordKind | null } {
  let last: { on: string; kind: TRetainedRecordKind } | null = null
  for (const record of records) {
    const on = retentionEnds(record)
    if (last === null || on > last.on) last = { on, kind: record.kind }
  }
  if (relationshipEndedOn === null) return { dueOn: null, lastRetainedBy: last?.kind ?? null }
  if (last === null || relationshipEndedOn >= last.on)
    return { dueOn: relationshipEndedOn, lastRetainedBy: null }
  return { dueOn: last.on, lastRetainedBy: last.kind }
}

export type DeletionDueDeps = { audit: Pick<VaultAudit, 'append'> }

/** deletion-due: lists each subject's due date for a person to approve; audited, reads no number. */
export async function listDeletionDue(
  deps: DeletionDueDeps,
  input: TDeletionDueRequest,
): Promise<TDeletionDueResponse> {
  const ctx = input.context
  return auditRefusals(deps.audit, 'MY_NUMBER_DELETION_DUE_LISTED', ctx, async () => {
    const subjects = input.subjects.map((s) => ({
      subjectId: s.subjectId,
      ...deletionDue(s.relationshipEndedOn, s.records),
    }))
    await deps.audit.append(
      input.subjects.map((s) =>
        auditEntry('MY_NUMBER_DELETION_DUE_LISTED', ctx, 'success', { subjectId: s.subjectId }),
      ),
    )
    return { subjects }
  })
}
