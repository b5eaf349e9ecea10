import type { Kysely } from 'kysely'
import type { VaultAudit } from '../audit/vault-audit.ts'
import type {
  TDeleteClientRequest,
  TDeleteClientResponse,
  TDeleteRequest,
  TDeleteResponse,
} from '../contract/index.ts'
import type { NumberCrypto } from '../service/number-crypto.ts'
import { refuse } from '../service-error.ts'
import { destroyKey, liveKeyIdsOfClient } from '../store/data-keys.repo.ts'
import { insertDisposals } from '../store/records.repo.ts'
import type { DisposalTable, VaultDatabase } from '../store/schema.ts'
import { deleteSealed } from '../store/sealed-numbers.repo.ts'
import type { CallContext } from './audit-entry.ts'
import { auditEntry } from './audit-entry.ts'
import { auditRefusals } from './refusal-audit.ts'

export type DeleteDeps = {
  db: Kysely<VaultDatabase>
  audit: Pick<VaultAudit, 'recordIn' | 'append'>
  crypto: Pick<NumberCrypto, 'forgetDataKey'>
  now: () => Date
  newId: () => string
}

/** How numbers are disposed of: the data key is destroyed, so every copy of the envelope is noise. */
export const DISPOSAL_METHOD = 'CRYPTO_SHRED'

/**
 * delete: crypto-shreds one subject — their data key's wrapped bytes are destroyed and the sealed
 * row removed, in one transaction with the disposal record (what, when, how, who; never the
 * number) and the audit entry. Backups that still hold the envelope hold nothing readable.
 */
export async function deleteSubject(deps: DeleteDeps, input: TDeleteRequest): Promise<TDeleteResponse> {
  const ctx = input.context
  return auditRefusals(deps.audit, 'MY_NUMBER_DISPOSED', ctx, async () => {
    const now = deps.now()
    const disposalId = deps.newId()
    await deps.db.transaction().execute(async (trx) => {
      const destroyed = await destroyKey(trx, ctx.tenantId, ctx.subjectId, now)
      if (destroyed === 0) throw refuse('NOT_REGISTERED', 'no number on file for the subject')
      await deleteSealed(trx, ctx.tenantId, ctx.subjectId)
      await insertDisposals(trx, [disposal(disposalId, ctx, ctx.subjectId, 'SUBJECT', input.reason, now)])
      await deps.audit.recordIn(trx, [auditEntry('MY_NUMBER_DISPOSED', ctx, 'success', { at: now })])
    })
    deps.crypto.forgetDataKey(ctx.tenantId, ctx.subjectId)
    return { disposalId, disposedAt: now.toISOString() }
  })
}

/** delete-client: every subject of one client at contract end, one disposal record and entry each. */
export async function deleteClient(
  deps: DeleteDeps,
  input: TDeleteClientRequest,
): Promise<TDeleteClientResponse> {
  const ctx = input.context
  return auditRefusals(deps.audit, 'MY_NUMBER_DISPOSED', ctx, async () => {
    const now = deps.now()
    const subjects = await deps.db.transaction().execute(async (trx) => {
      const keyIds = await liveKeyIdsOfClient(trx, ctx.tenantId, ctx.clientId)
      const rows: DisposalTable[] = []
      for (const subjectId of keyIds) {
        await destroyKey(trx, ctx.tenantId, subjectId, now)
        await deleteSealed(trx, ctx.tenantId, subjectId)
        rows.push(disposal(deps.newId(), ctx, subjectId, 'CLIENT', input.reason, now))
      }
      await insertDisposals(trx, rows)
      await deps.audit.recordIn(
        trx,
        keyIds.map((subjectId) => auditEntry('MY_NUMBER_DISPOSED', ctx, 'success', { subjectId, at: now })),
      )
      return keyIds
    })
    for (const subjectId of subjects) deps.crypto.forgetDataKey(ctx.tenantId, subjectId)
    return { disposedSubjects: subjects.length, disposedAt: now.toISOString() }
  })
}

function disposal(
  id: string,
  ctx: CallContext,
  subjectId: string,
  scope: 'SUBJECT' | 'CLIENT',
  reason: string,
  at: Date,
): DisposalTable {
  return {
    id,
    tenant_id: ctx.tenantId,
    client_id: ctx.clientId,
    subject_id: subjectId,
    scope,
    reason,
    method: DISPOSAL_METHOD,
    disposed_by: ctx.actorId,
    disposed_at: at,
    request_id: ctx.requestId,
  }
}
