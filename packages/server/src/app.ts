import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import Fastify from 'fastify'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { registerAccessControl } from './access/access-hook.ts'
import type { ServerAuditLog } from './audit/server-audit-log.ts'
import { authRoutes } from './auth/auth.routes.ts'
import type { ServerTables } from './db/tables.ts'
import { healthRoutes } from './health/health.routes.ts'
import { registerErrorHandler } from './http/error-handler.ts'
import type { VaultAccess } from './my-number/vault-connection.ts'
import { apiRoutes } from './openapi/api.ts'
import { registerOpenApi } from './openapi/openapi.ts'
import { payrollRoutes } from './payroll/payroll.routes.ts'
import { usersRoutes } from './users/users.routes.ts'
import { webPageRoutes } from './web/web-page.routes.ts'
import { loadWebPage } from './web/web-page.ts'

export type AppDeps = {
  db: Kysely<unknown>
  databaseKind: 'pglite' | 'postgres'
  version: string
  logger?: FastifyBaseLogger
  /** Signs session cookies and derives CSRF tokens (data/keys/session.key). */
  sessionKey: Uint8Array
  /** The clock of sessions, TOTP and lockouts; tests pass their own. */
  now?: () => Date
  /** The server's audit log (startServer opens it); routes that read or change personal data use it. */
  audit?: ServerAuditLog
  /** The built web page (packages/web/dist); without it `/` is the status page. */
  webRoot?: string
  /** The My Number vault (startServer connects it); without it the relay answers VAULT_UNAVAILABLE. */
  vault?: VaultAccess
}

/** Builds the Fastify app without listening, so tests drive it with `app.inject`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger === undefined ? { logger: false } : { loggerInstance: deps.logger }),
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
  })
  const page = deps.webRoot === undefined ? null : loadWebPage(deps.webRoot)
  registerErrorHandler(app, { page })
  const auth = {
    db: deps.db as Kysely<ServerTables>,
    sessionKey: deps.sessionKey,
    now: deps.now ?? (() => new Date()),
  }
  await registerAccessControl(app, auth)
  // Before every route, so the document lists them all.
  await registerOpenApi(app, { version: deps.version })
  await app.register(healthRoutes, {
    page,
    version: deps.version,
    databaseKind: deps.databaseKind,
    instanceId: async () => {
      const { rows } = await sql<{ id: string }>`select id from mamori_instance`.execute(deps.db)
      return rows[0]?.id ?? null
    },
  })
  await app.register(authRoutes, { prefix: '/api', ...auth })
  await app.register(usersRoutes, { prefix: '/api', ...auth })
  await app.register(payrollRoutes, { prefix: '/api', ...auth })
  await app.register(apiRoutes, { prefix: '/api', db: auth.db, vault: deps.vault, now: auth.now })
  await app.register(webPageRoutes, { page })
  return app
}
