/**
 * The questions the log answers, tenant first: every access to one person's data (the 本人 view),
 * and which people and data items of one client were touched in a window (the basis of an
 * incident-scope report). Both read index-backed columns (audit_entries_subject, _client) that
 * verifyLog holds to the signed entries.
 */
import type { QueryExecutorProvider } from 'kysely'
import { sql } from 'kysely'
import type { AuditOperation } from './audit-event.ts'

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

/** Per person of `clientId` touched in [from, to): which items, how, by whom, when. */
export async function accessesForClient(
  db: QueryExecutorProvider,
  tenantId: string,
  clientId: string,
  window: TimeWindow,
  options: ClientAccessOptions = {},
): Promise<ClientSubjectAccess[]> {
  const operations =
    options.operations === undefined ? sql`` : sql`and operation = any(${[...options.operations]}::text[])`
  const { rows } = await sql<{
    subject_id: string
    fields: string[]
    operations: string[]
    actor_ids: string[]
    entries: string
    first_at: string
    last_at: string
  }>`with touched as materialized (
      select subject_id, operation, actor_id, at_ms, coalesce(fields, '{}') as fields from audit_entries
      where tenant_id = ${tenantId} and client_id = ${clientId} and subject_id is not null
        and at_ms >= ${window.from.getTime()} and at_ms < ${window.to.getTime()}
        ${operations}
    ), per_subject as (
      select subject_id, array_agg(distinct operation order by operation) as operations,
        array_agg(distinct actor_id order by actor_id) as actor_ids,
        count(*)::text as entries, min(at_ms)::text as first_at, max(at_ms)::text as last_at
      from touched group by subject_id
    ), per_field as (
      select subject_id, array_agg(distinct field order by field) as fields
      from touched, unnest(touched.fields) as field group by subject_id
    )
    select s.subject_id, coalesce(f.fields, '{}') as fields, s.operations, s.actor_ids, s.entries, s.first_at, s.last_at
    from per_subject s left join per_field f using (subject_id)
    order by subject_id`.execute(db)
  return rows.map((r) => ({
    subjectId: r.subject_id,
    fields: r.fields,
    operations: r.operations,
    actorIds: r.actor_ids,
    entries: Number(r.entries),
    firstAt: new Date(Number(r.first_at)),
    lastAt: new Date(Number(r.last_at)),
  }))
}
