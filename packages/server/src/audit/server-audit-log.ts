import { type AuditLog, openAuditLog } from '@mamori/audit/audit-log.ts'
import { hostLogFiles } from '@mamori/audit/host-logs.ts'
import type { FastifyBaseLogger } from 'fastify'
import type { Kysely } from 'kysely'
import type { AuthEventType } from '../auth/audit-events.ts'
import type { DataPaths } from '../data-dir.ts'
import type { MyNumberAuditType } from '../my-number/audit-events.ts'
import type { PayrollAuditType } from '../payroll/audit-events.ts'
import type { PeopleAuditType } from '../people/audit-events.ts'

/**
 * The server's closed union of audit entry types: each module keeps its own union beside its
 * code (auth/audit-events.ts …) and joins it here when it lands, so the log accepts no other type.
 */
export type ServerAuditType = AuthEventType | PayrollAuditType | PeopleAuditType | MyNumberAuditType

export type ServerAuditLog = AuditLog<ServerAuditType>

/** A checkpoint at least every 1,000 entries or 10 seconds (docs/audit.md). */
const CHECKPOINT_EVERY = { entries: 1000, ms: 10_000 } as const

/**
 * The server's log in the app database: signing key data/keys/audit-server.ed25519.pem (made on
 * first start), witness data/witness/server-audit.log, origin `audit-server` (@mamori/audit
 * host-logs.ts, which `mamori audit verify` reads too). The sequencer runs until close().
 */
export function openServerAuditLog(
  db: Kysely<unknown>,
  paths: Pick<DataPaths, 'keys' | 'witness'>,
  logger?: FastifyBaseLogger,
): Promise<ServerAuditLog> {
  return openAuditLog<ServerAuditType>({
    db,
    ...hostLogFiles('server', paths.keys, paths.witness),
    checkpointEvery: CHECKPOINT_EVERY,
    // The code only: a database error's message may quote a row.
    onError: (error) => logger?.error({ code: (error as { code?: unknown }).code }, 'audit sequencer failed'),
  })
}
