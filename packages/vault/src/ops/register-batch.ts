import type { Kysely } from 'kysely'
import type { VaultAuditEvent } from '../audit/events.ts'
import type { VaultAudit } from '../audit/vault-audit.ts'
import type { TRegisterRequest } from '../contract/index.ts'
import type { DataKey } from '../crypto/index.ts'
import type { NumberCrypto } from '../service/number-crypto.ts'
import type { Outcome } from '../service/write-batcher.ts'
import { refuse } from '../service-error.ts'
import { insertApprovalRequest } from '../store/approvals.repo.ts'
import type { VaultDatabase } from '../store/schema.ts'
import type { SealedNumberRow } from '../store/sealed-numbers.repo.ts'
import { insertFirstRegistrations, subjectKey } from '../store/sealed-numbers.repo.ts'
import { uniqueViolation } from '../store/unique-violation.ts'
import { auditEntry } from './audit-entry.ts'
import { audited } from './refusal-audit.ts'

/**
 * The batched path of register (write-batcher.ts): the common case, a subject's first number
 * without dual control. Everything that needs no database is done per request before the batch:
 * a fresh data key (version 1) wrapped by the KEK, then the HPKE open, the blind index and the
 * envelope on a crypto worker (crypto-pool.ts).
 * The batch then runs in one transaction: one statement that reads what is on file and inserts
 * the data key and sealed number of every registration it accepts, the approval requests of
 * duplicates, and every request's audit entry, success or denied; one commit answers them all.
 *
 * Whatever a batch cannot decide alone goes back to its request as `alone` and runs through the
 * single-request transaction (register.ts): a re-registration after deletion (its data key needs
 * the next version), and every request of a batch that lost a race with another process (a
 * unique violation rolls the batch back; alone, each gets its exact answer).
 */
export type PreparedRegistration = {
  input: TRegisterRequest
  blindIndex: Uint8Array
  dataKey: DataKey
  row: SealedNumberRow
  wrapped: Uint8Array
  kekVersion: number
  now: Date
}

export type BatchedRegistration = { registeredAt: string } | { alone: true }

export type RegisterBatchDeps = {
  db: Kysely<VaultDatabase>
  audit: Pick<VaultAudit, 'recordIn'>
  crypto: Pick<NumberCrypto, 'newDataKey' | 'rememberDataKey' | 'fromDevice'>
  now: () => Date
  newId: () => string
}

/** The field name bound into every sealed number's associated data. */
export const MY_NUMBER_FIELD = 'myNumber'

/**
 * Everything but the database, done before the request joins a batch: a fresh data key wrapped by
 * the key provider, then the HPKE open, blind index and envelope on a crypto worker.
 */
export async function prepareRegistration(
  deps: Pick<RegisterBatchDeps, 'crypto' | 'now'>,
  input: TRegisterRequest,
): Promise<PreparedRegistration> {
  const ctx = input.context
  const now = deps.now()
  const { dataKey, wrapped, kekVersion } = await deps.crypto.newDataKey({
    tenantId: ctx.tenantId,
    keyId: ctx.subjectId,
    version: 1,
  })
  const { blindIndex, envelope } = await deps.crypto.fromDevice({
    sealed: input.sealed,
    binding: { tenantId: ctx.tenantId, subjectId: ctx.subjectId, purpose: ctx.purpose },
    seal: { dataKey, field: MY_NUMBER_FIELD },
  })
  const row: SealedNumberRow = {
    tenant_id: ctx.tenantId,
    subject_id: ctx.subjectId,
    client_id: ctx.clientId,
    envelope: envelope as Uint8Array,
    key_version: 1,
    blind_index: blindIndex,
    registered_by: ctx.actorId,
    registered_at: now,
    request_id: ctx.requestId,
    approved_by: null,
    number_check: input.identityCheck.numberCheck,
    identity_check: input.identityCheck.identityCheck,
    checked_by: input.identityCheck.checkedBy,
    checked_at: new Date(input.identityCheck.checkedAt),
  }
  return { input, blindIndex, dataKey, row, wrapped, kekVersion, now }
}

/** Two registrations of one subject, or of one number in one tenant, never share or overlap a batch. */
export function registrationKeys(item: PreparedRegistration): string[] {
  const ctx = item.input.context
  return [
    `subject:${subjectKey(ctx.tenantId, ctx.subjectId)}`,
    `number:${ctx.tenantId.toLowerCase()}/${Buffer.from(item.blindIndex).toString('base64')}`,
  ]
}

export async function registerBatch(
  deps: RegisterBatchDeps,
  items: readonly PreparedRegistration[],
): Promise<Outcome<BatchedRegistration>[]> {
  let accepted: PreparedRegistration[] = []
  let outcomes: Outcome<BatchedRegistration>[]
  try {
    outcomes = await deps.db.transaction().execute(async (trx) => {
      accepted = []
      const facts = await insertFirstRegistrations(
        trx,
        items.map((item) => ({ row: item.row, wrapped: item.wrapped, kekVersion: item.kekVersion })),
      )
      const results: Outcome<BatchedRegistration>[] = []
      const events: VaultAuditEvent[] = []
      for (const [i, item] of items.entries()) {
        const ctx = item.input.context
        const fact = facts[i] as (typeof facts)[number]
        if (fact.onFile) {
          events.push(auditEntry('MY_NUMBER_REGISTERED', ctx, 'denied'))
          const error = refuse('ALREADY_REGISTERED', 'the subject already has a number on file')
          results.push({ ok: false, error: audited(error) })
        } else if (fact.onFileForAnother) {
          await insertApprovalRequest(trx, {
            id: deps.newId(),
            tenant_id: ctx.tenantId,
            client_id: ctx.clientId,
            subject_id: ctx.subjectId,
            blind_index: item.blindIndex,
            requested_by: ctx.actorId,
            requested_at: item.now,
          })
          events.push(auditEntry('MY_NUMBER_REGISTERED', ctx, 'denied'))
          const error = refuse(
            'DUPLICATE_NEEDS_APPROVAL',
            'the number is on file for another subject of the tenant',
          )
          results.push({ ok: false, error: audited(error) })
        } else if (fact.hadKey) {
          results.push({ ok: true, value: { alone: true } })
        } else {
          accepted.push(item)
          events.push(auditEntry('MY_NUMBER_REGISTERED', ctx, 'success', { at: item.now }))
          results.push({ ok: true, value: { registeredAt: item.now.toISOString() } })
        }
      }
      await deps.audit.recordIn(trx, events)
      return results
    })
  } catch (error) {
    // Another process registered one of these subjects or numbers since the query: each alone.
    if (uniqueViolation(error) !== undefined) return items.map(() => ({ ok: true, value: { alone: true } }))
    throw error
  }
  for (const item of accepted) deps.crypto.rememberDataKey(item.dataKey)
  return outcomes
}
