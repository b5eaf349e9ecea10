/** The CLI's own errors; errors of other packages pass through with their own codes. */
export type CliErrorCode =
  | 'CLI_UNKNOWN_COMMAND'
  | 'CLI_UNKNOWN_OPTION'
  | 'CLI_INVALID_ARGUMENT'
  | 'CLI_MISSING_ARGUMENT'
  | 'CLI_UNEXPECTED_ARGUMENT'
  | 'DOCTOR_PROBLEMS_FOUND'
  /** The vault process exited before it was ready (`mamori start`). */
  | 'VAULT_START_FAILED'
  /** The vault process exited while Mamori was running. */
  | 'VAULT_STOPPED'
  /** An import committed its people, but the vault refused some of their My Numbers. */
  | 'IMPORT_NUMBERS_REFUSED'

export class CliError extends Error {
  readonly code: CliErrorCode
  readonly messageJa: string
  readonly field: string | undefined
  /** 2 for a mistake in how the command was called, 1 for anything else. */
  readonly exitCode: 1 | 2

  constructor(init: {
    code: CliErrorCode
    message: string
    messageJa: string
    field?: string
    exitCode: 1 | 2
  }) {
    super(init.message)
    this.name = 'CliError'
    this.code = init.code
    this.messageJa = init.messageJa
    this.field = init.field
    this.exitCode = init.exitCode
  }
}

export type Failure = { code: string; messageJa: string; field: string | undefined; exitCode: 1 | 2 }

/**
 * Every package's error class carries `code` and `messageJa`; anything else is unexpected and
 * reported without its message, which could hold data.
 */
export function toFailure(error: unknown): Failure {
  if (error instanceof CliError)
    return { code: error.code, messageJa: error.messageJa, field: error.field, exitCode: error.exitCode }
  if (isCodedError(error))
    return { code: error.code, messageJa: error.messageJa, field: error.field, exitCode: 1 }
  return {
    code: 'INTERNAL',
    messageJa:
      '予期しないエラーが発生しました。MAMORI_LOG_LEVEL=debug で再実行し、ログを管理者に伝えてください。',
    field: undefined,
    exitCode: 1,
  }
}

function isCodedError(error: unknown): error is { code: string; messageJa: string; field?: string } {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { messageJa?: unknown }).messageJa === 'string'
  )
}
