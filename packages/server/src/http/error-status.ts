import type { ServerErrorCode } from '../errors.ts'

/** The one map from error code to HTTP status. A code missing here is a type error. */
export const ERROR_STATUS: Readonly<Record<ServerErrorCode, number>> = {
  REQUEST_INVALID: 400,
  PASSWORD_REJECTED: 400,
  UNAUTHENTICATED: 401,
  SIGN_IN_FAILED: 401,
  TOTP_INVALID: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  REAUTH_REQUIRED: 403,
  INVITATION_INVALID: 410,
  LOGIN_ID_TAKEN: 409,
  USER_STATE_CONFLICT: 409,
  TENANT_INVALID: 403,
  NOT_FOUND: 404,
  CONFIG_INVALID: 500,
  DATA_DIR_IN_USE: 500,
  PORT_IN_USE: 500,
  KEY_FILE_UNSAFE: 500,
  INTERNAL: 500,
}
