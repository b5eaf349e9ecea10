import { randomBytes } from 'node:crypto'
import type { MigrationSet } from '@mamori/db'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { buildApp } from '../app.ts'
import type { SignedInUser } from '../auth/testing.ts'
import type { ServerTables } from '../db/tables.ts'
import { APP_DATABASE_MIGRATIONS, SERVER_VERSION } from '../main.ts'
import type { VaultAccess } from '../my-number/vault-connection.ts'

/** Test support for the clients, people and imports modules: the app's tables and the audit log. */
export const PEOPLE_TEST_MIGRATIONS: MigrationSet[] = [...APP_DATABASE_MIGRATIONS]

/**
 * The app exactly as app.ts builds it (buildApp), ready for `inject`. The database kind is only
 * shown by the health routes.
 */
export async function buildPeopleTestApp(
  db: Kysely<ServerTables>,
  databaseKind: 'pglite' | 'postgres' = 'pglite',
  vault?: VaultAccess,
): Promise<FastifyInstance> {
  const app = await buildApp({
    db: db as Kysely<unknown>,
    databaseKind,
    version: SERVER_VERSION,
    sessionKey: randomBytes(32),
    ...(vault === undefined ? {} : { vault }),
  })
  await app.ready()
  return app
}

export type Call = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  /** For a body that is not JSON (a file upload); the payload is then its text. */
  contentType?: string,
) => Promise<LightMyRequestResponse>

/** Calls to the API as one signed-in user: JSON unless a content type is given. */
export function callerFor(app: FastifyInstance, user: SignedInUser): Call {
  return (method, url, payload, contentType) =>
    app.inject({
      method,
      url,
      headers: contentType === undefined ? user.headers : { ...user.headers, 'content-type': contentType },
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
