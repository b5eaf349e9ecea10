import type { VaultAuditType } from '../audit/events.ts'
import type { VaultAudit } from '../audit/vault-audit.ts'
import { VaultError } from '../errors.ts'
import { ServiceError } from '../service-error.ts'
import type { CallContext } from './audit-entry.ts'
import { auditEntry } from './audit-entry.ts'

/**
 * Runs an operation and, when it is refused or fails, appends the entry that says so before the
 * refusal reaches the caller: every attempt leaves a trace, refused ones included (a merge of a
 * document not on the legal list is "refused and audited as refused"). A refusal whose entry
 * cannot be written becomes AUDIT_UNAVAILABLE.
 */
export async function auditRefusals<T>(
  audit: Pick<VaultAudit, 'append'>,
  type: VaultAuditType,
  ctx: CallContext,
  operation: () => Promise<T>,
  extra: { document?: string } = {},
): Promise<T> {
  try {
    return await operation()
  } catch (error) {
    if (error instanceof ServiceError && error.code === 'AUDIT_UNAVAILABLE') throw error
    if (alreadyAudited.has(error as object)) throw error
    const result = isRefusal(error) ? 'denied' : 'failure'
    await audit.append([auditEntry(type, ctx, result, extra)])
    throw error
  }
}

/** Refusals whose denied entry was written with the batch that refused them (write-batcher.ts). */
const alreadyAudited = new WeakSet<object>()

/** Marks a refusal whose entry is already recorded in the transaction that refused it. */
export function audited<E extends object>(error: E): E {
  alreadyAudited.add(error)
  return error
}

function isRefusal(error: unknown): boolean {
  if (error instanceof ServiceError) return error.code !== 'INTERNAL'
  return (
    error instanceof VaultError && (error.code.startsWith('HPKE_') || error.code.startsWith('MY_NUMBER_'))
  )
}
