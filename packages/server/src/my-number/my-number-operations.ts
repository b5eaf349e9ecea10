import type { TCallContext } from '@mamori/vault/contract'
import type { VaultClient } from '@mamori/vault-client'
import type { Kysely, Transaction } from 'kysely'
import type { ServerTables } from '../db/tables.ts'
import type { OperationContext } from '../people/operation-context.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import type { MyNumberAuditType } from './audit-events.ts'
import { auditMyNumber } from './audit-events.ts'
import type { MyNumberStatus } from './my-number.schema.ts'
import type { MyNumberSubject, SubjectRef } from './my-number-subject.ts'
import { resolveSubject } from './my-number-subject.ts'
import type { VaultAccess } from './vault-connection.ts'
import { vaultUnavailable } from './vault-connection.ts'
import { fromVaultError, isVaultRefusal } from './vault-errors.ts'

export type MyNumberDeps = {
  db: Kysely<ServerTables>
  vault: VaultAccess | undefined
  now: () => Date
}

type Purpose = TCallContext['purpose']

/** Status reads name no particular filing: the broadest 個人番号関係事務 the office does for everyone. */
export const DEFAULT_STATUS_PURPOSE: Purpose = 'SOCIAL_INSURANCE_FILING'

export type RegisterInput = {
  purpose: Purpose
  sealed: { keyId: string; enc: string; ciphertext: string }
  identityCheck: { numberCheck: string; identityCheck: string }
  approvedBy?: string
}

function callContext(ctx: OperationContext, subject: MyNumberSubject, purpose: Purpose): TCallContext {
  return {
    actorId: ctx.actor.userId,
    tenantId: ctx.actor.officeId,
    clientId: subject.clientId,
    subjectId: subject.subjectId,
    purpose,
    requestId: ctx.requestId,
  }
}

async function vaultOf(deps: MyNumberDeps): Promise<VaultClient> {
  if (deps.vault === undefined) throw vaultUnavailable()
  return deps.vault.client()
}

/**
 * One relayed vault call: resolve the subject within the tenant (RLS and the actor's reach), call
 * the vault with no database transaction open, then record the outcome — the status mirror and the
 * audit entry in one transaction on success, a `denied` or `failure` entry otherwise.
 */
async function relay<T>(
  deps: MyNumberDeps,
  ctx: OperationContext,
  ref: SubjectRef,
  audit: { type: MyNumberAuditType; operation: 'read' | 'create' | 'update'; purpose: Purpose },
  call: (vault: VaultClient, subject: MyNumberSubject) => Promise<T>,
  onSuccess?: (trx: Transaction<ServerTables>, subject: MyNumberSubject, result: T) => Promise<void>,
): Promise<T> {
  const subject = await withTenant(deps.db, ctx.actor.officeId, (trx) => resolveSubject(trx, ctx, ref))
  let result: T
  try {
    result = await call(await vaultOf(deps), subject)
  } catch (error) {
    await withTenant(deps.db, ctx.actor.officeId, (trx) =>
      auditMyNumber(trx, ctx, subject, { ...audit, result: isVaultRefusal(error) ? 'denied' : 'failure' }),
    )
    throw fromVaultError(error)
  }
  await withTenant(deps.db, ctx.actor.officeId, async (trx) => {
    await onSuccess?.(trx, subject, result)
    await auditMyNumber(trx, ctx, subject, { ...audit, result: 'success' })
  })
  return result
}

/** The server's mirror of the vault's answer, so lists show a status without asking the vault. */
async function mirrorStatus(
  trx: Transaction<ServerTables>,
  officeId: string,
  subject: MyNumberSubject,
  status: 'registered' | 'refused',
): Promise<void> {
  const key =
    subject.dependentId === null
      ? { employee_id: subject.employeeId, dependent_id: null }
      : { employee_id: null, dependent_id: subject.dependentId }
  await trx
    .deleteFrom('my_number_statuses')
    .where('office_id', '=', officeId)
    .where(subject.dependentId === null ? 'employee_id' : 'dependent_id', '=', subject.subjectId)
    .execute()
  await trx
    .insertInto('my_number_statuses')
    .values({ office_id: officeId, ...key, status, identity_verified: status === 'registered' })
    .execute()
}

