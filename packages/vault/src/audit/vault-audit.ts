import type { AuditLog } from '@mamori/audit/audit-log.ts'
import { openAuditLog } from '@mamori/audit/audit-log.ts'
import type { HostLogFiles } from '@mamori/audit/host-logs.ts'
import type { Kysely } from 'kysely'
import { refuse } from '../service-error.ts'
import type { VaultDatabase } from '../store/schema.ts'
import type { VaultAuditEvent, VaultAuditType } from './events.ts'

/**
 * The vault's one way to write its audit log (in the vault's own database, @mamori/audit's
 * openAuditLog). No entry, no success: a write that fails becomes AUDIT_UNAVAILABLE and the
 * operation fails with it. There is no switch to turn auditing off.
 */
export type VaultAudit = {
  /**
   * In the caller's transaction: the entries commit, or roll back, with the change they describe;
   * one statement for all of them. Given the pool instead, that statement is its own transaction
   * and the entries are durable when it returns (a batch of reads, which change nothing else).
   */
  recordIn(trx: Kysely<VaultDatabase>, events: readonly VaultAuditEvent[]): Promise<void>
  /**
   * For reads and refusals, which change nothing else: group commit (one transaction and one
   * fsync for every caller waiting), resolving only once the entries are durable.
   */
  append(events: readonly VaultAuditEvent[]): Promise<void>
  /** The log itself: proofs, verification, the 本人 view of who used a number. */
  readonly log: AuditLog<VaultAuditType>
  /** Integrates what is queued, signs a last checkpoint, stops the background sequencer. */
  close(): Promise<void>
}

export async function openVaultAudit(
  db: Kysely<VaultDatabase>,
  files: HostLogFiles,
  onError?: (error: unknown) => void,
): Promise<VaultAudit> {
  const log = await openAuditLog<VaultAuditType, VaultDatabase>({
    db,
    ...files,
    ...(onError === undefined ? {} : { onError }),
  })
  return {
    log,
    async recordIn(trx, events) {
      try {
        await log.recordAll(trx, events)
      } catch (cause) {
        throw unavailable(cause)
      }
    },
    async append(events) {
      try {
        await log.append(events)
      } catch (cause) {
        throw unavailable(cause)
      }
    },
    close: () => log.close(),
  }
}

function unavailable(cause: unknown) {
  const error = refuse('AUDIT_UNAVAILABLE', 'the audit entry could not be written')
  return Object.assign(error, { cause })
}
