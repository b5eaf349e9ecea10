import type { Actor } from '../access/access.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { runNotFound, stateConflict } from './payroll-errors.ts'
import { findLatestVersion, findRun, markApproved, type PayrollRun } from './payroll-runs.repo.ts'
import type { PayrollDeps } from './run-payroll.ts'

/**
 * Approves a calculated run version: from then on it is frozen (the database refuses any change
 * to it or its payslips). Only the latest version can be approved. Approving an approved version
 * again changes nothing and answers as the first time did (a retried request must not fail).
 * Audit: PAYROLL_RUN_APPROVED belongs in this transaction, after markApproved.
 */
export async function approvePayrollRun(
  deps: PayrollDeps,
  actor: Actor,
  input: { clientId: string; runId: string },
): Promise<PayrollRun> {
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
    return (await findRun(trx, officeId, input.clientId, run.id))!
  })
}
