import type { AuditOperation } from '@mamori/audit/audit-event.ts'
import { record } from '@mamori/audit/record.ts'
import type { QueryExecutorProvider } from 'kysely'
import type { OperationContext } from '../people/operation-context.ts'

/**
 * The closed set of audit entries payroll writes, each with record() inside the transaction of
 * the read or change it describes, with ids only: the office, the actor, the client and, for one
 * person's payslip, the employee (subject); never a name or an amount. The entry has no member
 * for a run id, so an entry about a run names the client and the data items touched.
 */
export type PayrollAuditType =
  /** run-payroll.ts: a run version was calculated (first run or again). */
  | 'PAYROLL_RUN_CALCULATED'
  /** approve-payroll-run.ts: a version was approved and frozen. */
  | 'PAYROLL_RUN_APPROVED'
  /** correct-payroll-run.ts: a correction opened the next version, with its reason. */
  | 'PAYROLL_RUN_CORRECTION_OPENED'
  /** read-payroll-runs.ts getPayrollRun: a version's payslips were shown. */
  | 'PAYROLL_RUN_VIEWED'
  /** read-payroll-runs.ts listPayrollRunVersions: the history was shown (no amounts). */
  | 'PAYROLL_RUN_VERSIONS_LISTED'
  /** export-payslips.ts: a payslip PDF or a run's CSV left the system; `document` says which and how encoded. */
  | 'PAYSLIPS_EXPORTED'

/** The data items of a payslip (payroll.schema.ts ZPayslip), named in every entry that reads or writes one. */
export const PAYSLIP_FIELDS = [
  'employeeCode',
  'employeeName',
  'earnings',
  'deductions',
  'employerShares',
  'attendance',
  'totals',
  'standardBonus',
] as const

/** What a run version's history shows: who calculated, approved and corrected it, and why. */
export const RUN_HISTORY_FIELDS = ['runStatus', 'runActors', 'correctionReason'] as const

export type PayrollAuditEntry = {
  type: PayrollAuditType
  operation: AuditOperation
  clientId: string
  subjectId?: string
  /** A document code for exports: `payslip_pdf`, `payroll_csv:utf-8-bom`, `payroll_csv:shift_jis`. */
  document?: string
  fields: readonly string[]
}

export async function auditPayroll(
  trx: QueryExecutorProvider,
  ctx: OperationContext,
  entry: PayrollAuditEntry,
): Promise<void> {
  await record<PayrollAuditType>(trx, {
    type: entry.type,
    tenantId: ctx.actor.officeId,
    actorId: ctx.actor.userId,
    operation: entry.operation,
    result: 'success',
    requestId: ctx.requestId,
    clientId: entry.clientId,
    fields: entry.fields,
    ...(entry.subjectId === undefined ? {} : { subjectId: entry.subjectId }),
    ...(entry.document === undefined ? {} : { document: entry.document }),
  })
}
