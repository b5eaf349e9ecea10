import type { Kysely, Transaction, Updateable } from 'kysely'
import { requireVisibleClient } from '../clients/client-operations.ts'
import type { EmployeesTable } from '../db/people-tables.ts'
import type { ServerTables } from '../db/tables.ts'
import { ServerError } from '../errors.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { audit } from './audit-events.ts'
import { dependentsOf } from './dependents.repo.ts'
import { requireSelf, requireVisibleEmployee } from './employee-access.ts'
import type { EmployeeRow } from './employees.repo.ts'
import {
  closeOpenVersion,
  employeeNumberTaken,
  insertEmployee,
  insertVersion,
  myNumberStatusesOf,
  updateEmployee,
  versionsOf,
} from './employees.repo.ts'
import type {
  ChangeEmployeeInput,
  CorrectEmployeeInput,
  CreateEmployeeInput,
  EmployeeView,
  LeaveInput,
} from './employees.schema.ts'
import type { OperationContext } from './operation-context.ts'
import { presentEmployee } from './people.presenter.ts'

type Db = Kysely<ServerTables>
type Trx = Transaction<ServerTables>

/** The data items an employee record shows, named in the audit entry of a read. */
const RECORD_FIELDS = [
  'name',
  'nameKana',
  'birthDate',
  'sex',
  'address',
  'basicPensionNumber',
  'employmentInsuranceNumber',
  'employment',
  'pay',
  'dependents',
  'myNumberStatus',
] as const

async function loadRecord(trx: Trx, officeId: string, employee: EmployeeRow): Promise<EmployeeView> {
  const versions = await versionsOf(trx, officeId, employee.id)
  const dependents = await dependentsOf(trx, officeId, employee.id)
  const statuses = await myNumberStatusesOf(
    trx,
    officeId,
    employee.id,
    dependents.map((d) => d.id),
  )
  return presentEmployee(employee, versions, dependents, statuses)
}

export async function getEmployee(
  db: Db,
  ctx: OperationContext,
  clientId: string,
  employeeId: string,
): Promise<EmployeeView> {
  return withTenant(db, ctx.actor.officeId, async (trx) => {
    const employee = await requireVisibleEmployee(trx, ctx, clientId, employeeId)
    await audit(trx, ctx, {
      type: 'EMPLOYEE_VIEWED',
      operation: 'read',
      clientId,
      subjectId: employeeId,
      fields: RECORD_FIELDS,
    })
    return loadRecord(trx, ctx.actor.officeId, employee)
  })
}

/** An employee user's own record. */
export async function getOwnRecord(db: Db, ctx: OperationContext): Promise<EmployeeView> {
  return withTenant(db, ctx.actor.officeId, async (trx) => {
    const employee = await requireSelf(trx, ctx)
    await audit(trx, ctx, {
      type: 'EMPLOYEE_VIEWED',
      operation: 'read',
      clientId: employee.client_id,
      subjectId: employee.id,
      fields: RECORD_FIELDS,
    })
    return loadRecord(trx, ctx.actor.officeId, employee)
  })
}

function employeeNumberTakenError(): ServerError {
  return new ServerError({
    code: 'EMPLOYEE_NUMBER_TAKEN',
    message: 'employee number already used in this client',
    messageJa: 'この社員番号は同じ事業所の別の従業員に使われています。',
    field: 'employeeNumber',
  })
}

/**
 * Adds an employee with a first version from the hire date. Shared by the route and imports:
 * imports call it once per row inside their one transaction.
 */
