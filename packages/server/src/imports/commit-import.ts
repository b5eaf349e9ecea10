import type { AuditEvent } from '@mamori/audit/audit-event.ts'
import { recordAll } from '@mamori/audit/record.ts'
import type { Kysely, Transaction } from 'kysely'
import { requireVisibleClient } from '../clients/client-operations.ts'
import type { ServerTables } from '../db/tables.ts'
import { ServerError } from '../errors.ts'
import type { PeopleAuditType } from '../people/audit-events.ts'
import { audit } from '../people/audit-events.ts'
import { clientArchived } from '../people/employee-operations.ts'
import type { OperationContext } from '../people/operation-context.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import type { ImportsDb } from './imports.repo.ts'
import {
  asPeopleTrx,
  importsDb,
  insertDependentRows,
  insertEmployeeRows,
  insertImport,
  takenEmployeeNumbers,
} from './imports.repo.ts'
import { dependentRowOf, employeeRowOf, hireVersionRowOf } from './people-rows.ts'
import { importIdTaken } from './preview-import.ts'
import type { ValidatedImport } from './validate-import.ts'

/** Called after each person is written (inside the transaction); awaited, so it may apply backpressure. */
export type ImportProgress = (processed: number, total: number) => void | Promise<void>

/** A person the import created: the ids the device needs to send each My Number for its subject. */
export type ImportedSubject = {
  table: 'employees' | 'dependents'
  row: number
  subjectId: string
  /** The employee the person is or belongs to: the relay's URL names it (my-number routes). */
  employeeId: string
}

export type CommittedImport = {
  importId: string
  employeesCreated: number
  dependentsCreated: number
  subjects: ImportedSubject[]
}

/** People written per statement: each chunk is one insert per table and one audit insert. */
const CHUNK = 1000

/**
 * Commit: every person of a checked import (checkImport) in ONE transaction, each with the same
 * rows (people-rows.ts, held equal to addEmployee/addDependent by people-rows.test.ts) and the same
 * audit entry as if entered by hand, written a thousand people per statement. Anything thrown (a
 * row the database refuses, a lost connection, the progress callback) rolls back every person,
 * every audit entry and the import record; a killed process commits nothing. The import record
 * goes first, so a second commit of the same id waits on it and is then refused instead of
 * importing everyone twice.
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
    await refuseTakenNumbers(trx, officeId, clientId, validated.employees)
    const employeeIds = validated.employees.map(() => crypto.randomUUID())
    const subjects: ImportedSubject[] = []
    let processed = 0
    for (let start = 0; start < validated.employees.length; start += CHUNK) {
      const chunk = validated.employees.slice(start, start + CHUNK)
      const ids = employeeIds.slice(start, start + CHUNK)
      await insertEmployeeRows(
        trx,
        chunk.map(({ input }, i) => employeeRowOf(officeId, clientId, ids[i]!, input)),
        chunk.map(({ input }, i) => hireVersionRowOf(officeId, clientId, ids[i]!, input)),
      )
      await recordAll(
        trx,
        chunk.map(({ input }, i) =>
          peopleEvent(ctx, {
            type: 'EMPLOYEE_CREATED',
            clientId,
            subjectId: ids[i]!,
            fields: Object.keys(input),
          }),
        ),
      )
      for (const [i, { row }] of chunk.entries()) {
        subjects.push({ table: 'employees', row, subjectId: ids[i]!, employeeId: ids[i]! })
        await onProgress(++processed, total)
      }
    }
    for (let start = 0; start < validated.dependents.length; start += CHUNK) {
      const chunk = validated.dependents.slice(start, start + CHUNK)
      const ids = chunk.map(() => crypto.randomUUID())
      await insertDependentRows(
        trx,
        chunk.map(({ employee, input }, i) =>
          dependentRowOf(officeId, employeeIds[employee]!, ids[i]!, input),
        ),
      )
      await recordAll(
        trx,
        chunk.map(({ input }, i) =>
          peopleEvent(ctx, {
            type: 'DEPENDENT_CREATED',
            clientId,
            subjectId: ids[i]!,
            fields: Object.keys(input),
          }),
        ),
      )
      for (const [i, { row, employee }] of chunk.entries()) {
        subjects.push({ table: 'dependents', row, subjectId: ids[i]!, employeeId: employeeIds[employee]! })
        await onProgress(++processed, total)
      }
    }
    return {
      importId,
      employeesCreated: validated.employees.length,
      dependentsCreated: validated.dependents.length,
      subjects,
    }
  })
}

/**
 * The 社員番号 check addEmployee makes per person, for the whole import in one query inside the
 * commit's transaction (another import or a hand entry may have taken one since the preview).
 */
async function refuseTakenNumbers(
  trx: Transaction<ImportsDb>,
  officeId: string,
  clientId: string,
  employees: ValidatedImport['employees'],
): Promise<void> {
  const numbers = employees.flatMap((e) => (e.input.employeeNumber === null ? [] : [e.input.employeeNumber]))
  const taken = await takenEmployeeNumbers(trx, officeId, clientId, numbers)
  const first = employees.find((e) => e.input.employeeNumber !== null && taken.has(e.input.employeeNumber))
  if (first === undefined) return
  await atRow('employees', first.row, async () => {
    throw new ServerError({
      code: 'EMPLOYEE_NUMBER_TAKEN',
      message: 'employee number already used in this client',
      messageJa: 'この社員番号は同じ事業所の別の従業員に使われています。',
      field: 'employeeNumber',
    })
  })
}

/** The entry people/audit-events.ts audit() records for one created person. */
function peopleEvent(
  ctx: OperationContext,
  entry: { type: PeopleAuditType; clientId: string; subjectId: string; fields: readonly string[] },
): AuditEvent<PeopleAuditType> {
  return {
    type: entry.type,
    tenantId: ctx.actor.officeId,
    actorId: ctx.actor.userId,
    operation: 'create',
    result: 'success',
    requestId: ctx.requestId,
    fields: entry.fields,
    clientId: entry.clientId,
    subjectId: entry.subjectId,
  }
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
