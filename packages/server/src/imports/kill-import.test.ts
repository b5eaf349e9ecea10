import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import type { Database, DatabaseTarget } from '@mamori/db'
import { migrate, openDatabase } from '@mamori/db'
import { createTestDatabase, testBackends } from '@mamori/db/testing'
import { sql } from 'kysely'
import type { ServerTables } from '../db/tables.ts'
import { syntheticGenerator } from '../people/factories.ts'
import { PEOPLE_TEST_MIGRATIONS } from '../people/test-app.ts'
import { importContext, leftovers } from './testing.ts'

const CHILD = fileURLToPath(new URL('./kill-import.fixture.ts', import.meta.url))
const NOTHING = { employees: 0, versions: 0, dependents: 0, imports: 0, audit: 0 }
const generator = syntheticGenerator('imports-kill-parent')

/** Runs the child until it reports halfway through the import, then kills it with SIGKILL. */
async function killHalfway(input: object): Promise<string> {
  const child = spawn(process.execPath, [CHILD, JSON.stringify(input)], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString()
  })
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  )
  const halfway = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('halfway')) resolve(out.trim())
      if (out.includes('committed')) reject(new Error('the child committed before it was killed'))
    })
    child.once('exit', () => reject(new Error(`the child ended before halfway: ${err}`)))
  })
  child.kill('SIGKILL')
  assert.equal(await exited, 'SIGKILL')
  return halfway
}

const [pglite, postgres] = testBackends()

test('kill -9 halfway through an import on embedded PGlite: after restart, nothing of it is there', {
  skip: pglite!.skip,
}, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'mamori-kill-import-'))
  const target: DatabaseTarget = { kind: 'pglite', dataDir }
  try {
    let database: Database<ServerTables> = await openDatabase<ServerTables>(target)
    await migrate(database, PEOPLE_TEST_MIGRATIONS)
    const { ctx, clientId } = await importContext(database.db, generator)
    await database.close()
    const halfway = await killHalfway({
      target,
      officeId: ctx.actor.officeId,
      clientId,
      userId: ctx.actor.userId,
      employees: 40,
    })
    assert.equal(halfway, 'halfway 30/60')
    database = await openDatabase<ServerTables>(target)
    try {
      assert.deepEqual(await leftovers(database.db, ctx.actor.officeId, clientId), NOTHING)
    } finally {
      await database.close()
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true })
  }
})

test('kill -9 halfway through an import on the PostgreSQL server: the server rolls it all back', {
  skip: postgres!.skip,
}, async () => {
  if (postgres!.skip !== false) return
  const database = await createTestDatabase<ServerTables>(postgres!, PEOPLE_TEST_MIGRATIONS)
  try {
    const { ctx, clientId } = await importContext(database.db, generator)
    await killHalfway({
      target: database.target,
      officeId: ctx.actor.officeId,
      clientId,
      userId: ctx.actor.userId,
      employees: 40,
    })
    // The killed child's session ends when the server notices the closed socket; wait for that.
    for (let i = 0; i < 200; i++) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and state like 'idle in transaction%'`.execute(
        database.db,
      )
      if (rows[0]!.n === 0) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    assert.deepEqual(await leftovers(database.db, ctx.actor.officeId, clientId), NOTHING)
  } finally {
    await database.close()
  }
})
