import { withTenant } from '../tenancy/with-tenant.ts'
import { clearFailedAttempts, findUserForAuth, useTotpStep } from '../users/users.repo.ts'
import { recordAuthEvent } from './audit-events.ts'
import type { AuthDeps } from './auth-deps.ts'
import { signInFailed } from './auth-errors.ts'
import { countFailure, isLocked } from './count-failure.ts'
import { verifyPassword } from './password.ts'
import type { CurrentSession } from './resolve-session.ts'
import { markReauthenticated } from './sessions.repo.ts'
import { acceptTotp } from './totp.ts'

/**
 * Password and TOTP again, for the sensitive acts (`reauth: true`): someone who finds a session
 * left open on a shared terminal still cannot reveal, merge, export or administer users. Wrong
 * answers count toward the lock like sign-in failures; the lock ends this session too.
 */
export async function reauthenticate(
  deps: AuthDeps,
  session: CurrentSession,
  input: { password: string; code: string; requestId: string },
): Promise<void> {
  const user = await withTenant(deps.db, session.officeId, (trx) =>
    findUserForAuth(trx, session.officeId, session.userId),
  )
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password)
  if (user === null) throw signInFailed()
  const at = deps.now()
  const ok = await withTenant(deps.db, user.officeId, async (trx) => {
    if (isLocked(user, at) || user.disabledAt !== null || user.totpSecret === null) return false
    const step = passwordOk
      ? acceptTotp({
          secret: user.totpSecret,
          code: input.code,
          nowMs: at.getTime(),
          lastStep: user.totpLastStep,
        })
      : null
    if (step === null || !(await useTotpStep(trx, user.officeId, user.id, step))) {
      await countFailure(trx, deps, user, input.requestId)
      return false
    }
    await clearFailedAttempts(trx, user.officeId, user.id)
    await markReauthenticated(trx, user.officeId, session.id, at)
    await recordAuthEvent(trx, {
      type: 'REAUTHENTICATED',
      tenantId: user.officeId,
      actorId: user.id,
      operation: 'sign_in',
      result: 'success',
      requestId: input.requestId,
      at: at.getTime(),
    })
    return true
  })
  if (!ok) throw signInFailed()
}
