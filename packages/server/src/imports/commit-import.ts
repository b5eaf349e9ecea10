import type { Kysely, Transaction } from 'kysely'
import { requireVisibleClient } from '../clients/client-operations.ts'
import type { ServerTables } from '../db/tables.ts'
import { ServerError } from '../errors.ts'
import { audit } from '../people/audit-events.ts'
import { addDependent } from '../people/dependent-operations.ts'
import { addEmployee, clientArchived } from '../people/employee-operations.ts'
import type { OperationContext } from '../people/operation-context.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import type { ImportsDb } from './imports.repo.ts'
import { asPeopleTrx, importsDb, insertImport } from './imports.repo.ts'
import { importIdTaken } from './preview-import.ts'
import type { ValidatedImport } from './validate-import.ts'

/** Called after each person is written (inside the transaction); awaited, so it may apply backpressure. */
export type ImportProgress = (processed: number, total: number) => void | Promise<void>

/** A person the import created: the ids the device needs to send each My Number for its subject. */
export type ImportedSubject = { table: 'employees' | 'dependents'; row: number; subjectId: string }

export type CommittedImport = {
  importId: string
  employeesCreated: number
  dependentsCreated: number
  subjects: ImportedSubject[]
}

/**
 * Commit: every person of a checked import (checkImport) in ONE transaction, through the people
 * module's own add operations, so each person gets the same rows and the same audit entry as if
 * entered by hand. Anything thrown (a row the database refuses, a lost connection, the progress
 * callback) rolls back every person, every audit entry and the import record; a killed process
 * commits nothing. The import record goes first, so a second commit of the same id waits on it
 * and is then refused instead of importing everyone twice.
 */
export async function commitImport(
  db: Kysely<ServerTables>,
  ctx: OperationContext,
  clientId: string,
  importId: string,
  validated: ValidatedImport,
  onProgress: ImportProgress = () => {},
): Promise<CommittedImport> {
  const officeId = ctx.actor.officeId
  const total = validated.employees.length + validated.dependents.length
  return withTenant(importsDb(db), officeId, async (trx) => {
    const people = asPeopleTrx(trx)
    const client = await requireVisibleClient(people, ctx, clientId)
    if (client.archived_at !== null) throw clientArchived()
    await claimImportId(trx, officeId, {
      id: importId,
      client_id: clientId,
      created_by: ctx.actor.userId,
      employees_created: validated.employees.length,
      dependents_created: validated.dependents.length,
    })
    await audit(trx, ctx, {
      type: 'PEOPLE_IMPORTED',
      operation: 'create',
      clientId,
      fields: validated.dependents.length > 0 ? ['employees', 'dependents'] : ['employees'],
    })
    const subjects: ImportedSubject[] = []
    const employeeIds: string[] = []
    let processed = 0
    for (const { row, input } of validated.employees) {
      const id = await atRow('employees', row, () => addEmployee(people, ctx, clientId, input))
      employeeIds.push(id)
      subjects.push({ table: 'employees', row, subjectId: id })
      await onProgress(++processed, total)
    }
    for (const { row, employee, input } of validated.dependents) {
      const employeeId = employeeIds[employee]!
      const id = await atRow('dependents', row, () =>
        addDependent(people, ctx, { clientId, employeeId }, input),
      )
      subjects.push({ table: 'dependents', row, subjectId: id })
      await onProgress(++processed, total)
    }
    return {
      importId,
      employeesCreated: validated.employees.length,
      dependentsCreated: validated.dependents.length,
      subjects,
    }
  })
}

async function claimImportId(
  trx: Transaction<ImportsDb>,
  officeId: string,
  record: Parameters<typeof insertImport>[2],
): Promise<void> {
  try {
    await insertImport(trx, officeId, record)
  } catch (error) {
    // 23505: the id is taken (this office's earlier import, or, unseen through RLS, another's).
    if ((error as { code?: unknown }).code === '23505') throw importIdTaken()
    throw error
  }
}

/** A refusal of one row names it: `employees.12.employeeNumber`, 「社員の12行目: …」. */
async function atRow<T>(table: 'employees' | 'dependents', row: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof ServerError)) throw error
    throw new ServerError({
      code: error.code,
      message: error.message,
      messageJa: `${table === 'employees' ? '社員' : '被扶養者'}の${row}行目: ${error.messageJa} 何も登録していません。`,
      field: `${table}.${row}${error.field === undefined ? '' : `.${error.field}`}`,
      cause: error,
    })
  }
}
