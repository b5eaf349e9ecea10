import type { OperationContext } from '../people/operation-context.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { auditPayroll } from './audit-events.ts'
import { runNotFound, stateConflict } from './payroll-errors.ts'
import { findLatestVersion, findRun, insertRunVersion, type PayrollRun } from './payroll-runs.repo.ts'
import type { PayrollDeps } from './run-payroll.ts'

/**
 * Opens a correction of an approved run: a new version (draft) with the reason and the version it
 * corrects, calculated by the next run of the same month. The approved version stays as it was,
 * frozen, in the run's history. Only the latest version, and only an approved one, is corrected
 * (an unapproved version is simply calculated again).
 * Audit: PAYROLL_RUN_CORRECTION_OPENED in this transaction, after insertRunVersion.
 */
export async function correctPayrollRun(
  deps: PayrollDeps,
  ctx: OperationContext,
  input: { clientId: string; runId: string; reason: string },
): Promise<PayrollRun> {
  const { actor } = ctx
  const officeId = actor.officeId
  return withTenant(deps.db, officeId, async (trx) => {
    const run = await findRun(trx, officeId, input.clientId, input.runId, { forUpdate: true })
    if (run === undefined) throw runNotFound()
    const latest = await findLatestVersion(trx, officeId, run)
    if (latest?.id !== run.id) {
      throw stateConflict(
        'only the latest version of a run can be corrected',
        'この版より新しい版があります。最新の版を訂正してください。',
        'runId',
      )
    }
    if (run.status !== 'approved') {
      throw stateConflict(
        'only an approved version is corrected; an unapproved one is calculated again',
        '承認前の版は訂正ではなく、そのまま再計算してください。',
        'runId',
      )
    }
    const next = await insertRunVersion(trx, officeId, {
      clientId: run.clientId,
      kind: run.kind,
      payMonth: run.payMonth,
      paymentDate: run.paymentDate,
      periodEndDate: run.periodEndDate,
      version: run.version + 1,
      createdBy: actor.userId,
      createdAt: deps.now(),
      correction: { reason: input.reason, correctsRunId: run.id },
    })
    await auditPayroll(trx, ctx, {
      type: 'PAYROLL_RUN_CORRECTION_OPENED',
      operation: 'create',
      clientId: input.clientId,
      fields: ['runVersion', 'correctionReason'],
    })
    return next
  })
}
