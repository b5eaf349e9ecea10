import { withTenant } from '../tenancy/with-tenant.ts'
import { recordAuthEvent } from './audit-events.ts'
import type { AuthDeps } from './auth-deps.ts'
import type { CurrentSession } from './resolve-session.ts'
import { endSession } from './sessions.repo.ts'

/** Ends the session on the server; the cookie alone is worth nothing afterwards. */
export async function signOut(deps: AuthDeps, session: CurrentSession, requestId: string): Promise<void> {
  const at = deps.now()
  await withTenant(deps.db, session.officeId, async (trx) => {
    await endSession(trx, session.officeId, session.id, 'sign_out', at)
    await recordAuthEvent(trx, {
      type: 'SESSION_ENDED',
      tenantId: session.officeId,
      actorId: session.userId,
      operation: 'sign_in',
      result: 'success',
      requestId,
      at: at.getTime(),
    })
  })
}
