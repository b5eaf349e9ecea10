import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { PeopleTables } from '../db/people-tables.ts'
import type { ServerTables } from '../db/tables.ts'
import { SERVER_MIGRATIONS } from '../main.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import type { SeededOffice } from './test-factories.ts'
import { seedSyntheticOffice } from './test-factories.ts'

/** Tables that belong to the installation, not to an office. Anything else must be a tenant table. */
const INSTALLATION_TABLES: ReadonlySet<string> = new Set(['mamori_instance', 'mamori_schema_migrations'])

/** Tables this suite must find rows of in both offices, so that each is really exercised. */
const PEOPLE_TABLES: readonly (keyof PeopleTables)[] = [
  'clients',
  'client_insurer_rates',
  'employees',
  'employee_versions',
  'dependents',
  'my_number_statuses',
]

type TenantTable = { name: string; tenantColumn: string; hasId: boolean }

async function tenantTables(db: Kysely<ServerTables>): Promise<TenantTable[]> {
  const { rows } = await sql<{ name: string; columns: string[] }>`
    select c.relname as name, array_agg(a.attname::text) as columns
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    group by c.relname
    order by c.relname`.execute(db)
  return rows
    .filter((row) => !INSTALLATION_TABLES.has(row.name))
    .map((row) => ({
      name: row.name,
      tenantColumn: row.name === 'offices' ? 'id' : 'office_id',
      hasId: row.columns.includes('id'),
      columns: row.columns,
    }))
    .map(({ columns, ...table }) => {
      assert.ok(
        columns.includes(table.tenantColumn),
        `table ${table.name} has no office_id: every table of the back office belongs to one office`,
      )
      return table
    })
}

