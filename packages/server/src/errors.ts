/**
 * The one error class of the server. Operations throw it with a stable code; the HTTP layer maps
 * codes to statuses in one table (http/error-status.ts). Messages never carry personal data.
 */
export type ServerErrorCode =
  | 'CONFIG_INVALID'
  | 'DATA_DIR_IN_USE'
  | 'KEY_FILE_UNSAFE'
  | 'PORT_IN_USE'
  | 'NOT_FOUND'
  | 'REQUEST_INVALID'
  /** An office id that is not one: a forged or corrupted session. */
  | 'TENANT_INVALID'
  /** No active session: signed out, expired, or never signed in. */
  | 'UNAUTHENTICATED'
  /** Wrong login id, password or account state; one code so that none of them can be told apart. */
  | 'SIGN_IN_FAILED'
  | 'TOTP_INVALID'
  /** Signed in, but the role or assignment does not cover this route or client. */
  | 'FORBIDDEN'
  | 'CSRF_INVALID'
  /** A sensitive act needs password + TOTP again (access config `reauth: true`). */
  | 'REAUTH_REQUIRED'
  | 'PASSWORD_REJECTED'
  /** Unknown, used, revoked or expired invitation: not told apart. */
  | 'INVITATION_INVALID'
  | 'LOGIN_ID_TAKEN'
  | 'USER_STATE_CONFLICT'
  | 'INTERNAL'

export type ServerErrorInit = {
  code: ServerErrorCode
  message: string
  messageJa: string
  field?: string
  cause?: unknown
}

export class ServerError extends Error {
  readonly code: ServerErrorCode
  readonly messageJa: string
  readonly field: string | undefined

  constructor(init: ServerErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.name = 'ServerError'
    this.code = init.code
    this.messageJa = init.messageJa
    this.field = init.field
  }
}
