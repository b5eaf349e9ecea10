import type { Transaction } from 'kysely'
import { requireVisibleClient } from '../clients/client-operations.ts'
import type { ServerTables } from '../db/tables.ts'
import { ServerError } from '../errors.ts'
import type { EmployeeRow } from './employees.repo.ts'
import { findEmployee } from './employees.repo.ts'
import type { OperationContext } from './operation-context.ts'

export function employeeNotFound(): ServerError {
  return new ServerError({
    code: 'EMPLOYEE_NOT_FOUND',
    message: 'employee not found under this client',
    messageJa: '指定された従業員は見つかりません。',
    field: 'employeeId',
  })
}

/**
 * The employee, if it is under this client and the actor may see the client. Another office's
 * or another client's employee is "not found", never "forbidden": ids are not confirmed.
 */
export async function requireVisibleEmployee(
  trx: Transaction<ServerTables>,
  ctx: OperationContext,
  clientId: string,
  employeeId: string,
): Promise<EmployeeRow> {
  await requireVisibleClient(trx, ctx, clientId)
  const employee = await findEmployee(trx, ctx.actor.officeId, employeeId)
  if (employee === undefined || employee.client_id !== clientId) throw employeeNotFound()
  return employee
}

/** An employee user's own record, from the session's person id, never from the URL. */
export async function requireSelf(
  trx: Transaction<ServerTables>,
  ctx: OperationContext,
): Promise<EmployeeRow> {
  const personId = ctx.actor.personId
  if (ctx.actor.role !== 'employee' || personId === undefined) throw employeeNotFound()
  const employee = await findEmployee(trx, ctx.actor.officeId, personId)
  if (employee === undefined) throw employeeNotFound()
  return employee
}
