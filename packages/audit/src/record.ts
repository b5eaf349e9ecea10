/**
 * `record(trx, event)`: the one way hosts write the audit log. The entry is inserted in the
 * caller's transaction, so it commits with the change it describes and rolls back with it: no
 * entry, no success, and no switch to turn it off. A refused event (EVENT_INVALID,
 * EVENT_CONTAINS_MY_NUMBER) throws before anything is written, failing the caller's request.
 *
 * Entries wait in audit_queue until the sequencer (integrate.ts) gives them their positions in
 * commit order; the queue row is as durable as the caller's commit.
 */
import type { QueryExecutorProvider } from 'kysely'
import { sql } from 'kysely'
import { type AuditEvent, validateAuditEvent } from './audit-event.ts'
import { encodeEntry } from './entry-encoding.ts'

/** Precondition: `trx` is the caller's open transaction (a Kysely Transaction), not the pool. */
export async function record<Type extends string>(
  trx: QueryExecutorProvider,
  event: AuditEvent<Type>,
): Promise<void> {
  const queued = queuedEvent(event)
  await sql`insert into audit_queue (tenant_id, event) values (${queued.tenantId}, ${queued.bytes})`.execute(
    trx,
  )
}

/**
 * `record` for several entries in one statement (a host's batch of requests in one transaction):
 * every event is validated before anything is written, so one refused event writes none of them.
 * Precondition as for `record`; on the pool instead of a transaction the single statement is its
 * own transaction, durable when it returns.
 */
export async function recordAll<Type extends string>(
  trx: QueryExecutorProvider,
  events: readonly AuditEvent<Type>[],
): Promise<void> {
  const queued = events.map(queuedEvent)
  if (queued.length === 0) return
  // Two array parameters whatever the count: one statement to parse, on the server and in PGlite.
  await sql`insert into audit_queue (tenant_id, event)
    select tenant_id, decode(event, 'base64')
    from unnest(${queued.map((q) => q.tenantId)}::text[], ${queued.map((q) => q.bytes.toString('base64'))}::text[])
      as t(tenant_id, event)`.execute(trx)
}

export type QueuedEvent = { tenantId: string; bytes: Buffer }

/** Validates and encodes; throws the caller's error before any I/O. */
export function queuedEvent(event: AuditEvent): QueuedEvent {
  const entry = validateAuditEvent(event)
  return { tenantId: entry.tenantId as string, bytes: Buffer.from(encodeEntry(entry)) }
}
