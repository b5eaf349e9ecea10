import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { sql } from 'kysely'
import { DbError } from './errors.ts'
import { openDatabase } from './open-database.ts'

test('an on-disk PGlite keeps its data across a reopen, with WAL capped for a laptop', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'mamori-pglite-'))
  t.after(() => rm(dataDir, { recursive: true, force: true }))
  const first = await openDatabase<unknown>({ kind: 'pglite', dataDir })
  await sql`create table kept (v text)`.execute(first.db)
  await sql`insert into kept values ('still here')`.execute(first.db)
  await first.close()

  const second = await openDatabase<unknown>({ kind: 'pglite', dataDir })
  t.after(() => second.close())
  const { rows } = await sql<{ v: string; wal: string }>`
    select v, current_setting('max_wal_size') as wal from kept`.execute(second.db)
  assert.deepEqual(rows, [{ v: 'still here', wal: '64MB' }])
})

test('a server that does not answer is reported as DATABASE_UNREACHABLE without the password', async () => {
  const url = 'postgresql://app:hunter2@localhost/mamori?host=/nonexistent-socket-dir&port=1'
  await assert.rejects(openDatabase({ kind: 'postgres', url }), (e: unknown) => {
    assert.ok(e instanceof DbError)
    assert.equal(e.code, 'DATABASE_UNREACHABLE')
    assert.equal(e.message.includes('hunter2'), false)
    assert.equal(e.messageJa.includes('hunter2'), false)
    return true
  })
})
