import type { Insertable, Transaction, Updateable } from 'kysely'
import { sql } from 'kysely'
import type { DependentsTable, Relationship } from '../db/people-tables.ts'
import type { ServerTables } from '../db/tables.ts'

/** The only SQL on dependents; office first, RLS behind it. */
type Trx = Transaction<ServerTables>

export type DependentRow = {
  id: string
  employee_id: string
  relationship: Relationship
  family_name: string
  given_name: string
  family_name_kana: string
  given_name_kana: string
  birth_date: string
  sex: 'male' | 'female'
  annual_income_yen: number
  cohabiting: boolean
  postal_code: string | null
  address: string | null
  basic_pension_number: string | null
  dependent_from: string
  dependent_until: string | null
}

function selectDependents(trx: Trx, officeId: string) {
  return trx
    .selectFrom('dependents')
    .select([
      'id',
      'employee_id',
      'relationship',
      'family_name',
      'given_name',
      'family_name_kana',
      'given_name_kana',
      sql<string>`birth_date::text`.as('birth_date'),
      'sex',
      'annual_income_yen',
      'cohabiting',
      'postal_code',
      'address',
      'basic_pension_number',
      sql<string>`dependent_from::text`.as('dependent_from'),
      sql<string | null>`dependent_until::text`.as('dependent_until'),
    ])
    .where('office_id', '=', officeId)
}

export async function dependentsOf(trx: Trx, officeId: string, employeeId: string): Promise<DependentRow[]> {
  return selectDependents(trx, officeId)
    .where('employee_id', '=', employeeId)
    .orderBy('birth_date')
    .orderBy('id')
    .execute()
}

export async function findDependent(
  trx: Trx,
  officeId: string,
  employeeId: string,
  dependentId: string,
): Promise<DependentRow | undefined> {
  return selectDependents(trx, officeId)
    .where('employee_id', '=', employeeId)
    .where('id', '=', dependentId)
    .executeTakeFirst()
}

export async function insertDependent(trx: Trx, row: Insertable<DependentsTable>): Promise<string> {
  const { id } = await trx.insertInto('dependents').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateDependent(
  trx: Trx,
  officeId: string,
  dependentId: string,
  changes: Updateable<DependentsTable>,
): Promise<void> {
  await trx
    .updateTable('dependents')
    .set({ ...changes, updated_at: new Date() })
    .where('office_id', '=', officeId)
    .where('id', '=', dependentId)
    .execute()
}

export async function deleteDependent(trx: Trx, officeId: string, dependentId: string): Promise<void> {
  await trx.deleteFrom('dependents').where('office_id', '=', officeId).where('id', '=', dependentId).execute()
}
