import type { PGlite } from '@electric-sql/pglite'
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import type { DatabaseTarget } from './database-target.ts'
import { describeTarget } from './database-target.ts'
import { DbError } from './errors.ts'
import { openPGlite } from './pglite-instance.ts'
import { serverPool } from './server-pool.ts'

/**
 * A session for SQL scripts (migrations): `exec` runs several statements in the simple query
 * protocol, which Kysely's prepared statements cannot; `query` takes parameters.
 */
export type ScriptSession = {
  exec(script: string): Promise<void>
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>
}

export type Database<DB> = {
  readonly db: Kysely<DB>
  readonly target: DatabaseTarget
  /** Runs `fn` in one transaction on one connection; a throw rolls everything back. */
  scriptTransaction<T>(fn: (session: ScriptSession) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export type OpenOptions = {
  /** A dumped PGlite data directory to start from (tests use a cached empty cluster). */
  pgliteTemplate?: Blob
}

/** Opens the target and proves it answers, so a bad URL fails here with a clear code. */
export async function openDatabase<DB>(
  target: DatabaseTarget,
  options: OpenOptions = {},
): Promise<Database<DB>> {
  const database = await connect<DB>(target, options)
  try {
    await sql`select 1`.execute(database.db)
  } catch (cause) {
    await database.close().catch(() => {})
    throw new DbError({
      code: 'DATABASE_UNREACHABLE',
      message: `cannot reach ${describeTarget(target)}`,
      messageJa: `データベースに接続できません: ${describeTarget(target)}。接続先の設定とサーバーの起動を確認してください。`,
      cause,
    })
  }
  return database
}

async function connect<DB>(target: DatabaseTarget, options: OpenOptions): Promise<Database<DB>> {
  if (target.kind === 'postgres') return connectPostgres<DB>(target)
  const pglite = await openPGlite(
    target.kind === 'pglite' ? target.dataDir : undefined,
    options.pgliteTemplate,
  )
  return connectPGlite<DB>(target, pglite)
}

function connectPGlite<DB>(target: DatabaseTarget, pglite: PGlite): Database<DB> {
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) })
  return {
    db,
    target,
    scriptTransaction: (fn) =>
      pglite.transaction((tx) =>
        fn({
          exec: async (script) => {
            await tx.exec(script)
          },
          query: async <Row>(text: string, params: unknown[] = []) =>
            (await tx.query<Row>(text, params)).rows,
        }),
      ),
    // Kysely's PGlite driver closes the PGlite instance it was given.
    close: () => db.destroy(),
  }
}

function connectPostgres<DB>(target: Extract<DatabaseTarget, { kind: 'postgres' }>): Database<DB> {
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 })
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => {})
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: serverPool(pool) }) })
  return {
    db,
    target,
    scriptTransaction: async (fn) => {
      const client = await pool.connect()
      try {
        await client.query('begin')
        const result = await fn({
          exec: async (script) => {
            await client.query(script)
          },
          query: async <Row>(text: string, params: unknown[] = []) =>
            (await client.query(text, params)).rows as Row[],
        })
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback').catch(() => {})
        throw error
      } finally {
        client.release()
      }
    },
    close: () => db.destroy(),
  }
}
