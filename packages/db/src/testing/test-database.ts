import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { withDatabaseName } from '../database-target.ts'
import type { MigrationSet } from '../migrator.ts'
import { migrate } from '../migrator.ts'
import type { Database } from '../open-database.ts'
import { openDatabase } from '../open-database.ts'
import { emptyPGliteTemplate } from './pglite-template.ts'
import type { TestBackend } from './test-backends.ts'

export type TestDatabase<DB> = Database<DB> & { readonly backend: TestBackend['name'] }

/**
 * A database of its own for one test file, with the given migrations applied: PGlite in memory,
 * or a new database on the PostgreSQL server, dropped again by close().
 */
export async function createTestDatabase<DB>(
  backend: TestBackend,
  sets: MigrationSet[],
): Promise<TestDatabase<DB>> {
  if (backend.skip !== false) throw new Error(`backend ${backend.name} is not available: ${backend.skip}`)
  const database =
    backend.name === 'pglite' ? await createPGliteDatabase<DB>() : await createServerDatabase<DB>(backend.url)
  try {
    await migrate(database, sets)
  } catch (error) {
    await database.close()
    throw error
  }
  return { ...database, backend: backend.name }
}

async function createPGliteDatabase<DB>(): Promise<Database<DB>> {
  return openDatabase<DB>({ kind: 'pglite-memory' }, { pgliteTemplate: await emptyPGliteTemplate() })
}

async function createServerDatabase<DB>(adminUrl: string): Promise<Database<DB>> {
  const name = `mamori_test_${process.pid}_${randomBytes(4).toString('hex')}`
  await adminQuery(adminUrl, `create database ${name}`)
  const database = await openDatabase<DB>({
    kind: 'postgres',
    url: withDatabaseName(adminUrl, name),
    poolSize: 4,
  })
  return {
    ...database,
    close: async () => {
      await database.close()
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`)
    },
  }
}

async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}
