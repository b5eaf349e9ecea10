import type { AuditResult } from '@mamori/audit/audit-event.ts'
import { record } from '@mamori/audit/record.ts'
import type { Transaction } from 'kysely'
import type { OperationContext } from '../people/operation-context.ts'
import type { MyNumberSubject } from './my-number-subject.ts'

/**
 * The server's entries for the My Number relay: each relayed request, as the server saw it (the
 * vault keeps its own log of what it did). Refused requests are recorded too, as `denied`, so the
 * 本人 view shows attempts and not only successes. Never a digit, never the reason's text.
 */
export type MyNumberAuditType =
  | 'MY_NUMBER_REGISTRATION_RELAYED'
  | 'MY_NUMBER_STATUS_VIEWED'
  | 'MY_NUMBER_REFUSAL_RECORDED'
  | 'MY_NUMBER_REGISTRATION_APPROVED'
  | 'MY_NUMBER_REVEALED'
  /** Someone read the access history of a person's data (the audit log itself). */
  | 'ACCESS_HISTORY_VIEWED'

export async function auditMyNumber<DB>(
  trx: Transaction<DB>,
  ctx: OperationContext,
  subject: MyNumberSubject,
  entry: {
    type: MyNumberAuditType
    operation: 'read' | 'create' | 'update'
    result: AuditResult
    purpose?: string
    fields?: readonly string[]
  },
): Promise<void> {
  await record(trx, {
    type: entry.type,
    tenantId: ctx.actor.officeId,
    actorId: ctx.actor.userId,
    operation: entry.operation,
    result: entry.result,
    requestId: ctx.requestId,
    clientId: subject.clientId,
    subjectId: subject.subjectId,
    fields: entry.fields ?? ['myNumber'],
    ...(entry.purpose === undefined ? {} : { purpose: entry.purpose }),
  })
}
