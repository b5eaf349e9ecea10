import type { Transaction } from 'kysely'
import type { ServerTables } from '../db/tables.ts'
import { ServerError } from '../errors.ts'
import { findDependent } from '../people/dependents.repo.ts'
import { requireSelf, requireVisibleEmployee } from '../people/employee-access.ts'
import type { OperationContext } from '../people/operation-context.ts'

/** Whose number a request is about, as the URL or the session names it. */
export type SubjectRef =
  | { kind: 'office'; clientId: string; employeeId: string; dependentId?: string | undefined }
  | { kind: 'self'; dependentId?: string | undefined }

/** A person the actor may reach: the vault's subject id is the employee's or dependent's id. */
export type MyNumberSubject = {
  clientId: string
  employeeId: string
  dependentId: string | null
  subjectId: string
}

function dependentNotFound(): ServerError {
  return new ServerError({
    code: 'DEPENDENT_NOT_FOUND',
    message: 'dependent not found under this employee',
    messageJa: '指定された被扶養者は見つかりません。',
    field: 'dependentId',
  })
}

/**
 * Resolves the subject under the actor's reach: an office user's through the client and employee
 * of the URL; an employee's from the session only (their own record, or one of their dependents).
 * Anything else is "not found", never "forbidden".
 */
export async function resolveSubject(
  trx: Transaction<ServerTables>,
  ctx: OperationContext,
  ref: SubjectRef,
): Promise<MyNumberSubject> {
  const employee =
    ref.kind === 'office'
      ? await requireVisibleEmployee(trx, ctx, ref.clientId, ref.employeeId)
      : await requireSelf(trx, ctx)
  if (ref.dependentId === undefined) {
    return {
      clientId: employee.client_id,
      employeeId: employee.id,
      dependentId: null,
      subjectId: employee.id,
    }
  }
  const dependent = await findDependent(trx, ctx.actor.officeId, employee.id, ref.dependentId)
  if (dependent === undefined) throw dependentNotFound()
  return {
    clientId: employee.client_id,
    employeeId: employee.id,
    dependentId: dependent.id,
    subjectId: dependent.id,
  }
}
