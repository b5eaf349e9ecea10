import type { Kysely } from 'kysely'
import type { VaultAudit } from '../audit/vault-audit.ts'
import type { TRegisterRequest, TRegisterResponse } from '../contract/index.ts'
import { sealNumber } from '../crypto/envelope.ts'
import type { NumberCrypto } from '../service/number-crypto.ts'
import type { WriteBatcher } from '../service/write-batcher.ts'
import { refuse } from '../service-error.ts'
import { consumeApproval, insertApprovalRequest } from '../store/approvals.repo.ts'
import { insertWrapped, nextVersion } from '../store/data-keys.repo.ts'
import type { VaultDatabase } from '../store/schema.ts'
import { findStatus, insertSealed, isOnFileForAnother } from '../store/sealed-numbers.repo.ts'
import { uniqueViolation } from '../store/unique-violation.ts'
import { auditEntry } from './audit-entry.ts'
import { auditRefusals } from './refusal-audit.ts'
import type { BatchedRegistration, PreparedRegistration } from './register-batch.ts'
import { MY_NUMBER_FIELD, prepareRegistration } from './register-batch.ts'

export type RegisterDeps = {
  db: Kysely<VaultDatabase>
  audit: Pick<VaultAudit, 'recordIn' | 'append'>
  crypto: Pick<
    NumberCrypto,
    'openFromDevice' | 'fromDevice' | 'blindIndex' | 'newDataKey' | 'rememberDataKey'
  >
  /** The write batcher of registrations (register-batch.ts). */
  registrations: Pick<WriteBatcher<PreparedRegistration, BatchedRegistration>, 'submit'>
  now: () => Date
  newId: () => string
}

/**
 * register: puts a subject's number on file. The number arrives only HPKE-sealed on the device of
 * the person entering it, bound to this tenant, subject and purpose; it is opened here, its check
 * digit checked, and it is sealed again at rest under the subject's own data key.
 *
 * A number already on file for another subject of the tenant (the マイナ保険証 mis-linking) is
 * refused with DUPLICATE_NEEDS_APPROVAL and an approval request is opened; a second, different
 * user approves it (approve.ts), and the first user's retry naming that approver goes through.
 * The sealed row keeps the approver; the audit log keeps both acts.
 *
 * A first registration goes through the write batcher (register-batch.ts), committed with the
 * requests that arrived with it; a retry naming an approver, and what a batch hands back, run
 * alone in their own transaction. Either way the response leaves only after the commit of the
 * number and its audit entry.
 */
export async function register(deps: RegisterDeps, input: TRegisterRequest): Promise<TRegisterResponse> {
  const ctx = input.context
  return auditRefusals(deps.audit, 'MY_NUMBER_REGISTERED', ctx, async () => {
    if (input.approvedBy === ctx.actorId) {
      throw refuse('APPROVER_IS_REQUESTER', 'dual control needs a second user', 'approvedBy')
    }
    if (input.approvedBy === undefined) {
      const batched = await deps.registrations.submit(await prepareRegistration(deps, input))
      if (!('alone' in batched)) return batched
    }
    // Dual control and what a batch handed back: opened again here, for a data key of the next version.
    const number = await deps.crypto.openFromDevice(input.sealed, {
      tenantId: ctx.tenantId,
      subjectId: ctx.subjectId,
      purpose: ctx.purpose,
    })
    return registerAlone(deps, input, number, deps.crypto.blindIndex(ctx.tenantId, number))
  })
}

/** One registration in its own transaction: dual control, re-registration, lost races. */
async function registerAlone(
  deps: RegisterDeps,
  input: TRegisterRequest,
  number: string,
  blindIndex: Uint8Array,
): Promise<TRegisterResponse> {
  const ctx = input.context
  const now = deps.now()
  const outcome = await deps.db
    .transaction()
    .execute(async (trx) => {
      if ((await findStatus(trx, ctx.tenantId, ctx.subjectId)) !== undefined) {
        throw refuse('ALREADY_REGISTERED', 'the subject already has a number on file')
      }
      let approvedBy: string | null = null
      if (await isOnFileForAnother(trx, ctx.tenantId, blindIndex, ctx.subjectId)) {
        if (input.approvedBy === undefined) {
          await insertApprovalRequest(trx, {
            id: deps.newId(),
            tenant_id: ctx.tenantId,
            client_id: ctx.clientId,
            subject_id: ctx.subjectId,
            blind_index: blindIndex,
            requested_by: ctx.actorId,
            requested_at: now,
          })
          return 'needs-approval' as const
        }
        const match = {
          tenantId: ctx.tenantId,
          subjectId: ctx.subjectId,
          blindIndex,
          requestedBy: ctx.actorId,
          approvedBy: input.approvedBy,
        }
        if (!(await consumeApproval(trx, match, now))) {
          throw refuse('APPROVAL_NOT_FOUND', 'no approval of this number by that user', 'approvedBy')
        }
        approvedBy = input.approvedBy
      }
      const ref = { tenantId: ctx.tenantId, keyId: ctx.subjectId, version: 0 }
      ref.version = await nextVersion(trx, ctx.tenantId, ctx.subjectId)
      const { dataKey, wrapped, kekVersion } = await deps.crypto.newDataKey(ref)
      await insertWrapped(trx, { ...ref, clientId: ctx.clientId, wrapped, kekVersion })
      await insertSealed(trx, {
        tenant_id: ctx.tenantId,
        subject_id: ctx.subjectId,
        client_id: ctx.clientId,
        envelope: sealNumber(
          dataKey,
          { tenantId: ctx.tenantId, subjectId: ctx.subjectId, field: MY_NUMBER_FIELD },
          number,
        ),
        key_version: ref.version,
        blind_index: blindIndex,
        registered_by: ctx.actorId,
        registered_at: now,
        request_id: ctx.requestId,
        approved_by: approvedBy,
        number_check: input.identityCheck.numberCheck,
        identity_check: input.identityCheck.identityCheck,
        checked_by: input.identityCheck.checkedBy,
        checked_at: new Date(input.identityCheck.checkedAt),
      })
      await deps.audit.recordIn(trx, [auditEntry('MY_NUMBER_REGISTERED', ctx, 'success', { at: now })])
      return dataKey
    })
    .catch((error: unknown) => {
      // Lost a race: the same unapproved number, or the same subject, committed first.
      const constraint = uniqueViolation(error)
      if (constraint === 'vault_sealed_numbers_unapproved_once') {
        throw refuse('DUPLICATE_NEEDS_APPROVAL', 'the same number was registered concurrently')
      }
      if (constraint !== undefined)
        throw refuse('ALREADY_REGISTERED', 'the subject was registered concurrently')
      throw error
    })
  if (outcome === 'needs-approval') {
    throw refuse('DUPLICATE_NEEDS_APPROVAL', 'the number is on file for another subject of the tenant')
  }
  deps.crypto.rememberDataKey(outcome)
  return { registeredAt: now.toISOString() }
}
