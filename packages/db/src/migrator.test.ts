import assert from 'node:assert/strict'
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { DbError } from './errors.ts'
import type { MigrationSet } from './migrator.ts'
import { migrate, migrationStatus, readMigrationSet } from './migrator.ts'
import { describeOnEachDatabase } from './testing/on-each-database.ts'

const folders: string[] = []
after(async () => {
  await Promise.all(folders.map((f) => rm(f, { recursive: true, force: true })))
})

async function migrationFolder(namespace: string, files: Record<string, string>): Promise<MigrationSet> {
  const directory = await mkdtemp(join(tmpdir(), 'mamori-migrations-'))
  folders.push(directory)
  for (const [name, text] of Object.entries(files)) await writeFile(join(directory, name), text)
  return { namespace, directory }
}

async function tableExists(db: Kysely<unknown>, name: string): Promise<boolean> {
  const { rows } = await sql<{ found: string | null }>`select to_regclass(${name})::text as found`.execute(db)
  return rows[0]?.found != null
}

describe('migration files', () => {
  test('a file not named NNNN_kebab-name.sql is refused with MIGRATION_NAME_INVALID', async () => {
    const set = await migrationFolder('bad', { '1_Add Table.sql': 'select 1' })
    await assert.rejects(
      readMigrationSet(set),
      (e: unknown) => e instanceof DbError && e.code === 'MIGRATION_NAME_INVALID',
    )
  })

  test('two files with one number are refused with MIGRATION_DUPLICATE_NUMBER', async () => {
    const set = await migrationFolder('dup', { '0001_a.sql': 'select 1', '0001_b.sql': 'select 1' })
    await assert.rejects(
      readMigrationSet(set),
      (e: unknown) => e instanceof DbError && e.code === 'MIGRATION_DUPLICATE_NUMBER',
    )
  })
})

describeOnEachDatabase('migrator', [], ({ db, database }) => {
  test('applies every set in number order, once', async () => {
    const a = await migrationFolder('alpha', {
      '0002_add-b.sql': 'create table alpha_b (id int references alpha_a(id));',
      '0001_add-a.sql': 'create table alpha_a (id int primary key);',
    })
    const b = await migrationFolder('beta', { '0001_add-c.sql': 'create table beta_c (id int);' })
    const first = await migrate(database(), [a, b])
    assert.deepEqual(
      first.applied.map((m) => `${m.namespace}/${m.name}`),
      ['alpha/0001_add-a.sql', 'alpha/0002_add-b.sql', 'beta/0001_add-c.sql'],
    )
    const second = await migrate(database(), [a, b])
    assert.equal(second.applied.length, 0)
    assert.equal(second.alreadyApplied, 3)
    assert.deepEqual((await migrationStatus(database(), [a, b])).pending, [])
  })

  test('a failing migration leaves nothing behind, not even the ones before it', async () => {
    const set = await migrationFolder('gamma', {
      '0001_ok.sql': 'create table gamma_ok (id int);',
      '0002_broken.sql': 'create table gamma_broken (id int); select no_such_function();',
    })
    await assert.rejects(migrate(database(), [set]), (e: unknown) => {
      assert.ok(e instanceof DbError)
      assert.equal(e.code, 'MIGRATION_FAILED')
      assert.equal(e.field, '0002_broken.sql')
      assert.match(e.messageJa, /取り消されています/)
      return true
    })
    assert.equal(await tableExists(db(), 'gamma_ok'), false)
    assert.equal(await tableExists(db(), 'gamma_broken'), false)
    assert.equal((await migrationStatus(database(), [set])).pending.length, 2)
  })

  test('an applied file that was edited is refused with MIGRATION_CHECKSUM_MISMATCH', async () => {
    const set = await migrationFolder('delta', { '0001_t.sql': 'create table delta_t (id int);' })
    await migrate(database(), [set])
    await writeFile(join(set.directory, '0001_t.sql'), 'create table delta_t (id bigint);')
    await assert.rejects(
      migrate(database(), [set]),
      (e: unknown) =>
        e instanceof DbError && e.code === 'MIGRATION_CHECKSUM_MISMATCH' && e.field === '0001_t.sql',
    )
  })

  test('an applied file that disappeared is refused with MIGRATION_FILE_MISSING', async () => {
    const set = await migrationFolder('epsilon', { '0001_t.sql': 'create table epsilon_t (id int);' })
    await migrate(database(), [set])
    await unlink(join(set.directory, '0001_t.sql'))
    await assert.rejects(
      migrationStatus(database(), [set]),
      (e: unknown) => e instanceof DbError && e.code === 'MIGRATION_FILE_MISSING',
    )
  })

  test('two migrators at once apply each file exactly once', async () => {
    const set = await migrationFolder('zeta', { '0001_t.sql': 'create table zeta_t (id int);' })
    const reports = await Promise.all([migrate(database(), [set]), migrate(database(), [set])])
    assert.equal(
      reports.reduce((n, r) => n + r.applied.length, 0),
      1,
    )
  })
})
