import type { Kysely } from 'kysely'
import type { VaultAudit } from '../audit/vault-audit.ts'
import type { LimitedOperation, RateLimiter } from '../limits/rate-limiter.ts'
import { refuse } from '../service-error.ts'
import { insertAlarm } from '../store/operations.repo.ts'
import type { VaultDatabase } from '../store/schema.ts'
import type { CallContext } from './audit-entry.ts'
import { auditEntry } from './audit-entry.ts'

export type RateLimitDeps = {
  db: Kysely<VaultDatabase>
  audit: Pick<VaultAudit, 'recordIn'>
  limiter: RateLimiter
  now: () => Date
}

/**
 * Takes `cost` numbers from the caller's and the office's buckets. Over the limit: an alarm row
 * (for `mamori doctor`) and an alarm entry in the audit log, together, then RATE_LIMITED.
 */
export async function enforceRateLimit(
  deps: RateLimitDeps,
  operation: LimitedOperation,
  ctx: CallContext,
  cost: number,
): Promise<void> {
  const decision = deps.limiter.tryTake(operation, ctx.actorId, ctx.tenantId, cost)
  if (decision.allowed) return
  const now = deps.now()
  await deps.db.transaction().execute(async (trx) => {
    await insertAlarm(trx, {
      tenantId: ctx.tenantId,
      actorId: ctx.actorId,
      operation,
      scope: decision.scope,
      raisedAt: now,
    })
    await deps.audit.recordIn(trx, [
      auditEntry('VAULT_RATE_LIMIT_EXCEEDED', ctx, 'denied', {
        at: now,
        document: `${operation}.${decision.scope}`,
      }),
    ])
  })
  throw refuse('RATE_LIMITED', `${operation} limit per ${decision.scope.toLowerCase()} exceeded`)
}
