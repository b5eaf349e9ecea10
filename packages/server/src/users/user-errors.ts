import { ServerError } from '../errors.ts'

export function loginIdTaken(): ServerError {
  return new ServerError({
    code: 'LOGIN_ID_TAKEN',
    message: 'login id already in use',
    messageJa: 'このログインIDは既に使われています。別のログインIDを指定してください。',
    field: 'loginId',
  })
}

export function userStateConflict(messageJa: string, field?: string): ServerError {
  return new ServerError({
    code: 'USER_STATE_CONFLICT',
    message: 'the user is not in a state that allows this change',
    messageJa,
    ...(field === undefined ? {} : { field }),
  })
}

export function requestInvalid(field: string, messageJa: string): ServerError {
  return new ServerError({ code: 'REQUEST_INVALID', message: `invalid ${field}`, messageJa, field })
}

/** PostgreSQL unique_violation, as both drivers (pg and PGlite) report it. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
}
