import assert from 'node:assert/strict'
import { test } from 'node:test'
import { record } from '@mamori/audit/record.ts'
import { describeOnEachDatabase } from '@mamori/db/testing'
import { sql } from 'kysely'
import { createSyntheticOffice } from '../auth/testing.ts'
import { APP_DATABASE_MIGRATIONS } from '../main.ts'
import { withTenant } from '../tenancy/with-tenant.ts'

/** PostgreSQL's insufficient_privilege and RLS-refused insert (new row violates policy). */
const REFUSED = new Set(['42501'])

describeOnEachDatabase<unknown>('the app role and the audit log', [...APP_DATABASE_MIGRATIONS], ({ db }) => {
  /** An integrated entry of the office, written as the migrating role as the sequencer would. */
  async function integratedEntry(officeId: string, position: number): Promise<void> {
    await sql`insert into audit_entries (position, leaf_hash, event_type, at_ms, tenant_id, actor_id, operation, result)
      values (${position}, ${Buffer.alloc(32, position)}, 'USER_CREATED', ${Date.now()}, ${officeId}, 'user_1', 'create', 'success')`.execute(
      db(),
    )
  }

  async function refused(officeId: string, statement: ReturnType<typeof sql>): Promise<void> {
    await assert.rejects(
      withTenant(db(), officeId, (trx) => statement.execute(trx)),
      (error: { code?: string }) => REFUSED.has(String(error.code)),
      statement.compile(db()).sql,
    )
  }

  test('the app role queues entries of its office only, cannot change or remove any entry or summary row, reads its own', async () => {
    const own = await createSyntheticOffice(db())
    const other = await createSyntheticOffice(db())
    const event = { type: 'USER_CREATED', actorId: 'user_1', operation: 'create', result: 'success' } as const
    await withTenant(db(), own, (trx) => record(trx, { ...event, tenantId: own }))
    await refused(own, sql`insert into audit_queue (tenant_id, event) values (${other}, ${Buffer.from('x')})`)
    await integratedEntry(own, 0)
    await integratedEntry(other, 1)

    for (const statement of [
      sql`update audit_entries set actor_id = 'someone_else'`,
      sql`delete from audit_entries`,
      sql`update audit_queue set tenant_id = tenant_id`,
      sql`delete from audit_queue`,
      sql`select * from audit_queue`,
      sql`update audit_checkpoints set note = note`,
      sql`delete from audit_checkpoints`,
      sql`update audit_tree_state set size = 0`,
      sql`delete from audit_tree_nodes`,
      sql`update audit_client_buckets set entries = 1`,
      sql`delete from audit_client_buckets`,
      sql`update audit_summary_state set size = 0`,
      sql`insert into audit_client_buckets values (${own}, 'c', 0, 1, 's', 'read', 1, 0, 0, 'u', '')`,
    ]) {
      await refused(own, statement)
    }

    for (const office of [own, other]) {
      await sql`insert into audit_client_buckets values (${office}, 'c', 0, 1, 's', 'read', 1, 0, 0, 'u', '')`.execute(
        db(),
      )
    }
    const visible = await withTenant(db(), own, async (trx) => {
      const { rows } = await sql<{ tenant_id: string }>`select tenant_id from audit_entries
        union all select tenant_id from audit_client_buckets`.execute(trx)
      return rows.map((row) => row.tenant_id)
    })
    assert.deepEqual(visible, [own, own])
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_entries`.execute(db())
    assert.equal(rows[0]!.n, 2)
  })
})
