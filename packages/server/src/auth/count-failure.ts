import type { Kysely } from 'kysely'
import type { ServerTables } from '../db/tables.ts'
import { recordFailedAttempt } from '../users/users.repo.ts'
import { recordAuthEvent } from './audit-events.ts'
import type { AuthDeps } from './auth-deps.ts'
import { LOCK_AFTER_FAILURES, LOCK_DURATION_MS } from './auth-deps.ts'
import { endUserSessions } from './sessions.repo.ts'

/**
 * One failed password or TOTP attempt of a known user, in the caller's transaction: counted,
 * audited, and at the limit the account locks, its sessions end and an ACCOUNT_LOCKED alarm
 * entry is written. The caller commits the transaction before refusing the request.
 */
export async function countFailure(
  trx: Kysely<ServerTables>,
  deps: Pick<AuthDeps, 'now'>,
  user: { id: string; officeId: string },
  requestId: string,
): Promise<void> {
  const at = deps.now()
  const lockUntil = new Date(at.getTime() + LOCK_DURATION_MS)
  const { locked } = await recordFailedAttempt(trx, user.officeId, user.id, LOCK_AFTER_FAILURES, lockUntil)
  const base = { tenantId: user.officeId, actorId: user.id, requestId, at: at.getTime() }
  await recordAuthEvent(trx, { ...base, type: 'SIGN_IN_FAILED', operation: 'sign_in', result: 'failure' })
  if (!locked) return
  await endUserSessions(trx, user.officeId, user.id, 'locked', at)
  await recordAuthEvent(trx, { ...base, type: 'ACCOUNT_LOCKED', operation: 'sign_in', result: 'denied' })
}

export function isLocked(user: { lockedUntil: Date | null }, at: Date): boolean {
  return user.lockedUntil !== null && user.lockedUntil.getTime() > at.getTime()
}
