import type { Actor } from '../access/access.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { recordAuthEvent } from './audit-events.ts'
import type { AuthDeps } from './auth-deps.ts'
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, SIGN_IN_STEP_TIMEOUT_MS } from './auth-deps.ts'
import type { SessionEndReason, SessionStage } from './auth-tables.ts'
import type { SessionRow } from './sessions.repo.ts'
import { endSession, findOpenSession, touchSession } from './sessions.repo.ts'
import { hashTokenSecret, parseOfficeToken } from './tokens.ts'

/** The session a request carries, once its token has been found open and in time. */
export type CurrentSession = {
  id: string
  officeId: string
  userId: string
  stage: SessionStage
  /** The random part of the cookie's token; the CSRF token is derived from it. */
  tokenSecret: string
  reauthenticatedAt: Date | null
}

export type ResolvedSession = {
  session: CurrentSession
  actor: Actor | null
  /** Whether the client named in the call belongs to the session's office; null when none was named. */
  clientInOffice: boolean | null
}

/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60_000

/**
 * Finds the open session of a cookie token and checks its clocks. An expired session is ended
 * (with its SESSION_ENDED entry) and treated as none; an active one yields the actor.
 * Attacker-controlled `token`: a malformed one is simply no session. `clientId` (a UUID) is the
 * client a route names, looked up in the same query for the access check.
 */
export async function resolveSession(
  deps: AuthDeps,
  token: string,
  requestId: string,
  clientId?: string,
): Promise<ResolvedSession | null> {
  const parsed = parseOfficeToken(token)
  if (parsed === null) return null
  const at = deps.now()
  return withTenant(
    deps.db,
    parsed.officeId,
    async (trx) => {
      const row = await findOpenSession(trx, parsed.officeId, hashTokenSecret(parsed.secret), clientId)
      if (row === null) return null
      const expiry = expiryReason(row, at)
      if (expiry !== null) {
        await endSession(trx, row.officeId, row.id, expiry, at)
        await recordAuthEvent(trx, {
          type: 'SESSION_ENDED',
          tenantId: row.officeId,
          actorId: row.userId,
          operation: 'sign_in',
          result: 'success',
          requestId,
          at: at.getTime(),
        })
        return null
      }
      if (at.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
        await touchSession(trx, row.officeId, row.id, at)
      }
      const session: CurrentSession = {
        id: row.id,
        officeId: row.officeId,
        userId: row.userId,
        stage: row.stage,
        tokenSecret: parsed.secret,
        reauthenticatedAt: row.reauthenticatedAt,
      }
      const clientInOffice = row.clientInOffice
      if (row.stage !== 'active') return { session, actor: null, clientInOffice }
      const clientIds = row.role === 'office_staff' || row.role === 'client_hr' ? row.clientIds : []
      const actor: Actor = {
        userId: row.userId,
        officeId: row.officeId,
        role: row.role,
        clientIds,
        ...(row.personId === null ? {} : { personId: row.personId }),
      }
      return { session, actor, clientInOffice }
    },
    // Lookups by unique keys, the same plan whatever the token: no planning per request.
    { genericPlans: true },
  )
}

function expiryReason(row: SessionRow, at: Date): SessionEndReason | null {
  const now = at.getTime()
  if (row.userDisabled) return 'user_disabled'
  if (row.stage !== 'active') {
    return now - row.createdAt.getTime() >= SIGN_IN_STEP_TIMEOUT_MS ? 'stage_timeout' : null
  }
  if (now - (row.authenticatedAt ?? row.createdAt).getTime() >= ABSOLUTE_TIMEOUT_MS) return 'absolute_timeout'
  if (now - row.lastSeenAt.getTime() >= IDLE_TIMEOUT_MS) return 'idle_timeout'
  return null
}
