import type { OperationContext } from '../people/operation-context.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { auditPayroll } from './audit-events.ts'
import { runNotFound, stateConflict } from './payroll-errors.ts'
import { findLatestVersion, findRun, markApproved, type PayrollRun } from './payroll-runs.repo.ts'
import type { PayrollDeps } from './run-payroll.ts'

/**
 * Approves a calculated run version: from then on it is frozen (the database refuses any change
 * to it or its payslips). Only the latest version can be approved. Approving an approved version
 * again changes nothing and answers as the first time did (a retried request must not fail).
 * Audit: PAYROLL_RUN_APPROVED in this transaction, after markApproved (a repeated approval
 * changes nothing and writes no entry).
 */
export async function approvePayrollRun(
  deps: PayrollDeps,
  ctx: OperationContext,
  input: { clientId: string; runId: string },
): Promise<PayrollRun> {
  const { actor } = ctx
  const officeId = actor.officeId
  return withTenant(deps.db, officeId, async (trx) => {
    const run = await findRun(trx, officeId, input.clientId, input.runId, { forUpdate: true })
    if (run === undefined) throw runNotFound()
    if (run.status === 'approved') return run
    const latest = await findLatestVersion(trx, officeId, run)
    if (latest?.id !== run.id) {
      throw stateConflict(
        'only the latest version of a run can be approved',
        'この版より新しい版があります。最新の版を確認して承認してください。',
        'runId',
      )
    }
    if (run.status === 'draft') {
      throw stateConflict(
        'a draft version cannot be approved before it is calculated',
        'この版はまだ計算されていません。計算してから承認してください。',
        'runId',
      )
    }
    await markApproved(trx, officeId, run.id, { by: actor.userId, at: deps.now() })
    await auditPayroll(trx, ctx, {
      type: 'PAYROLL_RUN_APPROVED',
      operation: 'update',
      clientId: input.clientId,
      fields: ['runStatus'],
    })
    return (await findRun(trx, officeId, input.clientId, run.id))!
  })
}
