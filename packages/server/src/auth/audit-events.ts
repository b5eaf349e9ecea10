import type { AuditEvent } from '@mamori/audit/audit-event.ts'
import { record } from '@mamori/audit/record.ts'
import type { QueryExecutorProvider } from 'kysely'

/**
 * The closed set of audit entries written by sign-in, sessions, user administration and
 * invitations. Each is recorded with `recordAuthEvent` in the transaction of the change it
 * describes; entries carry ids and codes only (never a login id, a name or a password).
 *
 * A sign-in with a login id that does not exist has no office, no user and so no log to go to:
 * the server's own log notes it (without the login id, which may be an e-mail address or a
 * password typed into the wrong field), see auth.routes.ts. An installation-level tenant in the
 * audit log was rejected: every entry's tenant is an office, which the per-office queries and
 * the app role's row-level security on audit_entries rely on.
 */
export type AuthEventType =
  /** Password and TOTP both accepted; a session became active. */
  | 'SIGN_IN_SUCCEEDED'
  /** A wrong password or TOTP code for a known user (unknown login ids have no office to log in). */
  | 'SIGN_IN_FAILED'
  /** Alarm: repeated failures locked the account. Watchers alert on this type. */
  | 'ACCOUNT_LOCKED'
  /** A session ended: sign-out, idle or absolute timeout, user disabled, lock. */
  | 'SESSION_ENDED'
  /** Password and TOTP entered again before a sensitive act. */
  | 'REAUTHENTICATED'
  | 'USER_CREATED'
  | 'ROLE_CHANGED'
  | 'CLIENTS_ASSIGNED'
  | 'USER_DISABLED'
  /** An invitation link was issued (for a new user, or again for one not yet active). */
  | 'INVITATION_CREATED'
  /** The invited user chose a password and confirmed TOTP: the account is active. */
  | 'INVITATION_ACCEPTED'

export type AuthEvent = AuditEvent<AuthEventType>

/** In the caller's transaction (a withTenant one): the entry commits with the change or not at all. */
export async function recordAuthEvent(trx: QueryExecutorProvider, event: AuthEvent): Promise<void> {
  await record(trx, event)
}
