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

export type QueuedEvent = { tenantId: string; bytes: Buffer }

/** Validates and encodes; throws the caller's error before any I/O. */
export function queuedEvent(event: AuditEvent): QueuedEvent {
  const entry = validateAuditEvent(event)
  return { tenantId: entry.tenantId as string, bytes: Buffer.from(encodeEntry(entry)) }
}