export async function addEmployee(
  trx: Trx,
  ctx: OperationContext,
  clientId: string,
  input: CreateEmployeeInput,
): Promise<string> {
  const officeId = ctx.actor.officeId
  if (
    input.employeeNumber !== null &&
    (await employeeNumberTaken(trx, officeId, clientId, input.employeeNumber))
  ) {
    throw employeeNumberTakenError()
  }
  const employeeId = await insertEmployee(trx, {
    office_id: officeId,
    client_id: clientId,
    employee_number: input.employeeNumber,
    birth_date: input.birthDate,
    sex: input.sex,
    basic_pension_number: input.basicPensionNumber,
    employment_insurance_number: input.employmentInsuranceNumber,
    insured_serial: input.insuredSerial,
    hire_date: input.hireDate,
  })
  await insertVersion(trx, {
    office_id: officeId,
    client_id: clientId,
    employee_id: employeeId,
    valid_from: input.hireDate,
    reason: 'hire',
    family_name: input.familyName,
    given_name: input.givenName,
    family_name_kana: input.familyNameKana,
    given_name_kana: input.givenNameKana,
    postal_code: input.postalCode,
    prefecture_code: input.prefectureCode,
    address: input.address,
    employment_type: input.employmentType,
    weekly_hours: input.weeklyHours,
    pay_basis: input.payBasis,
    base_pay_yen: input.basePayYen,
    allowances: JSON.stringify(input.allowances),
    commuting_allowance_yen: input.commutingAllowanceYen,
  })
  await audit(trx, ctx, {
    type: 'EMPLOYEE_CREATED',
    operation: 'create',
    clientId,
    subjectId: employeeId,
    fields: Object.keys(input),
  })
  return employeeId
}

export async function createEmployee(
  db: Db,
  ctx: OperationContext,
  clientId: string,
  input: CreateEmployeeInput,
): Promise<EmployeeView> {
  return withTenant(db, ctx.actor.officeId, async (trx) => {
    const client = await requireVisibleClient(trx, ctx, clientId)
    if (client.archived_at !== null) throw clientArchived()
    const employeeId = await addEmployee(trx, ctx, clientId, input)
    return loadRecord(trx, ctx.actor.officeId, await requireVisibleEmployee(trx, ctx, clientId, employeeId))
  })
}

export function clientArchived(): ServerError {
  return new ServerError({
    code: 'CLIENT_ARCHIVED',
    message: 'client is archived',
    messageJa: 'この事業所は終了済みのため、従業員を追加できません。',
    field: 'clientId',
  })
}

function versionConflict(messageJa: string): ServerError {
  return new ServerError({
    code: 'VERSION_DATE_CONFLICT',
    message: 'the new version does not start after the one in force last',
    messageJa,
    field: 'validFrom',
  })
}

/** A new version from `validFrom`; the version in force until then ends the day before. */
export async function changeEmployee(
  db: Db,
  ctx: OperationContext,
  clientId: string,
  employeeId: string,
  input: ChangeEmployeeInput,
): Promise<EmployeeView> {
  const officeId = ctx.actor.officeId
  return withTenant(db, officeId, async (trx) => {
    const employee = await requireVisibleEmployee(trx, ctx, clientId, employeeId)
    const [latest] = await versionsOf(trx, officeId, employeeId)
    if (latest === undefined) throw new Error('employee without a version')
    if (input.validFrom <= latest.valid_from) {
      throw versionConflict(
        `変更日は現在の内容の適用開始日（${latest.valid_from}）より後の日付を入力してください。過去の内容の訂正は訂正の手続きで行ってください。`,
      )
    }
    if (employee.leave_date !== null && input.validFrom > employee.leave_date) {
      throw versionConflict('退職日より後の日付からの変更は登録できません。')
    }
    const { validFrom, reason, ...changes } = input
    await closeOpenVersion(trx, officeId, employeeId, validFrom)
    await insertVersion(trx, {
      office_id: officeId,
      client_id: clientId,
      employee_id: employeeId,
      valid_from: validFrom,
      reason,
      family_name: changes.familyName ?? latest.family_name,
      given_name: changes.givenName ?? latest.given_name,
      family_name_kana: changes.familyNameKana ?? latest.family_name_kana,
      given_name_kana: changes.givenNameKana ?? latest.given_name_kana,
      postal_code: changes.postalCode === undefined ? latest.postal_code : changes.postalCode,
      prefecture_code: changes.prefectureCode ?? latest.prefecture_code,
      address: changes.address ?? latest.address,
      employment_type: changes.employmentType ?? latest.employment_type,
      weekly_hours: changes.weeklyHours ?? latest.weekly_hours,
      pay_basis: changes.payBasis ?? latest.pay_basis,
      base_pay_yen: changes.basePayYen ?? latest.base_pay_yen,
      allowances: JSON.stringify(changes.allowances ?? latest.allowances),
      commuting_allowance_yen: changes.commutingAllowanceYen ?? latest.commuting_allowance_yen,
    })
    await audit(trx, ctx, {
      type: 'EMPLOYEE_UPDATED',
      operation: 'update',
      clientId,
      subjectId: employeeId,
      fields: Object.keys(changes),
    })
    return loadRecord(trx, officeId, employee)
  })
}

