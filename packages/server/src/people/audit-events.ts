import type { AuditOperation } from '@mamori/audit/audit-event.ts'
import { record } from '@mamori/audit/record.ts'
import type { Transaction } from 'kysely'
import type { OperationContext } from './operation-context.ts'

/**
 * The closed set of audit entries written by the clients, people and imports modules. Each is
 * recorded with record() inside the transaction of the read or change it describes, naming the
 * data items (`fields`) touched, never their values.
 */
export type PeopleAuditType =
  /** A client (事業所) was registered. */
  | 'CLIENT_CREATED'
  /** A client's registration data or insurer rates changed. */
  | 'CLIENT_UPDATED'
  /** A client was archived (kept, no longer active). */
  | 'CLIENT_ARCHIVED'
  /** A list of employees (names, kana, dates) was shown; clientId when narrowed to one client. */
  | 'EMPLOYEES_LISTED'
  /** One employee's record was shown: versions, dependents and My Number status. */
  | 'EMPLOYEE_VIEWED'
  | 'EMPLOYEE_CREATED'
  /** A new effective-dated version, or a correction of the fixed facts. */
  | 'EMPLOYEE_UPDATED'
  /** The employment ended (離職・退職). */
  | 'EMPLOYEE_LEFT'
  | 'DEPENDENTS_LISTED'
  | 'DEPENDENT_CREATED'
  | 'DEPENDENT_UPDATED'
  | 'DEPENDENT_DELETED'
  /** An import committed; one EMPLOYEE_CREATED / DEPENDENT_CREATED per person follows it. */
  | 'PEOPLE_IMPORTED'
  /** An import was previewed: its 社員番号 were checked against the client's employees. */
  | 'IMPORT_PREVIEWED'
  /** The client's access report (who touched which people's data) was read from the audit log. */
  | 'ACCESS_REPORT_VIEWED'

export type PeopleAuditEntry = {
  type: PeopleAuditType
  operation: AuditOperation
  clientId?: string
  subjectId?: string
  fields: readonly string[]
  purpose?: string
}

export async function audit<DB>(
  trx: Transaction<DB>,
  ctx: OperationContext,
  entry: PeopleAuditEntry,
): Promise<void> {
  await record(trx, {
    type: entry.type,
    tenantId: ctx.actor.officeId,
    actorId: ctx.actor.userId,
    operation: entry.operation,
    result: 'success',
    requestId: ctx.requestId,
    fields: entry.fields,
    ...(entry.clientId === undefined ? {} : { clientId: entry.clientId }),
    ...(entry.subjectId === undefined ? {} : { subjectId: entry.subjectId }),
    ...(entry.purpose === undefined ? {} : { purpose: entry.purpose }),
  })
}
