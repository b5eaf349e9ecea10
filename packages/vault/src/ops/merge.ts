import type { Kysely } from 'kysely'
import type { VaultAudit } from '../audit/vault-audit.ts'
import type { TMergeRequest, TMergeResponse } from '../contract/index.ts'
import { openNumber } from '../crypto/envelope.ts'
import { decideMerge, LEGAL_DOCUMENTS } from '../policy/legal-documents.ts'
import { parsePurpose } from '../policy/purposes.ts'
import type { NumberCrypto } from '../service/number-crypto.ts'
import { refuse } from '../service-error.ts'
import type { VaultDatabase } from '../store/schema.ts'
import { findSealedWithKeys } from '../store/sealed-numbers.repo.ts'
import { auditEntry } from './audit-entry.ts'
import { fillPlaceholders, placeholderSubjects, sameSubjects } from './merge-template.ts'
import type { RateLimitDeps } from './rate-limit.ts'
import { enforceRateLimit } from './rate-limit.ts'
import { auditRefusals } from './refusal-audit.ts'
import { MY_NUMBER_FIELD } from './register-batch.ts'

export type MergeDeps = RateLimitDeps & {
  db: Kysely<VaultDatabase>
  audit: Pick<VaultAudit, 'recordIn' | 'append'>
  crypto: Pick<NumberCrypto, 'dataKey' | 'sealForRecipient'>
}

/**
 * merge: fills each subject's number into a document of a type on the legal list (policy/,
 * `decideMerge`: the list, the purpose it serves, the 70歳以上被用者 condition), then seals the
 * whole document to the requester's HPKE key, bound to this request. Anything else is refused
 * and audited as refused. One audit entry per number, durable before the document leaves.
 */
export async function merge(deps: MergeDeps, input: TMergeRequest): Promise<TMergeResponse> {
  const ctx = input.context
  return auditRefusals(
    deps.audit,
    'MY_NUMBER_MERGED',
    ctx,
    async () => {
      const purpose = parsePurpose(ctx.purpose)
      if (purpose === null)
        throw refuse('PURPOSE_UNKNOWN', 'purpose is not a 個人番号関係事務', 'context.purpose')
      for (const [i, subject] of input.subjects.entries()) {
        const decision = decideMerge(input.documentType, purpose, subject)
        if (!decision.allowed)
          throw refuse(decision.reason, 'the document may not carry this number', `subjects.${i}`)
      }
      const named = placeholderSubjects(input.template)
      const listed = input.subjects.map((s) => s.subjectId)
      if (named === undefined || !sameSubjects(named, listed)) {
        throw refuse('TEMPLATE_SUBJECTS_MISMATCH', 'placeholders and subjects differ', 'template')
      }
      await enforceRateLimit(deps, 'merge', ctx, listed.length)
      const sealed = await findSealedWithKeys(deps.db, ctx.tenantId, listed)
      const numbers = new Map<string, string>()
      for (const [i, subjectId] of listed.entries()) {
        const row = sealed.get(subjectId)
        if (row === undefined)
          throw refuse('NOT_REGISTERED', 'a subject has no number on file', `subjects.${i}`)
        const dataKey = await deps.crypto.dataKey({
          tenantId: ctx.tenantId,
          keyId: subjectId,
          version: row.keyVersion,
          wrapped: row.wrapped,
        })
        numbers.set(
          subjectId,
          openNumber(dataKey, { tenantId: ctx.tenantId, subjectId, field: MY_NUMBER_FIELD }, row.envelope),
        )
      }
      const document = new TextEncoder().encode(fillPlaceholders(input.template, numbers))
      try {
        // One insert on the pool, its own transaction: durable before the document leaves; the
        // sequencer integrates the entries in the background rather than on this request's path.
        await deps.audit.recordIn(
          deps.db,
          listed.map((subjectId) =>
            auditEntry('MY_NUMBER_MERGED', ctx, 'success', { subjectId, document: input.documentType }),
          ),
        )
        const result = await deps.crypto.sealForRecipient(input.recipientPublicKey, document, {
          tenantId: ctx.tenantId,
          requestId: ctx.requestId,
        })
        return { document: result }
      } finally {
        document.fill(0)
      }
    },
    // The requested type is attacker-controlled: only a listed code goes into the log verbatim.
    {
      document: LEGAL_DOCUMENTS.some((d) => d.document === input.documentType)
        ? input.documentType
        : 'UNLISTED',
    },
  )
}
