import { PassThrough } from 'node:stream'
import type { FastifyBaseLogger } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import type { Role } from '../access/access.ts'
import { requireVisibleClient } from '../clients/client-operations.ts'
import { ZClientParams } from '../clients/clients.schema.ts'
import type { ServerTables } from '../db/tables.ts'
import { ServerError } from '../errors.ts'
import { contextOf } from '../people/operation-context.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { commitImport } from './commit-import.ts'
import { importFileError } from './import-errors.ts'
import { asPeopleTrx, findImport, importsDb } from './imports.repo.ts'
import type { CommitLine } from './imports.schema.ts'
import {
  ZCommitImportRequest,
  ZCommitLine,
  ZImportParams,
  ZImportPreview,
  ZImportRecord,
  ZImportRowsRequest,
  ZPreviewFileQuery,
} from './imports.schema.ts'
import { checkImport, previewImport } from './preview-import.ts'
import { readTable } from './read-table.ts'

export type ImportsRoutesOptions = { db: Kysely<ServerTables> }

/** The office's own people import clients' staff lists; clients' HR contacts enter people one by one. */
const IMPORTERS: readonly Role[] = ['office_admin', 'office_staff']

/** 100,000 rows of a few hundred bytes each, as JSON; files as uploaded for preview. */
const BODY_LIMIT = 128 * 1024 * 1024
const FILE_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
]

const IMPORTS = '/clients/:clientId/imports'

/**
 * Imports of employees and dependents into one client (事業所): preview (JSON rows, or the raw
 * file), commit (one transaction; progress streamed as NDJSON lines), and the record of a
 * committed import. Register under /api inside the zod compilers (openapi/api.ts).
 */
export const importsRoutes: FastifyPluginAsyncZod<ImportsRoutesOptions> = async (app, { db }) => {
  // Raw files only on these routes (encapsulated): the bytes stay in memory, are never logged or
  // written anywhere, and are dropped when the preview answers.
  app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  )

  app.post(
    `${IMPORTS}/preview`,
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['imports'],
        params: ZClientParams,
        body: ZImportRowsRequest,
        response: { 200: ZImportPreview },
      },
      config: { access: { roles: IMPORTERS, scope: 'client' } },
    },
    async (request) => previewImport(db, contextOf(request), request.params.clientId, request.body),
  )

  app.post(
    `${IMPORTS}/preview-file`,
    {
      schema: {
        tags: ['imports'],
        description:
          'CSV（UTF-8 または Shift_JIS）か Excel（.xlsx）のファイルそのものを本文に。標準の日本語見出しで対応づけます。個人番号の列は送らないでください（拒否します）。',
        params: ZClientParams,
        querystring: ZPreviewFileQuery,
        response: { 200: ZImportPreview },
      },
      config: { access: { roles: IMPORTERS, scope: 'client' } },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) {
        throw importFileError(
          'FILE_FORMAT_UNKNOWN',
          'ファイルを Content-Type: text/csv または Excel（.xlsx）の形式で送ってください。',
        )
      }
      const bytes = new Uint8Array(request.body)
      const { sheet, dependentsSheet } = request.query
      const employees = await readTable(bytes, sheet === undefined ? {} : { sheet })
      const dependents =
        dependentsSheet === undefined ? undefined : await readTable(bytes, { sheet: dependentsSheet })
      return previewImport(db, contextOf(request), request.params.clientId, { employees, dependents })
    },
  )

  app.post(
    `${IMPORTS}/commit`,
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['imports'],
        description:
          '全件を1つのトランザクションで登録します（1件でも失敗すれば何も登録しません）。応答は application/x-ndjson: 進捗の行（progress）が続き、最後の行が committed か failed です。内容の誤りは進捗の前に 400 で返します。',
        params: ZClientParams,
        body: ZCommitImportRequest,
        response: { 200: ZCommitLine },
      },
      config: { access: { roles: IMPORTERS, scope: 'client' } },
    },
    async (request, reply) => {
      const ctx = contextOf(request)
      const { clientId } = request.params
      const { importId, ...rows } = request.body
      const validated = await checkImport(db, ctx, clientId, importId, rows)
      const total = validated.employees.length + validated.dependents.length
      const stream = new PassThrough()
      const write = async (line: CommitLine): Promise<void> => {
        if (!stream.write(`${JSON.stringify(ZCommitLine.parse(line))}\n`)) {
          await new Promise((resolve) => stream.once('drain', resolve))
        }
      }
      void reply.type('application/x-ndjson; charset=utf-8').send(stream as never)
      // About a hundred progress lines, whatever the size.
      const every = Math.max(1, Math.floor(total / 100))
      try {
        await write({ type: 'progress', processed: 0, total })
        const committed = await commitImport(db, ctx, clientId, importId, validated, (processed) =>
          processed % every === 0 || processed === total
            ? write({ type: 'progress', processed, total })
            : undefined,
        )
        await write({ type: 'committed', ...committed })
      } catch (error) {
        await write(failedLine(error, request.id, request.log))
      } finally {
        stream.end()
      }
      return reply
    },
  )

  app.get(
    `${IMPORTS}/:importId`,
    {
      schema: { tags: ['imports'], params: ZImportParams, response: { 200: ZImportRecord } },
      config: { access: { roles: IMPORTERS, scope: 'client' } },
    },
    async (request) => {
      const ctx = contextOf(request)
      const { clientId, importId } = request.params
      const record = await withTenant(importsDb(db), ctx.actor.officeId, async (trx) => {
        await requireVisibleClient(asPeopleTrx(trx), ctx, clientId)
        return findImport(trx, ctx.actor.officeId, clientId, importId)
      })
      if (record === undefined) {
        throw new ServerError({
          code: 'NOT_FOUND',
          message: 'IMPORT_NOT_FOUND',
          messageJa:
            'この取り込みの記録はありません。登録されなかった取り込み（失敗・中断）は記録が残りません。',
          field: 'importId',
        })
      }
      return {
        importId: record.id,
        clientId: record.client_id,
        state: 'committed' as const,
        employeesCreated: record.employees_created,
        dependentsCreated: record.dependents_created,
        createdBy: record.created_by,
        createdAt: record.created_at.toISOString(),
      }
    },
  )
}

/** After the 200 has gone out, a failure is the last line; unknown errors keep their detail in the log. */
function failedLine(error: unknown, requestId: string, log: FastifyBaseLogger): CommitLine {
  if (error instanceof ServerError) {
    return {
      type: 'failed',
      code: error.code,
      message: error.messageJa,
      ...(error.field === undefined ? {} : { field: error.field }),
      requestId,
    }
  }
  log.error({ err: error }, 'import commit failed')
  return {
    type: 'failed',
    code: 'INTERNAL',
    message:
      '取り込み中に問題が発生したため、何も登録していません。時間をおいて再度お試しください。解決しない場合は管理者に受付番号をお伝えください。',
    requestId,
  }
}
