/** The one error class of @mamori/db. Messages never carry a password or a row's data. */
export type DbErrorCode =
  | 'DATABASE_URL_INVALID'
  | 'DATABASE_UNREACHABLE'
  | 'MIGRATION_NAME_INVALID'
  | 'MIGRATION_DUPLICATE_NUMBER'
  | 'MIGRATION_CHECKSUM_MISMATCH'
  | 'MIGRATION_FILE_MISSING'
  | 'MIGRATION_FAILED'

export type DbErrorInit = {
  code: DbErrorCode
  message: string
  messageJa: string
  field?: string
  cause?: unknown
}

export class DbError extends Error {
  readonly code: DbErrorCode
  readonly messageJa: string
  readonly field: string | undefined

  constructor(init: DbErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.name = 'DbError'
    this.code = init.code
    this.messageJa = init.messageJa
    this.field = init.field
  }
}
