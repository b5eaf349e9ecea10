import { formatPremiumMonthJa } from '@mamori/rules/payroll/social-insurance-month.ts'
import type { OperationContext } from '../people/operation-context.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { auditPayroll, PAYSLIP_FIELDS } from './audit-events.ts'
import { payslipNotFound, runNotFound } from './payroll-errors.ts'
import { findRun, type PayrollRun } from './payroll-runs.repo.ts'
import { findClientPayrollSetup } from './payroll-setup.repo.ts'
import { type CsvEncoding, payslipsToCsv } from './payslip-csv.ts'
import { warekiDateJa } from './payslip-document.ts'
import type { PayslipFont } from './payslip-font.ts'
import { renderPayslipPdf } from './payslip-pdf.ts'
import { payslipDocumentOf } from './payslip-row.ts'
import { findPayslip, listPayslips } from './payslips.repo.ts'
import type { PayrollDeps } from './run-payroll.ts'

/** 令和8年5月分 for a monthly run (the month of payment), 令和8年7月10日支給分 for a bonus. */
export function periodLabelJa(run: Pick<PayrollRun, 'kind' | 'payMonth' | 'paymentDate'>): string {
  return run.kind === 'monthly'
    ? formatPremiumMonthJa(run.payMonth)
    : `${warekiDateJa(run.paymentDate)}支給分`
}

/**
 * One employee's 給与明細 / 賞与明細 as a PDF, from the stored payslip (as approved, if it was).
 * Audit: PAYSLIPS_EXPORTED (document payslip_pdf, subject the employee) in the transaction that
 * reads the payslip: should rendering fail after it commits, the entry stands for a read that happened.
 */
export async function exportPayslipPdf(
  deps: PayrollDeps & { font: () => Promise<PayslipFont> },
  ctx: OperationContext,
  input: { clientId: string; payslipId: string },
): Promise<{ pdf: Uint8Array; fileName: string }> {
  const officeId = ctx.actor.officeId
  const { document, run } = await withTenant(deps.db, officeId, async (trx) => {
    const payslip = await findPayslip(trx, officeId, input.clientId, input.payslipId)
    if (payslip === undefined) throw payslipNotFound()
    await auditPayroll(trx, ctx, {
      type: 'PAYSLIPS_EXPORTED',
      operation: 'export',
      clientId: input.clientId,
      subjectId: payslip.employeeId,
      document: 'payslip_pdf',
      fields: PAYSLIP_FIELDS,
    })
    const run = (await findRun(trx, officeId, input.clientId, payslip.runId))!
    const setup = (await findClientPayrollSetup(trx, officeId, input.clientId))!
    const label = { kind: run.kind, paymentDate: run.paymentDate, periodLabelJa: periodLabelJa(run) }
    return { document: payslipDocumentOf(payslip, label, setup.clientName), run }
  })
  const pdf = await renderPayslipPdf(document, await deps.font())
  // The file name carries ids and dates only: a name in a URL or header would leak into logs.
  return { pdf, fileName: `payslip-${run.paymentDate}-v${run.version}-${input.payslipId}.pdf` }
}

/**
 * Every payslip of a run version as one CSV (UTF-8 with BOM, or Windows-31J).
 * Audit: PAYSLIPS_EXPORTED (document payroll_csv with its encoding) in this transaction: one entry
 * for the run.
 */
export async function exportRunCsv(
  deps: PayrollDeps,
  ctx: OperationContext,
  input: { clientId: string; runId: string; encoding: CsvEncoding },
): Promise<{ csv: Buffer; fileName: string }> {
  const officeId = ctx.actor.officeId
  return withTenant(deps.db, officeId, async (trx) => {
    const run = await findRun(trx, officeId, input.clientId, input.runId)
    if (run === undefined) throw runNotFound()
    const setup = (await findClientPayrollSetup(trx, officeId, input.clientId))!
    const label = { kind: run.kind, paymentDate: run.paymentDate, periodLabelJa: periodLabelJa(run) }
    const payslips = await listPayslips(trx, officeId, input.clientId, run.id)
    await auditPayroll(trx, ctx, {
      type: 'PAYSLIPS_EXPORTED',
      operation: 'export',
      clientId: input.clientId,
      document: `payroll_csv:${input.encoding}`,
      fields: PAYSLIP_FIELDS,
    })
    const csv = payslipsToCsv(
      payslips.map((p) => payslipDocumentOf(p, label, setup.clientName)),
      input.encoding,
    )
    return { csv, fileName: `payroll-${run.kind}-${run.paymentDate}-v${run.version}.csv` }
  })
}
