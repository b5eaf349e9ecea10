import type { Kysely, Transaction, Updateable } from 'kysely'
import type { DependentsTable } from '../db/people-tables.ts'
import type { ServerTables } from '../db/tables.ts'
import { ServerError } from '../errors.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { audit } from './audit-events.ts'
import type { DependentRow } from './dependents.repo.ts'
import {
  deleteDependent,
  dependentsOf,
  findDependent,
  insertDependent,
  updateDependent,
} from './dependents.repo.ts'
import type { CreateDependentInput, DependentView, UpdateDependentInput } from './dependents.schema.ts'
import { requireVisibleEmployee } from './employee-access.ts'
import { myNumberStatusesOf } from './employees.repo.ts'
import type { OperationContext } from './operation-context.ts'
import { presentDependent } from './people.presenter.ts'

type Db = Kysely<ServerTables>
type Params = { clientId: string; employeeId: string }

const DEPENDENT_FIELDS = [
  'relationship',
  'name',
  'nameKana',
  'birthDate',
  'sex',
  'annualIncome',
  'cohabiting',
  'address',
  'basicPensionNumber',
  'dependentPeriod',
  'myNumberStatus',
] as const

function dependentNotFound(): ServerError {
  return new ServerError({
    code: 'DEPENDENT_NOT_FOUND',
    message: 'dependent not found under this employee',
    messageJa: '指定された被扶養者は見つかりません。',
    field: 'dependentId',
  })
}

export async function listDependents(
  db: Db,
  ctx: OperationContext,
  params: Params,
): Promise<DependentView[]> {
  const officeId = ctx.actor.officeId
  return withTenant(db, officeId, async (trx) => {
    await requireVisibleEmployee(trx, ctx, params.clientId, params.employeeId)
    const rows = await dependentsOf(trx, officeId, params.employeeId)
    const statuses = await myNumberStatusesOf(
      trx,
      officeId,
      params.employeeId,
      rows.map((r) => r.id),
    )
    await audit(trx, ctx, {
      type: 'DEPENDENTS_LISTED',
      operation: 'read',
      clientId: params.clientId,
      subjectId: params.employeeId,
      fields: DEPENDENT_FIELDS,
    })
    return rows.map((row) => presentDependent(row, statuses))
  })
}

/** Adds a dependent; shared by the route and imports (inside their one transaction). */
export async function addDependent(
  trx: Transaction<ServerTables>,
  ctx: OperationContext,
  params: Params,
  input: CreateDependentInput,
): Promise<string> {
  const dependentId = await insertDependent(trx, {
    office_id: ctx.actor.officeId,
    employee_id: params.employeeId,
    relationship: input.relationship,
    family_name: input.familyName,
    given_name: input.givenName,
    family_name_kana: input.familyNameKana,
    given_name_kana: input.givenNameKana,
    birth_date: input.birthDate,
    sex: input.sex,
    annual_income_yen: input.annualIncomeYen,
    cohabiting: input.cohabiting,
    postal_code: input.postalCode,
    address: input.address,
    basic_pension_number: input.basicPensionNumber,
    dependent_from: input.dependentFrom,
    dependent_until: input.dependentUntil,
  })
  await audit(trx, ctx, {
    type: 'DEPENDENT_CREATED',
    operation: 'create',
    clientId: params.clientId,
    subjectId: dependentId,
    fields: Object.keys(input),
  })
  return dependentId
}

async function present(
  trx: Parameters<typeof addDependent>[0],
  officeId: string,
  employeeId: string,
  row: DependentRow,
): Promise<DependentView> {
  return presentDependent(row, await myNumberStatusesOf(trx, officeId, employeeId, [row.id]))
}

export async function createDependent(
  db: Db,
  ctx: OperationContext,
  params: Params,
  input: CreateDependentInput,
): Promise<DependentView> {
  const officeId = ctx.actor.officeId
  return withTenant(db, officeId, async (trx) => {
    await requireVisibleEmployee(trx, ctx, params.clientId, params.employeeId)
    const dependentId = await addDependent(trx, ctx, params, input)
    const row = await findDependent(trx, officeId, params.employeeId, dependentId)
    if (row === undefined) throw dependentNotFound()
    return present(trx, officeId, params.employeeId, row)
  })
}

