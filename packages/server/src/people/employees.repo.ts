import type { Insertable, Transaction, Updateable } from 'kysely'
import { sql } from 'kysely'
import type {
  EmployeesTable,
  EmployeeVersionsTable,
  EmploymentType,
  LeaveReason,
} from '../db/people-tables.ts'
import type { ServerTables } from '../db/tables.ts'

/**
 * The only SQL on employees and their versions. Every query names the office first; RLS is the
 * second wall. Dates are read as 'YYYY-MM-DD' text and numerics as numbers.
 */
type Trx = Transaction<ServerTables>

export type EmployeeRow = {
  id: string
  client_id: string
  employee_number: string | null
  birth_date: string
  sex: 'male' | 'female'
  basic_pension_number: string | null
  employment_insurance_number: string | null
  insured_serial: string | null
  hire_date: string
  leave_date: string | null
  leave_reason: LeaveReason | null
}

export type VersionRow = {
  valid_from: string
  valid_to: string | null
  reason: EmployeeVersionsTable['reason']
  family_name: string
  given_name: string
  family_name_kana: string
  given_name_kana: string
  postal_code: string | null
  prefecture_code: number
  address: string
  employment_type: EmploymentType
  weekly_hours: number
  pay_basis: EmployeeVersionsTable['pay_basis']
  base_pay_yen: number
  allowances: Array<{ name: string; amountYen: number }>
  commuting_allowance_yen: number
}

export type SummaryRow = {
  id: string
  client_id: string
  employee_number: string | null
  family_name: string
  given_name: string
  family_name_kana: string
  given_name_kana: string
  birth_date: string
  hire_date: string
  leave_date: string | null
  employment_type: EmploymentType
}

const EMPLOYEE_COLUMNS = [
  'e.id',
  'e.client_id',
  'e.employee_number',
  sql<string>`e.birth_date::text`.as('birth_date'),
  'e.sex',
  'e.basic_pension_number',
  'e.employment_insurance_number',
  'e.insured_serial',
  sql<string>`e.hire_date::text`.as('hire_date'),
  sql<string | null>`e.leave_date::text`.as('leave_date'),
  'e.leave_reason',
] as const

export async function findEmployee(
  trx: Trx,
  officeId: string,
  employeeId: string,
): Promise<EmployeeRow | undefined> {
  return trx
    .selectFrom('employees as e')
    .select(EMPLOYEE_COLUMNS)
    .where('e.office_id', '=', officeId)
    .where('e.id', '=', employeeId)
    .executeTakeFirst()
}

/** Versions of one employee, newest first. */
export async function versionsOf(trx: Trx, officeId: string, employeeId: string): Promise<VersionRow[]> {
  return trx
    .selectFrom('employee_versions')
    .select([
      sql<string>`valid_from::text`.as('valid_from'),
      sql<string | null>`valid_to::text`.as('valid_to'),
      'reason',
      'family_name',
      'given_name',
      'family_name_kana',
      'given_name_kana',
      'postal_code',
      'prefecture_code',
      'address',
      'employment_type',
      sql<number>`weekly_hours::float8`.as('weekly_hours'),
      'pay_basis',
      'base_pay_yen',
      'allowances',
      'commuting_allowance_yen',
    ])
    .where('office_id', '=', officeId)
    .where('employee_id', '=', employeeId)
    .orderBy('valid_from', 'desc')
    .execute()
}

export type ListFilter = {
  clientIds: 'all' | readonly string[]
  search?: string
  employmentType?: EmploymentType
  status: 'active' | 'left' | 'all'
  after?: { familyNameKana: string; givenNameKana: string; id: string }
  limit: number
}

/**
 * One page of employees as of their latest version, ordered by kana then id (keyset: the next
 * page starts after the last row, so paging stays fast however deep it goes).
 */
