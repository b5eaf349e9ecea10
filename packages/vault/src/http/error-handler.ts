import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import type { TVaultErrorBody } from '../contract/index.ts'
import { VaultError } from '../errors.ts'
import { ServiceError, serviceMessageJa } from '../service-error.ts'
import type { AnyVaultErrorCode } from './error-status.ts'
import { ERROR_STATUS } from './error-status.ts'

/**
 * Every error becomes `{ code, message (Japanese), field?, requestId }` (ZVaultErrorBody) with the
 * status of ERROR_STATUS. A schema violation names the field, never its value. Unknown errors are
 * INTERNAL with no detail: the log keeps the error class and code, keyed by request id.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const body = toErrorBody(error, request.id)
    const status = ERROR_STATUS[body.code as AnyVaultErrorCode] ?? 500
    if (status >= 500) {
      // Only the class and code: a message or stack could one day quote an input.
      request.log.error({ errorClass: error.name, code: body.code }, 'vault request failed')
    }
    void reply.status(status).send(body)
  })
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(errorBody('NOT_FOUND', serviceMessageJa('NOT_FOUND'), request.id))
  })
}

export function toErrorBody(error: Error, requestId: string): TVaultErrorBody {
  if (error instanceof ServiceError || error instanceof VaultError) {
    const code = error.code in ERROR_STATUS ? error.code : 'INTERNAL'
    return errorBody(code, error.messageJa, requestId, error.field)
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const paths = error.validation.map((issue) => issue.instancePath.replace(/^\//, '').split('/'))
    const inContext = paths.find((p) => p[0] === 'context')
    if (inContext !== undefined) {
      const code = inContext[1] === 'purpose' ? 'PURPOSE_UNKNOWN' : 'CONTEXT_MISSING'
      return errorBody(code, serviceMessageJa(code), requestId, inContext.join('.'))
    }
    const field = paths[0]?.filter((p) => p !== '').join('.')
    return errorBody('REQUEST_INVALID', serviceMessageJa('REQUEST_INVALID'), requestId, field || undefined)
  }
  const status = (error as FastifyError).statusCode
  if (status !== undefined && status >= 400 && status < 500) {
    // Fastify's own refusals (a body that is not JSON, too large, a wrong content type).
    return errorBody('REQUEST_INVALID', serviceMessageJa('REQUEST_INVALID'), requestId)
  }
  return errorBody('INTERNAL', serviceMessageJa('INTERNAL'), requestId)
}

function errorBody(code: string, message: string, requestId: string, field?: string): TVaultErrorBody {
  return field === undefined ? { code, message, requestId } : { code, message, field, requestId }
}
