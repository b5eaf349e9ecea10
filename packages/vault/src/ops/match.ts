import { timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { VaultAudit } from '../audit/vault-audit.ts'
import type { TMatchRequest, TMatchResponse } from '../contract/index.ts'
import type { NumberCrypto } from '../service/number-crypto.ts'
import { refuse } from '../service-error.ts'
import type { VaultDatabase } from '../store/schema.ts'
import { findSealed } from '../store/sealed-numbers.repo.ts'
import { auditEntry } from './audit-entry.ts'
import type { RateLimitDeps } from './rate-limit.ts'
import { enforceRateLimit } from './rate-limit.ts'
import { auditRefusals } from './refusal-audit.ts'

export type MatchDeps = RateLimitDeps & {
  db: Kysely<VaultDatabase>
  audit: Pick<VaultAudit, 'recordIn' | 'append'>
  crypto: Pick<NumberCrypto, 'openFromDevice' | 'blindIndex'>
}

/**
 * match: is this candidate (HPKE-sealed on a device) the number on file for the subject? Yes or
 * no, audited. The comparison is of blind indexes, so the stored number is not even decrypted.
 */
export async function match(deps: MatchDeps, input: TMatchRequest): Promise<TMatchResponse> {
  const ctx = input.context
  return auditRefusals(deps.audit, 'MY_NUMBER_MATCHED', ctx, async () => {
    await enforceRateLimit(deps, 'match', ctx, 1)
    const candidate = await deps.crypto.openFromDevice(input.candidate, {
      tenantId: ctx.tenantId,
      subjectId: ctx.subjectId,
      purpose: ctx.purpose,
    })
    const onFile = await findSealed(deps.db, ctx.tenantId, ctx.subjectId)
    if (onFile === undefined) throw refuse('NOT_REGISTERED', 'no number on file for the subject')
    const matches = timingSafeEqual(deps.crypto.blindIndex(ctx.tenantId, candidate), onFile.blind_index)
    await deps.audit.append([auditEntry('MY_NUMBER_MATCHED', ctx, 'success')])
    return { matches }
  })
}