export async function changeDependent(
  db: Db,
  ctx: OperationContext,
  params: Params & { dependentId: string },
  input: UpdateDependentInput,
): Promise<DependentView> {
  const officeId = ctx.actor.officeId
  return withTenant(db, officeId, async (trx) => {
    await requireVisibleEmployee(trx, ctx, params.clientId, params.employeeId)
    const before = await findDependent(trx, officeId, params.employeeId, params.dependentId)
    if (before === undefined) throw dependentNotFound()
    const until = input.dependentUntil === undefined ? before.dependent_until : input.dependentUntil
    const from = input.dependentFrom ?? before.dependent_from
    if (until !== null && until < from) {
      throw new ServerError({
        code: 'REQUEST_INVALID',
        message: 'dependent period ends before it starts',
        messageJa: '被扶養者でなくなった日は、被扶養者になった日以降の日付を入力してください。',
        field: 'dependentUntil',
      })
    }
    const cohabiting = input.cohabiting ?? before.cohabiting
    const address = input.address === undefined ? before.address : input.address
    if (!cohabiting && address === null) {
      throw new ServerError({
        code: 'REQUEST_INVALID',
        message: 'a dependent living apart needs an address',
        messageJa: '別居の被扶養者は住所を入力してください。',
        field: 'address',
      })
    }
    await updateDependent(trx, officeId, params.dependentId, dependentColumns(input))
    await audit(trx, ctx, {
      type: 'DEPENDENT_UPDATED',
      operation: 'update',
      clientId: params.clientId,
      subjectId: params.dependentId,
      fields: Object.keys(input),
    })
    const row = await findDependent(trx, officeId, params.employeeId, params.dependentId)
    if (row === undefined) throw dependentNotFound()
    return present(trx, officeId, params.employeeId, row)
  })
}

/**
 * Deletes a dependent entered by mistake. One who stopped being a dependent is ended with
 * `dependentUntil` instead, so the 被扶養者(異動)届 has its date.
 */
export async function removeDependent(
  db: Db,
  ctx: OperationContext,
  params: Params & { dependentId: string },
): Promise<void> {
  const officeId = ctx.actor.officeId
  await withTenant(db, officeId, async (trx) => {
    await requireVisibleEmployee(trx, ctx, params.clientId, params.employeeId)
    const before = await findDependent(trx, officeId, params.employeeId, params.dependentId)
    if (before === undefined) throw dependentNotFound()
    await deleteDependent(trx, officeId, params.dependentId)
    await audit(trx, ctx, {
      type: 'DEPENDENT_DELETED',
      operation: 'delete',
      clientId: params.clientId,
      subjectId: params.dependentId,
      fields: DEPENDENT_FIELDS,
    })
  })
}

function dependentColumns(input: UpdateDependentInput): Updateable<DependentsTable> {
  const c: Updateable<DependentsTable> = {}
  if (input.relationship !== undefined) c.relationship = input.relationship
  if (input.familyName !== undefined) c.family_name = input.familyName
  if (input.givenName !== undefined) c.given_name = input.givenName
  if (input.familyNameKana !== undefined) c.family_name_kana = input.familyNameKana
  if (input.givenNameKana !== undefined) c.given_name_kana = input.givenNameKana
  if (input.birthDate !== undefined) c.birth_date = input.birthDate
  if (input.sex !== undefined) c.sex = input.sex
  if (input.annualIncomeYen !== undefined) c.annual_income_yen = input.annualIncomeYen
  if (input.cohabiting !== undefined) c.cohabiting = input.cohabiting
  if (input.postalCode !== undefined) c.postal_code = input.postalCode
  if (input.address !== undefined) c.address = input.address
  if (input.basicPensionNumber !== undefined) c.basic_pension_number = input.basicPensionNumber
  if (input.dependentFrom !== undefined) c.dependent_from = input.dependentFrom
  if (input.dependentUntil !== undefined) c.dependent_until = input.dependentUntil
  return c
}
