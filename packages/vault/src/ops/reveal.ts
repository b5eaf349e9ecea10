import type { Kysely } from 'kysely'
import type { VaultAudit } from '../audit/vault-audit.ts'
import type { TRevealRequest, TRevealResponse } from '../contract/index.ts'
import { openNumber } from '../crypto/index.ts'
import type { NumberCrypto } from '../service/number-crypto.ts'
import { refuse } from '../service-error.ts'
import type { VaultDatabase } from '../store/schema.ts'
import { findSealedWithKeys } from '../store/sealed-numbers.repo.ts'
import { auditEntry } from './audit-entry.ts'
import type { RateLimitDeps } from './rate-limit.ts'
import { enforceRateLimit } from './rate-limit.ts'
import { auditRefusals } from './refusal-audit.ts'
import { MY_NUMBER_FIELD } from './register-batch.ts'

export type RevealDeps = RateLimitDeps & {
  db: Kysely<VaultDatabase>
  audit: Pick<VaultAudit, 'recordIn' | 'append'>
  crypto: Pick<NumberCrypto, 'dataKey' | 'sealForRecipient'>
  /** An office administrator's re-authentication admits a reveal at most this long after. */
  reauthenticationWindowMs: number
}

/** Clocks of the server and the vault may differ this much. */
const CLOCK_SKEW_MS = 30_000

export const FULLY_MASKED = '************'

/**
 * reveal: a subject's number shown to a human — the subject themself (本人 view: the acting
 * user is the subject), or an office administrator who re-authenticated moments ago, with a
 * reason. The answer is the fully masked form plus the number sealed to the viewer's device key;
 * the page shows the mask until the person asks to see it (style: masked by default, last 4 too).
 * Which users are office administrators is the server's to know: it names the viewer role, and
 * the vault audits that claim with the actor.
 */
export async function reveal(deps: RevealDeps, input: TRevealRequest): Promise<TRevealResponse> {
  const ctx = input.context
  return auditRefusals(deps.audit, 'MY_NUMBER_REVEALED', ctx, async () => {
    if (input.viewer === 'SELF' && ctx.actorId !== ctx.subjectId) {
      throw refuse('REVEAL_NOT_ALLOWED', 'the 本人 view is for the subject only', 'viewer')
    }
    if (input.viewer === 'OFFICE_ADMIN') {
      const age = deps.now().getTime() - Date.parse(input.reauthenticatedAt)
      if (!(age <= deps.reauthenticationWindowMs && age >= -CLOCK_SKEW_MS)) {
        throw refuse(
          'REAUTHENTICATION_REQUIRED',
          're-authentication is missing or too old',
          'reauthenticatedAt',
        )
      }
    }
    await enforceRateLimit(deps, 'reveal', ctx, 1)
    const row = (await findSealedWithKeys(deps.db, ctx.tenantId, [ctx.subjectId])).get(ctx.subjectId)
    if (row === undefined) throw refuse('NOT_REGISTERED', 'no number on file for the subject')
    const dataKey = await deps.crypto.dataKey({
      tenantId: ctx.tenantId,
      keyId: ctx.subjectId,
      version: row.keyVersion,
      wrapped: row.wrapped,
    })
    const bytes = new TextEncoder().encode(
      openNumber(
        dataKey,
        { tenantId: ctx.tenantId, subjectId: ctx.subjectId, field: MY_NUMBER_FIELD },
        row.envelope,
      ),
    )
    try {
      await deps.audit.append([
        auditEntry('MY_NUMBER_REVEALED', ctx, 'success', { document: `VIEW_${input.viewer}` }),
      ])
      const sealed = await deps.crypto.sealForRecipient(input.recipientPublicKey, bytes, {
        tenantId: ctx.tenantId,
        requestId: ctx.requestId,
      })
      return { masked: FULLY_MASKED, sealed }
    } finally {
      bytes.fill(0)
    }
  })
}
