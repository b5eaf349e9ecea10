import type { Insertable, Selectable, Transaction, Updateable } from 'kysely'
import { sql } from 'kysely'
import type { ClientInsurerRatesTable, ClientsTable } from '../db/people-tables.ts'
import type { ServerTables } from '../db/tables.ts'

/** The only SQL on clients. Every query names the office first; RLS is the second wall. */
type Trx = Transaction<ServerTables>

export type ClientRow = Selectable<ClientsTable>
export type InsurerRatesRow = {
  client_id: string
  valid_from: string
  health_rate_percent: string
  health_employee_share_percent: string
  care_rate_percent: string
  care_employee_share_percent: string
}

/** null: every client of the office; a list: only those. */
export type ClientFilter = 'all' | readonly string[]

export async function findClient(
  trx: Trx,
  officeId: string,
  clientId: string,
): Promise<ClientRow | undefined> {
  return trx
    .selectFrom('clients')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('id', '=', clientId)
    .executeTakeFirst()
}

export async function listClients(
  trx: Trx,
  officeId: string,
  filter: ClientFilter,
  includeArchived: boolean,
): Promise<ClientRow[]> {
  if (filter !== 'all' && filter.length === 0) return []
  let query = trx.selectFrom('clients').selectAll().where('office_id', '=', officeId)
  if (filter !== 'all') query = query.where('id', 'in', filter)
  if (!includeArchived) query = query.where('archived_at', 'is', null)
  return query.orderBy('name').orderBy('id').execute()
}

export async function insertClient(trx: Trx, row: Insertable<ClientsTable>): Promise<ClientRow> {
  return trx.insertInto('clients').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function updateClient(
  trx: Trx,
  officeId: string,
  clientId: string,
  changes: Updateable<ClientsTable>,
): Promise<ClientRow | undefined> {
  return trx
    .updateTable('clients')
    .set({ ...changes, updated_at: sql<string>`now()` })
    .where('office_id', '=', officeId)
    .where('id', '=', clientId)
    .returningAll()
    .executeTakeFirst()
}

export async function insurerRatesOf(
  trx: Trx,
  officeId: string,
  clientIds: readonly string[],
): Promise<InsurerRatesRow[]> {
  if (clientIds.length === 0) return []
  return trx
    .selectFrom('client_insurer_rates')
    .select([
      'client_id',
      sql<string>`valid_from::text`.as('valid_from'),
      sql<string>`health_rate_percent::text`.as('health_rate_percent'),
      sql<string>`health_employee_share_percent::text`.as('health_employee_share_percent'),
      sql<string>`care_rate_percent::text`.as('care_rate_percent'),
      sql<string>`care_employee_share_percent::text`.as('care_employee_share_percent'),
    ])
    .where('office_id', '=', officeId)
    .where('client_id', 'in', clientIds)
    .orderBy('valid_from', 'desc')
    .execute()
}

/** A rate set replaces the one with the same start date, if any (a correction). */
export async function upsertInsurerRates(trx: Trx, row: Insertable<ClientInsurerRatesTable>): Promise<void> {
  await trx
    .insertInto('client_insurer_rates')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['office_id', 'client_id', 'valid_from']).doUpdateSet((eb) => ({
        health_rate_percent: eb.ref('excluded.health_rate_percent'),
        health_employee_share_percent: eb.ref('excluded.health_employee_share_percent'),
        care_rate_percent: eb.ref('excluded.care_rate_percent'),
        care_employee_share_percent: eb.ref('excluded.care_employee_share_percent'),
      })),
    )
    .execute()
}
