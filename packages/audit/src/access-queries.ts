/**
 * The questions the log answers, tenant first: every access to one person's data (the 本人 view),
 * and which people and data items of one client were touched in a window (the basis of an
 * incident-scope report). Both read what verifyLog holds to the signed entries: index-backed
 * columns (audit_entries_subject, _client) and the per-client summary (audit_client_buckets).
 */
import type { QueryExecutorProvider } from 'kysely'
import { sql } from 'kysely'
import type { AuditOperation } from './audit-event.ts'
import { LIST_SEPARATOR, planWindow } from './client-buckets.ts'
import { summarisedSize } from './client-buckets-store.ts'
import { AuditError } from './errors.ts'

export type TimeWindow = { from: Date; to: Date }

export type SubjectAccess = {
  position: number
  at: Date
  actorId: string
  type: string
  operation: string
  result: string
  purpose: string | null
  document: string | null
  fields: string[]
}

/** Every entry about `subjectId` in [from, to), newest first. */
export async function accessesToSubject(
  db: QueryExecutorProvider,
  tenantId: string,
  subjectId: string,
  window: TimeWindow,
): Promise<SubjectAccess[]> {
  const { rows } = await sql<{
    position: string
    at_ms: string
    actor_id: string
    event_type: string
    operation: string
    result: string
    purpose: string | null
    document: string | null
    fields: string[] | null
  }>`select position::text, at_ms::text, actor_id, event_type, operation,
      result, purpose, document, fields
    from audit_entries
    where tenant_id = ${tenantId} and subject_id = ${subjectId}
      and at_ms >= ${window.from.getTime()} and at_ms < ${window.to.getTime()}
    order by audit_entries.at_ms desc, audit_entries.position desc`.execute(db)
  return rows.map((r) => ({
    position: Number(r.position),
    at: new Date(Number(r.at_ms)),
    actorId: r.actor_id,
    type: r.event_type,
    operation: r.operation,
    result: r.result,
    purpose: r.purpose,
    document: r.document,
    fields: r.fields ?? [],
  }))
}

export type ClientSubjectAccess = {
  subjectId: string
  /** Data items touched, sorted. */
  fields: string[]
  operations: string[]
  actorIds: string[]
  entries: number
  firstAt: Date
  lastAt: Date
}

export type ClientAccessOptions = {
  /** Only these operations, e.g. `['read', 'export']` for an incident's scope; default all. */
  operations?: readonly AuditOperation[]
}

/**
 * Per person of `clientId` touched in [from, to): which items, how, by whom, when. Whole JST days
 * of the window come from the per-client summary (client-buckets.ts), a few rows a person; the
 * parts of a day at either end, and entries the summariser has not reached yet, from the log.
 */
export async function accessesForClient(
  db: QueryExecutorProvider,
  tenantId: string,
  clientId: string,
  window: TimeWindow,
  options: ClientAccessOptions = {},
): Promise<ClientSubjectAccess[]> {
  const from = window.from.getTime()
  const to = window.to.getTime()
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    throw new AuditError({
      code: 'ARGUMENT_INVALID',
      message: 'the time window is not a pair of valid dates',
      messageJa: '期間の指定が正しい日時ではありません。',
      field: 'window',
    })
  }
  const plan = planWindow(from, to)
  if (plan.buckets.length === 0 && plan.partial.length === 0) return []
  const operationsOf = (column: string) =>
    options.operations === undefined
      ? sql``
      : sql`and ${sql.ref(column)} = any(${[...options.operations]}::text[])`
  // Entries the summary holds are [0, summarised); the summariser may move it on while we read,
  // so the statement reads it again itself, and the value read here only lets the planner see
  // that the tail is a short range of positions.
  const summarised = sql`(select size from audit_summary_state where id = 1)`
  const lowerBound = await summarisedSize(db)
  const fromEntries = sql`select subject_id collate "C", operation collate "C", actor_id collate "C",
      coalesce(array_to_string(fields, ','), '') collate "C", 1::bigint, at_ms, at_ms
    from audit_entries as e
    where e.tenant_id = ${tenantId} and e.client_id = ${clientId} and e.subject_id is not null
      ${operationsOf('e.operation')}`
  const parts = [
    sql`${fromEntries} and e.position >= ${lowerBound} and e.position >= ${summarised}
      and e.at_ms >= ${from} and e.at_ms < ${to}`,
  ]
  if (plan.buckets.length > 0) {
    parts.push(sql`select subject_id, operation, actor_ids, fields, entries, first_ms, last_ms
      from audit_client_buckets as b
        join unnest(${plan.buckets.map((b) => b.level)}::smallint[], ${plan.buckets.map((b) => b.bucket)}::bigint[])
          as w(level, bucket) using (level, bucket)
      where b.tenant_id = ${tenantId} and b.client_id = ${clientId} ${operationsOf('b.operation')}`)
  }
  if (plan.partial.length > 0) {
    const ranges = plan.partial.map((r) => sql`(e.at_ms >= ${r.from} and e.at_ms < ${r.to})`)
    parts.push(sql`${fromEntries} and e.position < ${summarised} and (${sql.join(ranges, sql` or `)})`)
  }
  // Lists come back joined, duplicates and all: PostgreSQL groups ~10 rows a person far faster
  // as text than as arrays, and the few names a person has are de-duplicated here.
  const { rows } = await sql<{
    subject_id: string
    operations: string
    actor_ids: string
    fields: string
    entries: string
    first_at: string
    last_at: string
  }>`select subject_id, string_agg(operation, ',') as operations, string_agg(actor_ids, ',') as actor_ids,
      string_agg(fields, ',') as fields, sum(entries)::text as entries, min(first_ms)::text as first_at,
      max(last_ms)::text as last_at
    from (${sql.join(parts, sql` union all `)}) as parts (subject_id, operation, actor_ids, fields, entries, first_ms, last_ms)
    group by subject_id`.execute(db)
  return rows
    .map((r) => ({
      subjectId: r.subject_id,
      fields: distinctSorted(r.fields),
      operations: distinctSorted(r.operations),
      actorIds: distinctSorted(r.actor_ids),
      entries: Number(r.entries),
      firstAt: new Date(Number(r.first_at)),
      lastAt: new Date(Number(r.last_at)),
    }))
    .sort((a, b) => (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0))
}

function distinctSorted(list: string): string[] {
  return [...new Set(list.split(LIST_SEPARATOR).filter((item) => item !== ''))].sort()
}
