import { randomBytes } from 'node:crypto'
import { auditMigrations } from '@mamori/audit/migrations.ts'
import type { MigrationSet } from '@mamori/db'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import Fastify from 'fastify'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { registerAccessControl } from '../access/access-hook.ts'
import { authRoutes } from '../auth/auth.routes.ts'
import type { SignedInUser } from '../auth/testing.ts'
import type { ServerTables } from '../db/tables.ts'
import { registerErrorHandler } from '../http/error-handler.ts'
import { SERVER_MIGRATIONS, SERVER_VERSION } from '../main.ts'
import { apiRoutes } from '../openapi/api.ts'
import { registerOpenApi } from '../openapi/openapi.ts'

/** Test support for the clients, people and imports modules: the app's tables and the audit log. */
export const PEOPLE_TEST_MIGRATIONS: MigrationSet[] = [SERVER_MIGRATIONS, auditMigrations]

/**
 * The app as app.ts composes it (sessions, access control, sign-in), plus the OpenAPI document
 * and the clients/people API, which app.ts registers once the authorization matrix has their
 * entries (see openapi/api.ts). Built here, not after buildApp: an awaited Fastify instance has
 * already booted and takes no more routes.
 */
export async function buildPeopleTestApp(db: Kysely<ServerTables>): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, requestIdHeader: false, genReqId: () => crypto.randomUUID() })
  registerErrorHandler(app)
  const auth = { db, sessionKey: randomBytes(32), now: () => new Date() }
  await registerAccessControl(app, auth)
  await registerOpenApi(app, { version: SERVER_VERSION })
  await app.register(authRoutes, { prefix: '/api', ...auth })
  await app.register(apiRoutes, { prefix: '/api', db })
  await app.ready()
  return app
}

export type Call = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
) => Promise<LightMyRequestResponse>

/** JSON calls to the API as one signed-in user. */
export function callerFor(app: FastifyInstance, user: SignedInUser): Call {
  return (method, url, payload) =>
    app.inject({
      method,
      url,
      headers: user.headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    })
}

/** Audit entries of one office so far, queued or integrated (read as the migrating role). */
export async function auditCount(db: Kysely<ServerTables>, officeId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select (select count(*) from audit_queue where tenant_id = ${officeId})::int
         + (select count(*) from audit_entries where tenant_id = ${officeId})::int as n`.execute(db)
  return rows[0]!.n
}