/** Corrects the facts that hold for the whole employment (birth date, numbers, 社員番号). */
export async function correctEmployee(
  db: Db,
  ctx: OperationContext,
  clientId: string,
  employeeId: string,
  input: CorrectEmployeeInput,
): Promise<EmployeeView> {
  const officeId = ctx.actor.officeId
  return withTenant(db, officeId, async (trx) => {
    await requireVisibleEmployee(trx, ctx, clientId, employeeId)
    if (
      input.employeeNumber != null &&
      (await employeeNumberTaken(trx, officeId, clientId, input.employeeNumber, employeeId))
    ) {
      throw employeeNumberTakenError()
    }
    const changes: Updateable<EmployeesTable> = {}
    if (input.employeeNumber !== undefined) changes.employee_number = input.employeeNumber
    if (input.birthDate !== undefined) changes.birth_date = input.birthDate
    if (input.sex !== undefined) changes.sex = input.sex
    if (input.basicPensionNumber !== undefined) changes.basic_pension_number = input.basicPensionNumber
    if (input.employmentInsuranceNumber !== undefined)
      changes.employment_insurance_number = input.employmentInsuranceNumber
    if (input.insuredSerial !== undefined) changes.insured_serial = input.insuredSerial
    await updateEmployee(trx, officeId, employeeId, changes)
    await audit(trx, ctx, {
      type: 'EMPLOYEE_UPDATED',
      operation: 'update',
      clientId,
      subjectId: employeeId,
      fields: Object.keys(input),
    })
    return loadRecord(trx, officeId, await requireVisibleEmployee(trx, ctx, clientId, employeeId))
  })
}

/** Records the end of the employment (離職・退職日 and reason). */
export async function recordLeave(
  db: Db,
  ctx: OperationContext,
  clientId: string,
  employeeId: string,
  input: LeaveInput,
): Promise<EmployeeView> {
  const officeId = ctx.actor.officeId
  return withTenant(db, officeId, async (trx) => {
    const employee = await requireVisibleEmployee(trx, ctx, clientId, employeeId)
    if (employee.leave_date !== null) {
      throw new ServerError({
        code: 'EMPLOYEE_ALREADY_LEFT',
        message: 'employee has already left',
        messageJa: 'この従業員は退職済みです。',
        field: 'leaveDate',
      })
    }
    const [latest] = await versionsOf(trx, officeId, employeeId)
    if (
      input.leaveDate < employee.hire_date ||
      (latest !== undefined && input.leaveDate < latest.valid_from)
    ) {
      throw new ServerError({
        code: 'VERSION_DATE_CONFLICT',
        message: 'leave date before the hire date or the latest version',
        messageJa: '退職日は入社日および最後の変更日以降の日付を入力してください。',
        field: 'leaveDate',
      })
    }
    await updateEmployee(trx, officeId, employeeId, {
      leave_date: input.leaveDate,
      leave_reason: input.reason,
    })
    await audit(trx, ctx, {
      type: 'EMPLOYEE_LEFT',
      operation: 'update',
      clientId,
      subjectId: employeeId,
      fields: ['leaveDate', 'leaveReason'],
    })
    return loadRecord(trx, officeId, await requireVisibleEmployee(trx, ctx, clientId, employeeId))
  })
}