export async function listEmployees(trx: Trx, officeId: string, filter: ListFilter): Promise<SummaryRow[]> {
  if (filter.clientIds !== 'all' && filter.clientIds.length === 0) return []
  let query = trx
    .selectFrom('employee_versions as v')
    .innerJoin('employees as e', (join) =>
      join.onRef('e.id', '=', 'v.employee_id').onRef('e.office_id', '=', 'v.office_id'),
    )
    .select([
      'e.id',
      'e.client_id',
      'e.employee_number',
      'v.family_name',
      'v.given_name',
      'v.family_name_kana',
      'v.given_name_kana',
      sql<string>`e.birth_date::text`.as('birth_date'),
      sql<string>`e.hire_date::text`.as('hire_date'),
      sql<string | null>`e.leave_date::text`.as('leave_date'),
      'v.employment_type',
    ])
    .where('v.office_id', '=', officeId)
    .where('v.valid_to', 'is', null)
  if (filter.clientIds !== 'all') query = query.where('v.client_id', 'in', filter.clientIds)
  if (filter.employmentType !== undefined)
    query = query.where('v.employment_type', '=', filter.employmentType)
  if (filter.status === 'active') query = query.where('e.leave_date', 'is', null)
  if (filter.status === 'left') query = query.where('e.leave_date', 'is not', null)
  const search = filter.search
  if (search !== undefined && search !== '') {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where((eb) =>
      eb.or([
        eb(sql`v.family_name || v.given_name`, 'like', pattern),
        eb(sql`v.family_name_kana || v.given_name_kana`, 'like', pattern),
        eb('e.employee_number', '=', search),
      ]),
    )
  }
  if (filter.after !== undefined) {
    const { familyNameKana, givenNameKana, id } = filter.after
    query = query.where(
      sql<boolean>`(v.family_name_kana, v.given_name_kana, v.employee_id) > (${familyNameKana}, ${givenNameKana}, ${id}::uuid)`,
    )
  }
  // The page size is a literal, not a parameter: the prepared statement's generic plan (see
  // findEmployees) is then costed for a page, not for an unknown share of the client's people.
  return query
    .orderBy('v.family_name_kana')
    .orderBy('v.given_name_kana')
    .orderBy('v.employee_id')
    .limit(sql.lit(Math.trunc(filter.limit)))
    .execute()
}

export async function insertEmployee(trx: Trx, row: Insertable<EmployeesTable>): Promise<string> {
  const { id } = await trx.insertInto('employees').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function updateEmployee(
  trx: Trx,
  officeId: string,
  employeeId: string,
  changes: Updateable<EmployeesTable>,
): Promise<void> {
  await trx
    .updateTable('employees')
    .set({ ...changes, updated_at: new Date() })
    .where('office_id', '=', officeId)
    .where('id', '=', employeeId)
    .execute()
}

export async function insertVersion(trx: Trx, row: Insertable<EmployeeVersionsTable>): Promise<void> {
  await trx.insertInto('employee_versions').values(row).execute()
}

/** Ends the version in force last on `validTo` (exclusive). */
export async function closeOpenVersion(
  trx: Trx,
  officeId: string,
  employeeId: string,
  validTo: string,
): Promise<void> {
  await trx
    .updateTable('employee_versions')
    .set({ valid_to: validTo })
    .where('office_id', '=', officeId)
    .where('employee_id', '=', employeeId)
    .where('valid_to', 'is', null)
    .execute()
}

export async function employeeNumberTaken(
  trx: Trx,
  officeId: string,
  clientId: string,
  employeeNumber: string,
  exceptId?: string,
): Promise<boolean> {
  let query = trx
    .selectFrom('employees')
    .select('id')
    .where('office_id', '=', officeId)
    .where('client_id', '=', clientId)
    .where('employee_number', '=', employeeNumber)
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId)
  return (await query.executeTakeFirst()) !== undefined
}

export type MyNumberStatusRow = {
  employee_id: string | null
  dependent_id: string | null
  status: 'registered' | 'refused' | 'deleted'
  identity_verified: boolean
}

export async function myNumberStatusesOf(
  trx: Trx,
  officeId: string,
  employeeId: string,
  dependentIds: readonly string[],
): Promise<MyNumberStatusRow[]> {
  return trx
    .selectFrom('my_number_statuses')
    .select(['employee_id', 'dependent_id', 'status', 'identity_verified'])
    .where('office_id', '=', officeId)
    .where((eb) =>
      dependentIds.length === 0
        ? eb('employee_id', '=', employeeId)
        : eb.or([eb('employee_id', '=', employeeId), eb('dependent_id', 'in', dependentIds)]),
    )
    .execute()
}
