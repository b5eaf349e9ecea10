import { timingSafeEqual } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { VaultAuditEvent } from '../audit/events.ts'
import type { VaultAudit } from '../audit/vault-audit.ts'
import type { TMatchRequest, TMatchResponse } from '../contract/index.ts'
import type { NumberCrypto } from '../service/number-crypto.ts'
import type { Outcome, WriteBatcher } from '../service/write-batcher.ts'
import { refuse } from '../service-error.ts'
import type { VaultDatabase } from '../store/schema.ts'
import { findBlindIndexes, subjectKey } from '../store/sealed-numbers.repo.ts'
import type { CallContext } from './audit-entry.ts'
import { auditEntry } from './audit-entry.ts'
import type { RateLimitDeps } from './rate-limit.ts'
import { enforceRateLimit } from './rate-limit.ts'
import { audited, auditRefusals } from './refusal-audit.ts'

/** A match opened and indexed, waiting for its batch: no plaintext, only the candidate's blind index. */
export type PreparedMatch = { context: CallContext & { subjectId: string }; candidateIndex: Uint8Array }

export type MatchDeps = RateLimitDeps & {
  audit: Pick<VaultAudit, 'recordIn' | 'append'>
  crypto: Pick<NumberCrypto, 'fromDevice'>
  /** The write batcher of matches (matchBatch). */
  matches: Pick<WriteBatcher<PreparedMatch, TMatchResponse>, 'submit'>
}

/**
 * match: is this candidate (HPKE-sealed on a device) the number on file for the subject? Yes or
 * no, audited. The comparison is of blind indexes, so the stored number is not even decrypted.
 * The rate limit, the HPKE open and the blind index (on a crypto worker, which keeps the number)
 * are per request; the lookup and the audit entry go with the batch (matchBatch), and the answer
 * leaves once its entry is durable.
 */
export async function match(deps: MatchDeps, input: TMatchRequest): Promise<TMatchResponse> {
  const ctx = input.context
  return auditRefusals(deps.audit, 'MY_NUMBER_MATCHED', ctx, async () => {
    await enforceRateLimit(deps, 'match', ctx, 1)
    const { blindIndex } = await deps.crypto.fromDevice({
      sealed: input.candidate,
      binding: { tenantId: ctx.tenantId, subjectId: ctx.subjectId, purpose: ctx.purpose },
    })
    return deps.matches.submit({ context: ctx, candidateIndex: blindIndex })
  })
}

export type MatchBatchDeps = { db: Kysely<VaultDatabase>; audit: Pick<VaultAudit, 'recordIn'> }

/**
 * One batch of matches: one query for every subject's blind index (each scoped to its tenant),
 * then every entry, found or not, in one insert that is its own transaction. Nothing else
 * changes, so there is nothing else to commit with it.
 */
export async function matchBatch(
  deps: MatchBatchDeps,
  items: readonly PreparedMatch[],
): Promise<Outcome<TMatchResponse>[]> {
  const onFile = await findBlindIndexes(
    deps.db,
    items.map((item) => item.context),
  )
  const events: VaultAuditEvent[] = []
  const outcomes = items.map((item): Outcome<TMatchResponse> => {
    const index = onFile.get(subjectKey(item.context.tenantId, item.context.subjectId))
    if (index === undefined) {
      events.push(auditEntry('MY_NUMBER_MATCHED', item.context, 'denied'))
      return { ok: false, error: audited(refuse('NOT_REGISTERED', 'no number on file for the subject')) }
    }
    events.push(auditEntry('MY_NUMBER_MATCHED', item.context, 'success'))
    return { ok: true, value: { matches: timingSafeEqual(item.candidateIndex, index) } }
  })
  await deps.audit.recordIn(deps.db, events)
  return outcomes
}
