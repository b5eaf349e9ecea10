import type { Kysely } from 'kysely'
import type { ServerTables } from '../db/tables.ts'

/** What sign-in, sessions and invitations need from outside: the database, the key, a clock. */
export type AuthDeps = {
  db: Kysely<ServerTables>
  /** The installation's session key (data/keys/session.key): signs cookies, derives CSRF tokens. */
  sessionKey: Uint8Array
  now: () => Date
}

/** 5 failures in a row lock the account for 15 minutes (and raise an ACCOUNT_LOCKED alarm). */
export const LOCK_AFTER_FAILURES = 5
export const LOCK_DURATION_MS = 15 * 60_000
/** A session unused for 30 minutes ends; any session ends 12 hours after sign-in. */
export const IDLE_TIMEOUT_MS = 30 * 60_000
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000
/** The time allowed between the password and the TOTP step (or TOTP enrolment). */
export const SIGN_IN_STEP_TIMEOUT_MS = 5 * 60_000
/** A sensitive act (`reauth: true`) needs password + TOTP within this long. */
export const REAUTH_WINDOW_MS = 5 * 60_000
/** An invitation link works once, for this long. */
export const INVITATION_LIFETIME_MS = 72 * 60 * 60_000
