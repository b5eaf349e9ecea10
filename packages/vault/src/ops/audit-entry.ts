import type { AuditResult } from '@mamori/audit/audit-event.ts'
import type { VaultAuditEvent, VaultAuditType } from '../audit/events.ts'
import { OPERATION_OF } from '../audit/events.ts'
import type { TCallContext } from '../contract/index.ts'

/** The context of a call, as ops receive it: every id of ZCallContext, the subject optional (merge). */
export type CallContext = Omit<TCallContext, 'subjectId'> & { subjectId?: string }

/** One audit entry for `ctx`: ids and codes only, the operation fixed by the entry type. */
export function auditEntry(
  type: VaultAuditType,
  ctx: CallContext,
  result: AuditResult,
  extra: { subjectId?: string; document?: string; at?: Date } = {},
): VaultAuditEvent {
  const subjectId = extra.subjectId ?? ctx.subjectId
  return {
    type,
    tenantId: ctx.tenantId,
    actorId: ctx.actorId,
    clientId: ctx.clientId,
    operation: OPERATION_OF[type],
    result,
    purpose: ctx.purpose,
    requestId: ctx.requestId,
    fields: ['myNumber'],
    ...(subjectId === undefined ? {} : { subjectId }),
    ...(extra.document === undefined ? {} : { document: extra.document }),
    ...(extra.at === undefined ? {} : { at: extra.at.getTime() }),
  }
}
