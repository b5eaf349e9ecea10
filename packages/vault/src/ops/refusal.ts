import type { Kysely } from 'kysely'
import type { VaultAudit } from '../audit/vault-audit.ts'
import type { TRefusalRequest, TRefusalResponse } from '../contract/index.ts'
import { insertRefusal } from '../store/records.repo.ts'
import type { VaultDatabase } from '../store/schema.ts'
import { auditEntry } from './audit-entry.ts'
import { auditRefusals } from './refusal-audit.ts'

export type RefusalDeps = {
  db: Kysely<VaultDatabase>
  audit: Pick<VaultAudit, 'recordIn' | 'append'>
  now: () => Date
  newId: () => string
}

/**
 * refusal: records 提供を求めた経過 — the number was asked for (when, how) and refused, not
 * supplied, or promised later — so a filing without the number can say so.
 */
export async function recordRefusal(deps: RefusalDeps, input: TRefusalRequest): Promise<TRefusalResponse> {
  const ctx = input.context
  return auditRefusals(deps.audit, 'MY_NUMBER_REFUSAL_RECORDED', ctx, async () => {
    const now = deps.now()
    await deps.db.transaction().execute(async (trx) => {
      await insertRefusal(trx, {
        id: deps.newId(),
        tenant_id: ctx.tenantId,
        client_id: ctx.clientId,
        subject_id: ctx.subjectId,
        requested_at: new Date(input.requestedAt),
        method: input.method,
        answer: input.answer,
        recorded_by: ctx.actorId,
        recorded_at: now,
        request_id: ctx.requestId,
      })
      await deps.audit.recordIn(trx, [auditEntry('MY_NUMBER_REFUSAL_RECORDED', ctx, 'success', { at: now })])
    })
    return { recordedAt: now.toISOString() }
  })
}