/** Rows of each office, counted as the migrating role (which sees every office). */
async function countByOffice(
  db: Kysely<ServerTables>,
  table: TenantTable,
  officeId: string,
): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from ${sql.table(table.name)}
    where ${sql.ref(table.tenantColumn)} = ${officeId}`.execute(db)
  return rows[0]!.n
}

/** The rows the seeding factory does not make: a 健保組合 rate set and My Number statuses. */
async function addInsurerAndStatuses(db: Kysely<ServerTables>, office: SeededOffice): Promise<void> {
  const client = office.clients[0]!
  await db
    .updateTable('clients')
    .set({
      health_insurer: 'kumiai',
      health_insurer_name: '合成健康保険組合',
      health_insurer_number: '06123456',
    })
    .where('id', '=', client.clientId)
    .execute()
  await db
    .insertInto('client_insurer_rates')
    .values({
      office_id: office.officeId,
      client_id: client.clientId,
      valid_from: '2026-03-01',
      health_rate_percent: '9.500',
      health_employee_share_percent: '4.500',
      care_rate_percent: '1.800',
      care_employee_share_percent: '0.900',
    })
    .execute()
  const employee = client.employees[0]!
  await db
    .insertInto('my_number_statuses')
    .values({ office_id: office.officeId, employee_id: employee.employeeId, status: 'registered' })
    .execute()
  const withDependent = office.clients.flatMap((c) => c.employees).find((e) => e.dependentIds.length > 0)
  assert.ok(withDependent, 'the synthetic office has an employee with a dependent')
  await db
    .insertInto('my_number_statuses')
    .values({ office_id: office.officeId, dependent_id: withDependent.dependentIds[0]!, status: 'refused' })
    .execute()
}

const RLS_REFUSAL = /row-level security/

describeOnEachDatabase<ServerTables>(
  'row-level security without the app-level scope',
  [SERVER_MIGRATIONS],
  ({ db }) => {
    let a: SeededOffice
    let b: SeededOffice
    let tables: TenantTable[]

    before(async () => {
      a = await seedSyntheticOffice(db(), { seed: 'rls-a', clients: 2, employeesPerClient: 4 })
      b = await seedSyntheticOffice(db(), { seed: 'rls-b', clients: 2, employeesPerClient: 4 })
      await addInsurerAndStatuses(db(), a)
      await addInsurerAndStatuses(db(), b)
      tables = await tenantTables(db())
    })

    test('every tenant table has row-level security enabled, forced, and a policy on the current office', async () => {
      const { rows: flags } = await sql<{ name: string; enabled: boolean; forced: boolean }>`
        select relname as name, relrowsecurity as enabled, relforcerowsecurity as forced
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')`.execute(db())
      const { rows: policies } = await sql<{ name: string; qual: string | null; check: string | null }>`
        select tablename as name, qual, with_check as check from pg_policies
        where schemaname = 'public' and permissive = 'PERMISSIVE' and cmd = 'ALL'`.execute(db())
      for (const table of tables) {
        const flag = flags.find((f) => f.name === table.name)
        assert.deepEqual(
          { enabled: flag?.enabled, forced: flag?.forced },
          { enabled: true, forced: true },
          `${table.name}: enable and force row level security`,
        )
        const policy = policies.find((p) => p.name === table.name)
        const scoped = `(${table.tenantColumn} = mamori_current_office())`
        assert.equal(policy?.qual, scoped, `${table.name}: a policy using ${scoped}`)
        assert.equal(policy?.check, scoped, `${table.name}: the same policy's with check`)
      }
      for (const name of PEOPLE_TABLES) {
        assert.ok(
          tables.some((t) => t.name === name),
          `${name} is checked`,
        )
      }
    })

    test('a query without any office filter sees only the own office, on every tenant table', async () => {
      for (const table of tables) {
        const own = await countByOffice(db(), table, a.officeId)
        const foreign = await countByOffice(db(), table, b.officeId)
        if ((PEOPLE_TABLES as readonly string[]).includes(table.name) || table.name === 'offices') {
          assert.ok(own > 0 && foreign > 0, `${table.name} has rows in both offices`)
        }
        const seen = await withTenant(db(), a.officeId, async (trx) => {
          const { rows } = await sql<{ n: number; foreign: number }>`
            select count(*)::int as n,
                   count(*) filter (where ${sql.ref(table.tenantColumn)} = ${b.officeId})::int as foreign
            from ${sql.table(table.name)}`.execute(trx)
          return rows[0]!
        })
        assert.deepEqual(seen, { n: own, foreign: 0 }, `${table.name}: only office A's rows`)
      }
    })

    test('updates and deletes of another office touch nothing, on every tenant table', async () => {
      for (const table of tables) {
        const before = await countByOffice(db(), table, b.officeId)
        const touched = await withTenant(db(), a.officeId, async (trx) => {
          const updated = await sql`
            update ${sql.table(table.name)} set ${sql.ref(table.tenantColumn)} = ${sql.ref(table.tenantColumn)}
            where ${sql.ref(table.tenantColumn)} = ${b.officeId}`.execute(trx)
          const deleted = await sql`
            delete from ${sql.table(table.name)}
            where ${sql.ref(table.tenantColumn)} = ${b.officeId}`.execute(trx)
          return [updated.numAffectedRows, deleted.numAffectedRows]
        })
        assert.deepEqual(touched, [0n, 0n], `${table.name}: nothing of office B touched`)
        assert.equal(await countByOffice(db(), table, b.officeId), before)
      }
    })

    test('inserting a row into another office, or moving an own row there, is refused, on every tenant table', async () => {
      for (const table of tables) {
        if ((await countByOffice(db(), table, a.officeId)) === 0) continue
        const overrides = table.hasId
          ? sql`jsonb_build_object(${table.tenantColumn}::text, ${b.officeId}::text, 'id', gen_random_uuid())`
          : sql`jsonb_build_object(${table.tenantColumn}::text, ${b.officeId}::text)`
        await assert.rejects(
          withTenant(db(), a.officeId, (trx) =>
            sql`
              insert into ${sql.table(table.name)}
              select (jsonb_populate_record(null::${sql.table(table.name)}, to_jsonb(own) || ${overrides})).*
              from ${sql.table(table.name)} own limit 1`.execute(trx),
          ),
          RLS_REFUSAL,
          `${table.name}: insert into office B`,
        )
        await assert.rejects(
          withTenant(db(), a.officeId, (trx) =>
            sql`update ${sql.table(table.name)} set ${sql.ref(table.tenantColumn)} = ${b.officeId}`.execute(
              trx,
            ),
          ),
          RLS_REFUSAL,
          `${table.name}: move to office B`,
        )
      }
    })
  },
)