export async function registerMyNumber(
  deps: MyNumberDeps,
  ctx: OperationContext,
  ref: SubjectRef,
  input: RegisterInput,
): Promise<{ registeredAt: string }> {
  return relay(
    deps,
    ctx,
    ref,
    { type: 'MY_NUMBER_REGISTRATION_RELAYED', operation: 'create', purpose: input.purpose },
    (vault, subject) =>
      vault.register({
        context: callContext(ctx, subject, input.purpose),
        sealed: input.sealed,
        identityCheck: {
          numberCheck: input.identityCheck.numberCheck as never,
          identityCheck: input.identityCheck.identityCheck as never,
          checkedBy: ctx.actor.userId,
          checkedAt: deps.now().toISOString(),
        },
        ...(input.approvedBy === undefined ? {} : { approvedBy: input.approvedBy }),
      }),
    (trx, subject) => mirrorStatus(trx, ctx.actor.officeId, subject, 'registered'),
  )
}

export async function myNumberStatus(
  deps: MyNumberDeps,
  ctx: OperationContext,
  ref: SubjectRef,
  purpose: Purpose = DEFAULT_STATUS_PURPOSE,
): Promise<MyNumberStatus> {
  let subjectId = ''
  const status = await relay(
    deps,
    ctx,
    ref,
    { type: 'MY_NUMBER_STATUS_VIEWED', operation: 'read', purpose },
    (vault, subject) => {
      subjectId = subject.subjectId
      return vault.status({ context: callContext(ctx, subject, purpose) })
    },
  )
  return {
    subjectId,
    registered: status.registered,
    registeredAt: status.registeredAt,
    identityCheck:
      status.identityCheck === null
        ? null
        : {
            numberCheck: status.identityCheck.numberCheck,
            identityCheck: status.identityCheck.identityCheck,
            checkedAt: status.identityCheck.checkedAt,
          },
    refusal: status.refusal,
  }
}

export async function recordRefusal(
  deps: MyNumberDeps,
  ctx: OperationContext,
  ref: SubjectRef,
  input: {
    requestedAt: string
    method: 'IN_PERSON' | 'MAIL' | 'EMAIL' | 'ONLINE' | 'PHONE'
    answer: 'REFUSED' | 'NOT_SUPPLIED' | 'WILL_SUPPLY_LATER'
  },
): Promise<{ recordedAt: string }> {
  return relay(
    deps,
    ctx,
    ref,
    { type: 'MY_NUMBER_REFUSAL_RECORDED', operation: 'create', purpose: DEFAULT_STATUS_PURPOSE },
    (vault, subject) =>
      vault.refusal({ context: callContext(ctx, subject, DEFAULT_STATUS_PURPOSE), ...input }),
    (trx, subject) => mirrorStatus(trx, ctx.actor.officeId, subject, 'refused'),
  )
}

/** Dual control: a second user approves registering a number already on file for someone else. */
export async function approveRegistration(
  deps: MyNumberDeps,
  ctx: OperationContext,
  ref: SubjectRef,
  purpose: Purpose = DEFAULT_STATUS_PURPOSE,
): Promise<{ approvedAt: string }> {
  const approved = await relay(
    deps,
    ctx,
    ref,
    { type: 'MY_NUMBER_REGISTRATION_APPROVED', operation: 'update', purpose },
    (vault, subject) => vault.approve({ context: callContext(ctx, subject, purpose) }),
  )
  return { approvedAt: approved.approvedAt }
}

/**
 * A reveal to a human: the vault seals the number to the page's one-time key, so it is plaintext
 * only in that page. The server passes the session's re-authentication time; the vault checks it.
 */
export async function revealMyNumber(
  deps: MyNumberDeps,
  ctx: OperationContext,
  ref: SubjectRef,
  input: { reason: string; recipientPublicKey: string; reauthenticatedAt: Date | null },
) {
  const revealed = await relay(
    deps,
    ctx,
    ref,
    { type: 'MY_NUMBER_REVEALED', operation: 'read', purpose: DEFAULT_STATUS_PURPOSE },
    (vault, subject) =>
      vault.reveal({
        context: callContext(ctx, subject, DEFAULT_STATUS_PURPOSE),
        viewer: ref.kind === 'self' ? 'SELF' : 'OFFICE_ADMIN',
        reason: input.reason,
        // No re-authentication on the session: the epoch, which the vault refuses as too old.
        reauthenticatedAt: (input.reauthenticatedAt ?? new Date(0)).toISOString(),
        recipientPublicKey: input.recipientPublicKey,
      }),
  )
  return { ...revealed, requestId: ctx.requestId }
}

export async function vaultPublicKey(deps: MyNumberDeps): Promise<{ keyId: string; publicKey: string }> {
  try {
    const key = await (await vaultOf(deps)).publicKey()
    return { keyId: key.keyId, publicKey: key.publicKey }
  } catch (error) {
    throw fromVaultError(error)
  }
}
