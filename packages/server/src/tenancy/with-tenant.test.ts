import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { ServerTables } from '../db/tables.ts'
import { SERVER_MIGRATIONS } from '../main.ts'
import { withTenant } from './with-tenant.ts'

async function createOffice(db: Kysely<ServerTables>, name: string): Promise<string> {
  const row = await db.insertInto('offices').values({ name }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

describeOnEachDatabase<ServerTables>(
  'tenancy: withTenant and row-level security',
  [SERVER_MIGRATIONS],
  ({ db }) => {
    test('inside one office, queries without any filter see only that office', async () => {
      const a = await createOffice(db(), '山田社労士事務所')
      const b = await createOffice(db(), '鈴木社労士法人')
      const seen = await withTenant(db(), a, (trx) => trx.selectFrom('offices').select('id').execute())
      assert.deepEqual(
        seen.map((r) => r.id),
        [a],
      )
      const other = await withTenant(db(), b, (trx) => trx.selectFrom('offices').select('id').execute())
      assert.deepEqual(
        other.map((r) => r.id),
        [b],
      )
    })

    test('a write to another office is refused by the database itself', async () => {
      const a = await createOffice(db(), '佐藤労務管理事務所')
      const b = await createOffice(db(), '高橋社労士事務所')
      await assert.rejects(
        withTenant(db(), a, (trx) =>
          trx.insertInto('offices').values({ id: crypto.randomUUID(), name: '偽の事務所' }).execute(),
        ),
        /row-level security/,
      )
      const updated = await withTenant(db(), a, (trx) =>
        trx.updateTable('offices').set({ name: '書き換え' }).where('id', '=', b).executeTakeFirst(),
      )
      assert.equal(updated.numUpdatedRows, 0n)
      const name = await db()
        .selectFrom('offices')
        .select('name')
        .where('id', '=', b)
        .executeTakeFirstOrThrow()
      assert.equal(name.name, '高橋社労士事務所')
    })

    test('the app role sees nothing without an office, cannot bypass RLS, and the setting ends with the transaction', async () => {
      await createOffice(db(), '伊藤社労士事務所')
      const none = await db()
        .transaction()
        .execute(async (trx) => {
          await sql`set local role mamori_app`.execute(trx)
          return trx.selectFrom('offices').select('id').execute()
        })
      assert.deepEqual(none, [])
      const role = await sql<{
        rolbypassrls: boolean
        rolsuper: boolean
      }>`select rolbypassrls, rolsuper from pg_roles where rolname = 'mamori_app'`.execute(db())
      assert.deepEqual(role.rows, [{ rolbypassrls: false, rolsuper: false }])
      const office = await createOffice(db(), '渡辺社労士事務所')
      await withTenant(db(), office, async () => {})
      const after = await sql<{ office: string | null; role: string }>`
      select current_setting('mamori.office_id', true) as office, current_user as role`.execute(db())
      assert.equal(after.rows[0]?.office ?? '', '')
      assert.notEqual(after.rows[0]?.role, 'mamori_app')
    })

    test('an office id that is not a UUID is refused before any query', async () => {
      await assert.rejects(
        withTenant(db(), "x' or true --", async () => {}),
        (error: { code?: string; field?: string }) =>
          error.code === 'TENANT_INVALID' && error.field === 'officeId',
      )
    })
  },
)
