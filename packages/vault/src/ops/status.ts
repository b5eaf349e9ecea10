import type { Kysely } from 'kysely'
import type { VaultAudit } from '../audit/vault-audit.ts'
import type { TStatusRequest, TStatusResponse } from '../contract/index.ts'
import { latestRefusal } from '../store/records.repo.ts'
import type { VaultDatabase } from '../store/schema.ts'
import { findStatus } from '../store/sealed-numbers.repo.ts'
import { auditEntry } from './audit-entry.ts'
import { auditRefusals } from './refusal-audit.ts'

export type StatusDeps = { db: Kysely<VaultDatabase>; audit: Pick<VaultAudit, 'append'> }

/** status: on file or not, when and by whom, the 本人確認 done, the latest refusal; never a digit. */
export async function status(deps: StatusDeps, input: TStatusRequest): Promise<TStatusResponse> {
  const ctx = input.context
  return auditRefusals(deps.audit, 'MY_NUMBER_STATUS_READ', ctx, async () => {
    const [row, refusal] = await Promise.all([
      findStatus(deps.db, ctx.tenantId, ctx.subjectId),
      latestRefusal(deps.db, ctx.tenantId, ctx.subjectId),
    ])
    await deps.audit.append([auditEntry('MY_NUMBER_STATUS_READ', ctx, 'success')])
    return {
      registered: row !== undefined,
      registeredAt: row === undefined ? null : row.registered_at.toISOString(),
      registeredBy: row?.registered_by ?? null,
      identityCheck:
        row === undefined
          ? null
          : {
              numberCheck: row.number_check as NonNullable<TStatusResponse['identityCheck']>['numberCheck'],
              identityCheck: row.identity_check as NonNullable<
                TStatusResponse['identityCheck']
              >['identityCheck'],
              checkedBy: row.checked_by,
              checkedAt: row.checked_at.toISOString(),
            },
      refusal:
        refusal === undefined
          ? null
          : {
              requestedAt: refusal.requested_at.toISOString(),
              answer: refusal.answer as NonNullable<TStatusResponse['refusal']>['answer'],
            },
    }
  })
}
