import type { Actor } from '../access/access.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { runNotFound } from './payroll-errors.ts'
import { findRun, listVersions, type PayrollRun } from './payroll-runs.repo.ts'
import { listPayslips } from './payslips.repo.ts'
import type { PayrollDeps, RunResult } from './run-payroll.ts'

/**
 * A run version with its payslips (personal data: names and pay).
 * Audit: PAYROLL_RUN_VIEWED belongs in this transaction.
 */
export async function getPayrollRun(
  deps: PayrollDeps,
  actor: Actor,
  input: { clientId: string; runId: string },
): Promise<RunResult> {
  return withTenant(deps.db, actor.officeId, async (trx) => {
    const run = await findRun(trx, actor.officeId, input.clientId, input.runId)
    if (run === undefined) throw runNotFound()
    return { run, payslips: await listPayslips(trx, actor.officeId, input.clientId, run.id) }
  })
}

/**
 * Every version of the run `runId` belongs to, oldest first: who calculated and approved each,
 * and why each correction was opened. No pay amounts.
 * Audit: PAYROLL_RUN_VERSIONS_LISTED belongs in this transaction.
 */
export async function listPayrollRunVersions(
  deps: PayrollDeps,
  actor: Actor,
  input: { clientId: string; runId: string },
): Promise<PayrollRun[]> {
  return withTenant(deps.db, actor.officeId, async (trx) => {
    const run = await findRun(trx, actor.officeId, input.clientId, input.runId)
    if (run === undefined) throw runNotFound()
    return listVersions(trx, actor.officeId, run)
  })
}
