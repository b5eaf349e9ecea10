import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { serverPool } from './server-pool.ts'
import { testBackends } from './testing/test-backends.ts'

const server = testBackends().find((b) => b.name === 'postgres')!

/** One connection, so that what one query prepared is visible to the next. */
function openOneConnection(limits?: { perConnection: number; texts: number }) {
  if (server.skip !== false) throw new Error('no server')
  const pool = new pg.Pool({ connectionString: server.url, max: 1 })
  return new Kysely<unknown>({ dialect: new PostgresDialect({ pool: serverPool(pool, limits) }) })
}

async function preparedNames(db: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select name from pg_prepared_statements where name like 'mamori%' order by name`.execute(db)
  return rows.map((r) => r.name)
}

describe('the server pool: prepared statements and BEGIN with the first statement [postgres]', {
  skip: server.skip,
}, () => {
  test('a query with parameters is prepared once per connection under a name and answers as before', async (t) => {
    const db = openOneConnection()
    t.after(() => db.destroy())
    for (const n of [1, 2, 3, 4, 5, 6, 7]) {
      const { rows } = await sql<{ twice: number }>`select ${n}::int * 2 as twice`.execute(db)
      assert.deepEqual(rows, [{ twice: n * 2 }])
    }
    const { rows } = await sql<{ word: string }>`select ${'語'}::text as word`.execute(db)
    assert.deepEqual(rows, [{ word: '語' }])
    // Eight calls, two texts: each prepared once (the names query has no parameter, so it is not).
    assert.deepEqual(await preparedNames(db), ['mamori_1', 'mamori_2'])
  })

  test('past the per-connection limit a new text runs unnamed, and still answers', async (t) => {
    const db = openOneConnection({ perConnection: 2, texts: 100 })
    t.after(() => db.destroy())
    assert.equal((await sql<{ a: number }>`select ${1}::int as a`.execute(db)).rows[0]?.a, 1)
    assert.equal((await sql<{ b: number }>`select ${2}::int as b`.execute(db)).rows[0]?.b, 2)
    assert.equal((await sql<{ c: number }>`select ${3}::int as c`.execute(db)).rows[0]?.c, 3)
    assert.equal((await sql<{ a: number }>`select ${4}::int as a`.execute(db)).rows[0]?.a, 4)
    const { rows } = await sql<{ n: string }>`
      select count(*)::text as n from pg_prepared_statements`.execute(db)
    assert.deepEqual(rows, [{ n: '2' }])
  })

  test('a statement that fails to prepare fails its call only; the name works once the table exists', async (t) => {
    const db = openOneConnection()
    t.after(() => db.destroy())
    const read = () => sql<{ v: number }>`select v from later where v = ${1}`.execute(db)
    await assert.rejects(read(), /relation "later" does not exist/)
    await sql`create temporary table later (v int)`.execute(db)
    await sql`insert into later values (${1})`.execute(db)
    assert.deepEqual((await read()).rows, [{ v: 1 }])
  })

  test('queries without parameters keep the simple protocol: a transaction rolls back as a whole', async (t) => {
    const db = openOneConnection()
    t.after(() => db.destroy())
    await sql`create temporary table kept (v int)`.execute(db)
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await sql`insert into kept values (${1})`.execute(trx)
        await sql`select 1 / 0`.execute(trx)
      }),
      /division by zero/,
    )
    const { rows } = await sql<{ n: string }>`select count(*)::text as n from kept`.execute(db)
    assert.deepEqual(rows, [{ n: '0' }])
  })

  test('BEGIN goes in one message with a first statement without parameters, and the transaction holds', async (t) => {
    const db = openOneConnection()
    t.after(() => db.destroy())
    const seen = await db.transaction().execute(async (trx) => {
      // now() is when the transaction began, statement_timestamp() when this message arrived.
      const first = await sql<{ same: boolean }>`
        select now() = statement_timestamp() as same, set_config('mamori.probe', 'inside', true)`.execute(trx)
      const second = await sql<{ probe: string; same: boolean }>`
        select current_setting('mamori.probe') as probe, now() = statement_timestamp() as same`.execute(trx)
      return { first: first.rows[0]?.same, second: second.rows[0] }
    })
    assert.deepEqual(seen, { first: true, second: { probe: 'inside', same: false } })
    const after = await sql<{ probe: string | null }>`
      select current_setting('mamori.probe', true) as probe`.execute(db)
    assert.equal(after.rows[0]?.probe ?? '', '')
  })

  test('BEGIN before a first statement with parameters is sent on its own; empty transactions send nothing', async (t) => {
    const db = openOneConnection()
    t.after(() => db.destroy())
    await sql`create temporary table kept (v int)`.execute(db)
    await db.transaction().execute(async (trx) => {
      await sql`insert into kept values (${7})`.execute(trx)
      const { rows } = await sql<{ open: boolean }>`
        select now() <> statement_timestamp() as open`.execute(trx)
      assert.deepEqual(rows, [{ open: true }])
    })
    await db.transaction().execute(async () => {})
    await assert.rejects(
      db.transaction().execute(async () => {
        throw new Error('abandoned')
      }),
      /abandoned/,
    )
    const { rows } = await sql<{ v: number }>`select v from kept`.execute(db)
    assert.deepEqual(rows, [{ v: 7 }])
  })

  test('a failing first statement aborts its transaction and leaves the connection usable', async (t) => {
    const db = openOneConnection()
    t.after(() => db.destroy())
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await sql`select 1 / 0`.execute(trx)
      }),
      /division by zero/,
    )
    const { rows } = await sql<{ n: number }>`select ${5}::int as n`.execute(db)
    assert.deepEqual(rows, [{ n: 5 }])
  })

  test('each connection plans every call for its values, unless a transaction opts into generic plans', async (t) => {
    const db = openOneConnection()
    t.after(() => db.destroy())
    const mode = async (on: Kysely<unknown>) =>
      (await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(on)).rows[0]?.plan_cache_mode
    assert.equal(await mode(db), 'force_custom_plan')
    const inside = await db.transaction().execute(async (trx) => {
      await sql`select set_config('plan_cache_mode', 'force_generic_plan', true)`.execute(trx)
      return mode(trx)
    })
    assert.equal(inside, 'force_generic_plan')
    assert.equal(await mode(db), 'force_custom_plan')
  })
})
