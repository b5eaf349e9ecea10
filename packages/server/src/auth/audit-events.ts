/**
 * The closed set of audit entries written by sign-in, sessions, user administration and
 * invitations. Each will be recorded through @mamori/audit in the transaction of the change
 * it describes; entries carry ids and codes only (never a login id, a name or a password).
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
