import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DbError } from './errors.ts'
import type { Database, ScriptSession } from './open-database.ts'

/**
 * Forward-only plain-SQL migrations: `NNNN_kebab-name.sql`, one file for PGlite and PostgreSQL.
 * Each package that owns tables (server, vault, audit) ships a folder and a namespace; a host
 * database applies several sets. Shipped files are never edited: the checksum table catches it.
 */
export type MigrationSet = { namespace: string; directory: string }

export type Migration = { namespace: string; name: string; sql: string; checksum: string }

export type MigrationReport = { applied: Migration[]; alreadyApplied: number }

export type MigrationStatus = { pending: Migration[]; applied: number }

const FILE_NAME = /^(\d{4})_[a-z0-9]+(?:-[a-z0-9]+)*\.sql$/

export async function readMigrationSet(set: MigrationSet): Promise<Migration[]> {
  const files = (await readdir(set.directory)).filter((f) => f.endsWith('.sql')).sort()
  const numbers = new Set<string>()
  const migrations: Migration[] = []
  for (const file of files) {
    const match = FILE_NAME.exec(file)
    if (match === null) {
      throw new DbError({
        code: 'MIGRATION_NAME_INVALID',
        message: `migration file name ${set.namespace}/${file} is not NNNN_kebab-name.sql`,
        messageJa: `マイグレーションのファイル名 ${set.namespace}/${file} が NNNN_名前.sql の形式ではありません。`,
        field: file,
      })
    }
    const number = match[1]!
    if (numbers.has(number)) {
      throw new DbError({
        code: 'MIGRATION_DUPLICATE_NUMBER',
        message: `two migrations in ${set.namespace} share number ${number}`,
        messageJa: `${set.namespace} のマイグレーション番号 ${number} が重複しています。`,
        field: file,
      })
    }
    numbers.add(number)
    const text = await readFile(join(set.directory, file), 'utf8')
    migrations.push({ namespace: set.namespace, name: file, sql: text, checksum: sha256Hex(text) })
  }
  return migrations
}

/** Pending migrations, after checking that every applied one is unchanged and still present. */
export async function migrationStatus(database: Migratable, sets: MigrationSet[]): Promise<MigrationStatus> {
  const wanted = (await Promise.all(sets.map(readMigrationSet))).flat()
  return database.scriptTransaction(async (session) => {
    await ensureMigrationTable(session)
    const applied = await appliedMigrations(session, sets)
    return { pending: comparePending(wanted, applied), applied: applied.length }
  })
}

/**
 * Applies every pending migration of every set in one transaction: all or nothing, so a failing
 * file or a killed process leaves the schema as it was. An advisory lock serialises concurrent
 * migrators (two processes starting at once).
 */
export async function migrate(database: Migratable, sets: MigrationSet[]): Promise<MigrationReport> {
  const wanted = (await Promise.all(sets.map(readMigrationSet))).flat()
  return database.scriptTransaction(async (session) => {
    await session.query(`select pg_advisory_xact_lock(hashtext('mamori_schema_migrations'))`)
    await ensureMigrationTable(session)
    const applied = await appliedMigrations(session, sets)
    const pending = comparePending(wanted, applied)
    for (const migration of pending) {
      try {
        await session.exec(migration.sql)
      } catch (cause) {
        throw new DbError({
          code: 'MIGRATION_FAILED',
          message: `migration ${migration.namespace}/${migration.name} failed: ${errorMessage(cause)}`,
          messageJa: `マイグレーション ${migration.namespace}/${migration.name} に失敗しました。変更はすべて取り消されています。`,
          field: migration.name,
          cause,
        })
      }
      await session.query(
        'insert into mamori_schema_migrations (namespace, name, checksum) values ($1, $2, $3)',
        [migration.namespace, migration.name, migration.checksum],
      )
    }
    return { applied: pending, alreadyApplied: applied.length }
  })
}

type AppliedRow = { namespace: string; name: string; checksum: string }

export type Migratable = Pick<Database<unknown>, 'scriptTransaction'>

async function ensureMigrationTable(session: ScriptSession): Promise<void> {
  await session.exec(`create table if not exists mamori_schema_migrations (
    namespace text not null,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now(),
    primary key (namespace, name)
  )`)
}

async function appliedMigrations(session: ScriptSession, sets: MigrationSet[]): Promise<AppliedRow[]> {
  return session.query<AppliedRow>(
    'select namespace, name, checksum from mamori_schema_migrations where namespace = any($1::text[]) order by namespace, name',
    [sets.map((s) => s.namespace)],
  )
}

function comparePending(wanted: Migration[], applied: AppliedRow[]): Migration[] {
  const byKey = new Map(wanted.map((m) => [`${m.namespace}/${m.name}`, m]))
  for (const row of applied) {
    const file = byKey.get(`${row.namespace}/${row.name}`)
    if (file === undefined) {
      throw new DbError({
        code: 'MIGRATION_FILE_MISSING',
        message: `applied migration ${row.namespace}/${row.name} has no file`,
        messageJa: `適用済みのマイグレーション ${row.namespace}/${row.name} のファイルがありません。古い版のプログラムで新しいデータベースを開いていないか確認してください。`,
        field: row.name,
      })
    }
    if (file.checksum !== row.checksum) {
      throw new DbError({
        code: 'MIGRATION_CHECKSUM_MISMATCH',
        message: `applied migration ${row.namespace}/${row.name} was edited after it was applied`,
        messageJa: `適用済みのマイグレーション ${row.namespace}/${row.name} が変更されています。適用済みのファイルは編集せず、新しい番号のファイルを追加してください。`,
        field: row.name,
      })
    }
  }
  const done = new Set(applied.map((r) => `${r.namespace}/${r.name}`))
  return wanted.filter((m) => !done.has(`${m.namespace}/${m.name}`))
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

function errorMessage(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause)
}
