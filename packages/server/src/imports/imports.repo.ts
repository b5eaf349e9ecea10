import type { ColumnType, Insertable, Kysely, Transaction } from 'kysely'
import { sql } from 'kysely'
import type { DependentsTable, EmployeesTable, EmployeeVersionsTable } from '../db/people-tables.ts'
import type { ServerTables } from '../db/tables.ts'

/** migrations/0011_imports.sql as Kysely sees it. */
export type ImportsTable = {
  id: string
  office_id: string
  client_id: string
  created_by: string
  employees_created: number
  dependents_created: number
  created_at: ColumnType<Date, never, never>
}

export type ImportsDb = ServerTables & { imports: ImportsTable }

type Trx = Transaction<ImportsDb>

export type ImportRecord = {
  id: string
  client_id: string
  created_by: string
  employees_created: number
  dependents_created: number
  created_at: Date
}

/**
 * The only SQL of imports: the record of a committed import, and the 社員番号 of a client already
 * in use (one query for a whole file, where the people module checks one number at a time).
 * Office first; RLS behind it.
 */
export async function insertImport(
  trx: Trx,
  officeId: string,
  record: Omit<ImportRecord, 'created_at'>,
): Promise<void> {
  await trx
    .insertInto('imports')
    .values({ ...record, office_id: officeId })
    .execute()
}

export async function findImport(
  trx: Trx,
  officeId: string,
  clientId: string,
  importId: string,
): Promise<ImportRecord | undefined> {
  return trx
    .selectFrom('imports')
    .select(['id', 'client_id', 'created_by', 'employees_created', 'dependents_created', 'created_at'])
    .where('office_id', '=', officeId)
    .where('client_id', '=', clientId)
    .where('id', '=', importId)
    .executeTakeFirst()
}

/** Whether an import id is used anywhere in the office (another client's import included). */
export async function importIdUsed(trx: Trx, officeId: string, importId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('imports')
    .select('id')
    .where('office_id', '=', officeId)
    .where('id', '=', importId)
    .executeTakeFirst()
  return row !== undefined
}

export async function takenEmployeeNumbers(
  trx: Trx,
  officeId: string,
  clientId: string,
  numbers: readonly string[],
): Promise<Set<string>> {
  if (numbers.length === 0) return new Set()
  const { rows } = await sql<{ employee_number: string }>`
    select employee_number from employees
    where office_id = ${officeId} and client_id = ${clientId}
      and employee_number = any(${sql.val([...numbers])}::text[])`.execute(trx)
  return new Set(rows.map((r) => r.employee_number))
}

/**
 * Many people's rows in one statement each (people-rows.ts builds them as the people module
 * would). Precondition: at most a few thousand rows per call, so the parameters stay well under
 * PostgreSQL's 65,535 per statement.
 */
export async function insertEmployeeRows(
  trx: Trx,
  employees: readonly Insertable<EmployeesTable>[],
  versions: readonly Insertable<EmployeeVersionsTable>[],
): Promise<void> {
  if (employees.length === 0) return
  await trx
    .insertInto('employees')
    .values([...employees])
    .execute()
  await trx
    .insertInto('employee_versions')
    .values([...versions])
    .execute()
}

export async function insertDependentRows(
  trx: Trx,
  rows: readonly Insertable<DependentsTable>[],
): Promise<void> {
  if (rows.length === 0) return
  await trx
    .insertInto('dependents')
    .values([...rows])
    .execute()
}

/**
 * The app's database with the imports table in its type (ServerTables does not list it yet), and
 * back: the people and clients operations take the same transaction typed with their tables.
 */
export function importsDb(db: Kysely<ServerTables>): Kysely<ImportsDb> {
  return db as unknown as Kysely<ImportsDb>
}

export function asPeopleTrx(trx: Transaction<ImportsDb>): Transaction<ServerTables> {
  return trx as unknown as Transaction<ServerTables>
}
