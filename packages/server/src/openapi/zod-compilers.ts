import type { FastifySchemaCompiler } from 'fastify'
import type { ZodType } from 'zod'
import { z } from 'zod'

/**
 * Request validation with Japanese messages. Messages written in a schema win; every other issue
 * gets zod's Japanese locale, which names expected types and limits, never the value received.
 * Each issue keeps a stable code: the rules error code or the schema's `params.code` when there
 * is one, else zod's issue code in upper snake case.
 */
const japanese = z.locales.ja().localeError

export type ValidationIssue = { field: string; code: string; message: string }

export const japaneseValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { error: japanese })
    if (result.success) return { value: result.data }
    return {
      error: Object.assign(new Error('request does not match the schema'), {
        issues: toIssues(result.error),
      }),
    }
  }

export function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => {
    const params = 'params' in issue ? (issue.params as { code?: unknown } | undefined) : undefined
    const code = typeof params?.code === 'string' ? params.code : issue.code.toUpperCase()
    return { field: issue.path.map(String).join('.'), code, message: issue.message }
  })
}
