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
  /** Clients and people: not in this office, or not in what the actor may see (never told apart). */
  | 'CLIENT_NOT_FOUND'
  | 'EMPLOYEE_NOT_FOUND'
  | 'DEPENDENT_NOT_FOUND'
  | 'CLIENT_ARCHIVED'
  | 'EMPLOYEE_NUMBER_TAKEN'
  /** A new employee version must start after the one in force last, within the employment. */
  | 'VERSION_DATE_CONFLICT'
  | 'EMPLOYEE_ALREADY_LEFT'
  /** Payroll (payroll/): a run or payslip not in this client, or not visible (never told apart). */
  | 'PAYROLL_RUN_NOT_FOUND'
  | 'PAYSLIP_NOT_FOUND'
  /** Payroll cannot be calculated until the client, an employee or a month's inputs are set up. */
  | 'PAYROLL_SETUP_INCOMPLETE'
  | 'PAYROLL_INPUT_MISSING'
  /** Another user is calculating the same client and month right now. */
  | 'PAYROLL_RUN_IN_PROGRESS'
  /** An approved run is frozen: only a correction (a new version) changes it. */
  | 'PAYROLL_RUN_FROZEN'
  /** The request names a version that is not the run's latest, or a state the run is not in. */
  | 'PAYROLL_RUN_STATE_CONFLICT'
  /** The statutory calculation refused an input (packages/rules RulesError), e.g. a date without tables. */
  | 'PAYROLL_CALCULATION_REFUSED'
  /** My Number relay (my-number/): the vault cannot be reached, or refused (vault-errors.ts). */
  | 'VAULT_UNAVAILABLE'
  | 'MY_NUMBER_SEAL_INVALID'
  | 'MY_NUMBER_CHECK_DIGIT'
  | 'MY_NUMBER_ALREADY_REGISTERED'
  | 'MY_NUMBER_DUPLICATE_NEEDS_APPROVAL'
  | 'MY_NUMBER_APPROVAL_NOT_FOUND'
  | 'MY_NUMBER_APPROVER_IS_REQUESTER'
  | 'MY_NUMBER_NOT_REGISTERED'
  | 'MY_NUMBER_RATE_LIMITED'
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
