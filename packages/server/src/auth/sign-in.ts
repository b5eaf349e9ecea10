import type { FastifyBaseLogger } from 'fastify'
import { withTenant } from '../tenancy/with-tenant.ts'
import { findLoginOffice, findUserForAuth } from '../users/users.repo.ts'
import { recordAuthEvent } from './audit-events.ts'
import type { AuthDeps } from './auth-deps.ts'
import { signInFailed } from './auth-errors.ts'
import { countFailure, isLocked } from './count-failure.ts'
import { LOGIN_ID_PATTERN, normaliseLoginId } from './login-id.ts'
import { verifyPassword } from './password.ts'
import { insertSession } from './sessions.repo.ts'
import { newOfficeToken } from './tokens.ts'

export type IssuedSession = { token: string }

/**
 * Step 1 of sign-in: the password. On success a session in stage `totp_required` is issued (a new
 * token, never one the client brought, so a planted session id is useless). Every failure looks
 * and takes the same: unknown login ids are verified against a dummy hash; locked, disabled and
 * not-yet-activated accounts are refused after the hash is checked, with the same error.
 * Failures of a known user are audit entries of their office; an unknown login id has no office,
 * so it goes to the server's log only (audit-events.ts says why), without the login id.
 */
export async function signInWithPassword(
  deps: AuthDeps,
  input: { loginId: string; password: string; requestId: string; log: Pick<FastifyBaseLogger, 'warn'> },
): Promise<IssuedSession> {
  const loginId = normaliseLoginId(input.loginId)
  const found = LOGIN_ID_PATTERN.test(loginId) ? await findLoginOffice(deps.db, loginId) : null
  if (found === null) {
    await verifyPassword(null, input.password)
    input.log.warn({ event: 'SIGN_IN_UNKNOWN_LOGIN_ID' }, 'sign-in refused: no such login id')
    throw signInFailed()
  }
  const user = await withTenant(deps.db, found.officeId, (trx) =>
    findUserForAuth(trx, found.officeId, found.userId),
  )
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password)
  if (user === null) throw signInFailed()
  const at = deps.now()
  const usable = user.activatedAt !== null && user.disabledAt === null && !isLocked(user, at)
  const issued = await withTenant(deps.db, user.officeId, async (trx) => {
    if (!usable) {
      // Locked, disabled or not yet activated: refused whatever the password, and on record.
      await recordAuthEvent(trx, {
        type: 'SIGN_IN_FAILED',
        tenantId: user.officeId,
        actorId: user.id,
        operation: 'sign_in',
        result: 'denied',
        requestId: input.requestId,
        at: at.getTime(),
      })
      return null
    }
    if (!passwordOk) {
      await countFailure(trx, deps, user, input.requestId)
      return null
    }
    const { token, hash } = newOfficeToken(user.officeId)
    await insertSession(trx, user.officeId, { userId: user.id, tokenHash: hash, stage: 'totp_required', at })
    return { token }
  })
  if (issued === null) throw signInFailed()
  return issued
}
