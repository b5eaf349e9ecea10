import type { Kysely } from 'kysely'
import type { VaultAudit } from '../audit/vault-audit.ts'
import type { TApproveRequest, TApproveResponse } from '../contract/index.ts'
import { refuse } from '../service-error.ts'
import { findOpenRequest, markApproved } from '../store/approvals.repo.ts'
import type { VaultDatabase } from '../store/schema.ts'
import { auditEntry } from './audit-entry.ts'
import { auditRefusals } from './refusal-audit.ts'

export type ApproveDeps = {
  db: Kysely<VaultDatabase>
  audit: Pick<VaultAudit, 'recordIn' | 'append'>
  now: () => Date
}

/**
 * approve: the second user of dual control approves the open request to register, for this
 * subject, a number already on file for someone else. The approver is never the requester.
 */
export async function approve(deps: ApproveDeps, input: TApproveRequest): Promise<TApproveResponse> {
  const ctx = input.context
  return auditRefusals(deps.audit, 'MY_NUMBER_DUPLICATE_APPROVED', ctx, async () => {
    const now = deps.now()
    return deps.db.transaction().execute(async (trx) => {
      const open = await findOpenRequest(trx, ctx.tenantId, ctx.subjectId, now)
      if (open === undefined) throw refuse('APPROVAL_NOT_FOUND', 'no open approval request for the subject')
      if (open.requested_by === ctx.actorId) {
        throw refuse('APPROVER_IS_REQUESTER', 'dual control needs a second user')
      }
      await markApproved(trx, ctx.tenantId, open.id, ctx.actorId, now)
      await deps.audit.recordIn(trx, [
        auditEntry('MY_NUMBER_DUPLICATE_APPROVED', ctx, 'success', { at: now }),
      ])
      return { approvedAt: now.toISOString(), requestedBy: open.requested_by }
    })
  })
}
