import type { Kysely } from 'kysely'
import type { ServerTables } from '../db/tables.ts'
import { acceptOpenInvitation } from '../invitations/invitations.repo.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import type { UserAuthRow } from '../users/users.repo.ts'
import { activateUser, clearFailedAttempts, findUserForAuth, useTotpStep } from '../users/users.repo.ts'
import { recordAuthEvent } from './audit-events.ts'
import type { AuthDeps } from './auth-deps.ts'
import { invitationInvalid, signInFailed, totpInvalid } from './auth-errors.ts'
import { countFailure, isLocked } from './count-failure.ts'
import type { CurrentSession } from './resolve-session.ts'
import { advanceSession } from './sessions.repo.ts'
import type { IssuedSession } from './sign-in.ts'
import { newOfficeToken } from './tokens.ts'
import { acceptTotp } from './totp.ts'

/**
 * Step 2 of sign-in (stage `totp_required`), or the end of an invitation (stage
 * `totp_enrolment`: the first code confirms the new secret, activates the account and uses up the
 * invitation). Either way the session becomes active under a new token. A wrong code counts as a
 * failed attempt toward the lock.
 */
export async function completeSignIn(
  deps: AuthDeps,
  session: CurrentSession,
  input: { code: string; requestId: string },
): Promise<IssuedSession> {
  const at = deps.now()
  const outcome = await withTenant(deps.db, session.officeId, async (trx) => {
    const user = await findUserForAuth(trx, session.officeId, session.userId)
    if (user === null || user.disabledAt !== null || isLocked(user, at) || user.totpSecret === null) {
      return 'refused' as const
    }
    const step = acceptTotp({
      secret: user.totpSecret,
      code: input.code,
      nowMs: at.getTime(),
      lastStep: user.totpLastStep,
    })
    if (step === null || !(await useTotpStep(trx, user.officeId, user.id, step))) {
      await countFailure(trx, deps, user, input.requestId)
      return 'wrong_code' as const
    }
    if (session.stage === 'totp_enrolment' && !(await finishInvitation(trx, user, at, input.requestId))) {
      return 'invitation_gone' as const
    }
    await clearFailedAttempts(trx, user.officeId, user.id)
    const { token, hash } = newOfficeToken(user.officeId)
    await advanceSession(trx, user.officeId, session.id, { tokenHash: hash, stage: 'active', at })
    await recordAuthEvent(trx, {
      type: 'SIGN_IN_SUCCEEDED',
      tenantId: user.officeId,
      actorId: user.id,
      operation: 'sign_in',
      result: 'success',
      requestId: input.requestId,
      at: at.getTime(),
    })
    return { token }
  })
  if (outcome === 'refused') throw signInFailed()
  if (outcome === 'wrong_code') throw totpInvalid()
  if (outcome === 'invitation_gone') throw invitationInvalid()
  return outcome
}

async function finishInvitation(
  trx: Kysely<ServerTables>,
  user: UserAuthRow,
  at: Date,
  requestId: string,
): Promise<boolean> {
  if (!(await acceptOpenInvitation(trx, user.officeId, user.id, at))) return false
  await activateUser(trx, user.officeId, user.id, at)
  await recordAuthEvent(trx, {
    type: 'INVITATION_ACCEPTED',
    tenantId: user.officeId,
    actorId: user.id,
    operation: 'update',
    result: 'success',
    requestId,
    at: at.getTime(),
    ...(user.personId === null ? {} : { subjectId: user.personId }),
  })
  return true
}
