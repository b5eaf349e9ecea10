import type { FastifyError, FastifyInstance } from 'fastify'
import { ServerError } from '../errors.ts'
import type { ValidationIssue } from '../openapi/zod-compilers.ts'
import { sendWebPage } from '../web/web-page.routes.ts'
import type { WebPage } from '../web/web-page.ts'
import { isPagePath } from '../web/web-page.ts'
import { ERROR_STATUS } from './error-status.ts'

export type ErrorBody = {
  code: string
  message: string
  field?: string
  /** Every problem of a rejected request, each naming its field (path joined by '.') in Japanese. */
  issues?: ValidationIssue[]
  requestId: string
}

/**
 * Turns every thrown error into `{ code, message (Japanese), field?, requestId }`. Unknown errors
 * become INTERNAL with no detail in the response: the log keeps the stack, keyed by request id.
 */
export function registerErrorHandler(app: FastifyInstance, options: { page: WebPage | null }): void {
  app.setErrorHandler((error: FastifyError | ServerError | Error, request, reply) => {
    const body = toErrorBody(error, request.id)
    const status = error instanceof ServerError ? ERROR_STATUS[error.code] : validationStatus(error)
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    void reply.status(status).send(body)
  })
  app.setNotFoundHandler((request, reply) => {
    // The page routes in the browser: a reload of /clients/… gets the page, an API path a JSON 404.
    if (options.page !== null && isPagePath(request.method, request.url, request.headers.accept)) {
      return sendWebPage(reply, options.page)
    }
    return reply.status(404).send({
      code: 'NOT_FOUND',
      message: 'お探しのページは見つかりません。URL を確認してください。',
      requestId: request.id,
    } satisfies ErrorBody)
  })
}

function toErrorBody(error: Error, requestId: string): ErrorBody {
  if (error instanceof ServerError) {
    return error.field === undefined
      ? { code: error.code, message: error.messageJa, requestId }
      : { code: error.code, message: error.messageJa, field: error.field, requestId }
  }
  if (hasIssues(error)) {
    const first = error.issues[0]
    const message = `入力内容に誤りがあります。${first === undefined ? '' : `${first.field === '' ? '' : `${first.field}: `}${first.message}`}`
    return first === undefined || first.field === ''
      ? { code: 'REQUEST_INVALID', message, issues: error.issues, requestId }
      : { code: 'REQUEST_INVALID', message, field: first.field, issues: error.issues, requestId }
  }
  if (isClientError(error)) {
    return {
      code: 'REQUEST_INVALID',
      message: '送信された内容を読み取れませんでした。形式を確認してもう一度送信してください。',
      requestId,
    }
  }
  if (isValidationError(error)) {
    const field = error.validation?.[0]?.instancePath.replace(/^\//, '').replaceAll('/', '.') || undefined
    const message = `入力内容に誤りがあります${field === undefined ? '' : ` (${field})`}。内容を確認してもう一度送信してください。`
    return field === undefined
      ? { code: 'REQUEST_INVALID', message, requestId }
      : { code: 'REQUEST_INVALID', message, field, requestId }
  }
  return {
    code: 'INTERNAL',
    message:
      '処理中に問題が発生しました。時間をおいて再度お試しください。解決しない場合は管理者に受付番号をお伝えください。',
    requestId,
  }
}

function isValidationError(error: Error): error is FastifyError {
  return 'validation' in error && Array.isArray((error as FastifyError).validation)
}

/** Schema validation by the zod compiler (openapi/zod-compilers.ts). */
function hasIssues(error: Error): error is Error & { issues: ValidationIssue[] } {
  return (
    (error as FastifyError).code === 'FST_ERR_VALIDATION' &&
    Array.isArray((error as { issues?: unknown }).issues)
  )
}

/** Fastify's own 4xx (unparsable JSON, unsupported media type, body too large). */
function isClientError(error: Error): boolean {
  const status = (error as FastifyError).statusCode
  return (
    status !== undefined && status >= 400 && status < 500 && (error as FastifyError).code?.startsWith('FST_')
  )
}

function validationStatus(error: Error): number {
  return isValidationError(error) || hasIssues(error) || isClientError(error)
    ? ERROR_STATUS.REQUEST_INVALID
    : ERROR_STATUS.INTERNAL
}
