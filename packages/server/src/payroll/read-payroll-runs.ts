import type { OperationContext } from '../people/operation-context.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { auditPayroll, PAYSLIP_FIELDS, RUN_HISTORY_FIELDS } from './audit-events.ts'
import { runNotFound } from './payroll-errors.ts'
import { findRun, listVersions, type PayrollRun } from './payroll-runs.repo.ts'
import { listPayslips } from './payslips.repo.ts'
import type { PayrollDeps, RunResult } from './run-payroll.ts'

/**
 * A run version with its payslips (personal data: names and pay).
 * Audit: PAYROLL_RUN_VIEWED in this transaction.
 */
export async function getPayrollRun(
  deps: PayrollDeps,
  ctx: OperationContext,
  input: { clientId: string; runId: string },
): Promise<RunResult> {
  return withTenant(deps.db, ctx.actor.officeId, async (trx) => {
    const run = await findRun(trx, ctx.actor.officeId, input.clientId, input.runId)
    if (run === undefined) throw runNotFound()
    await auditPayroll(trx, ctx, {
      type: 'PAYROLL_RUN_VIEWED',
      operation: 'read',
      clientId: input.clientId,
      fields: [...RUN_HISTORY_FIELDS, ...PAYSLIP_FIELDS],
    })
    return { run, payslips: await listPayslips(trx, ctx.actor.officeId, input.clientId, run.id) }
  })
}

/**
 * Every version of the run `runId` belongs to, oldest first: who calculated and approved each,
 * and why each correction was opened. No pay amounts.
 * Audit: PAYROLL_RUN_VERSIONS_LISTED in this transaction.
 */
export async function listPayrollRunVersions(
  deps: PayrollDeps,
  ctx: OperationContext,
  input: { clientId: string; runId: string },
): Promise<PayrollRun[]> {
  return withTenant(deps.db, ctx.actor.officeId, async (trx) => {
    const run = await findRun(trx, ctx.actor.officeId, input.clientId, input.runId)
    if (run === undefined) throw runNotFound()
    await auditPayroll(trx, ctx, {
      type: 'PAYROLL_RUN_VERSIONS_LISTED',
      operation: 'read',
      clientId: input.clientId,
      fields: RUN_HISTORY_FIELDS,
    })
    return listVersions(trx, ctx.actor.officeId, run)
  })
}
