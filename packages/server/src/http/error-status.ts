import type { ServerErrorCode } from '../errors.ts'

/** The one map from error code to HTTP status. A code missing here is a type error. */
export const ERROR_STATUS: Readonly<Record<ServerErrorCode, number>> = {
  REQUEST_INVALID: 400,
  TENANT_INVALID: 403,
  NOT_FOUND: 404,
  CONFIG_INVALID: 500,
  DATA_DIR_IN_USE: 500,
  PORT_IN_USE: 500,
  KEY_FILE_UNSAFE: 500,
  INTERNAL: 500,
}
