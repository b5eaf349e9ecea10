/**
 * The server's error body (packages/server/src/http/error-handler.ts) as the page sees it. Every
 * failure the page shows goes through here, so the user always reads a Japanese sentence that says
 * what to do, even when the server could not be reached or answered something unexpected.
 */
export type ApiIssue = { field: string; code: string; message: string }

export type ApiErrorBody = {
  code: string
  message: string
  field?: string
  issues?: ApiIssue[]
  requestId?: string
}

export class ApiError extends Error {
  readonly code: string
  readonly status: number
  readonly field: string | undefined
  readonly issues: readonly ApiIssue[]
  readonly requestId: string | undefined

  constructor(status: number, body: ApiErrorBody) {
    super(body.message)
    this.name = 'ApiError'
    this.status = status
    this.code = body.code
    this.field = body.field
    this.issues = body.issues ?? []
    this.requestId = body.requestId
  }
}

export const NETWORK_ERROR_MESSAGE =
  'サーバーに接続できませんでした。ネットワークとサーバーが動いているかを確認して、もう一度お試しください。'

const UNEXPECTED_MESSAGE =
  'サーバーから予期しない応答がありました。時間をおいてもう一度お試しください。解決しない場合は管理者にお問い合わせください。'

/** The error of a failed response, whatever its body held. */
export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) return new ApiError(status, body)
  return new ApiError(status, {
    code: status === 0 ? 'NETWORK' : 'UNEXPECTED_RESPONSE',
    message: UNEXPECTED_MESSAGE,
  })
}

export function networkError(): ApiError {
  return new ApiError(0, { code: 'NETWORK', message: NETWORK_ERROR_MESSAGE })
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false
  const { code, message, issues } = body as Record<string, unknown>
  return (
    typeof code === 'string' &&
    typeof message === 'string' &&
    (issues === undefined || (Array.isArray(issues) && issues.every(isIssue)))
  )
}

function isIssue(value: unknown): value is ApiIssue {
  if (typeof value !== 'object' || value === null) return false
  const { field, code, message } = value as Record<string, unknown>
  return typeof field === 'string' && typeof code === 'string' && typeof message === 'string'
}

/**
 * Messages per form field (the server's `issues`, else its `field`), and what is left for the
 * form as a whole. `fields` lists the form's own fields: an issue about anything else goes to
 * the top of the form, where the user can still read it.
 */
export function formErrorsOf(
  error: ApiError,
  fields: readonly string[],
): { byField: Record<string, string[]>; general: string | null } {
  const byField: Record<string, string[]> = {}
  const add = (field: string, message: string) => {
    byField[field] = [...(byField[field] ?? []), message]
  }
  let unplaced = false
  if (error.issues.length > 0) {
    for (const issue of error.issues) {
      const field = fields.find((f) => issue.field === f || issue.field.startsWith(`${f}.`))
      if (field === undefined) unplaced = true
      else add(field, issue.message)
    }
  } else if (error.field !== undefined && fields.includes(error.field)) {
    add(error.field, error.message)
  } else {
    unplaced = true
  }
  return { byField, general: unplaced ? error.message : null }
}
