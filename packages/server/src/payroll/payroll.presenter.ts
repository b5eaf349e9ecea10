import type { z } from 'zod'
import type { ZPayslip, ZRunSummary } from './payroll.schema.ts'
import type { PayrollRun } from './payroll-runs.repo.ts'
import type { StoredPayslip } from './payslip-row.ts'

/** The only path from stored runs and payslips to JSON; the response schemas allow nothing else. */
export function presentRun(run: PayrollRun): z.infer<typeof ZRunSummary> {
  return {
    id: run.id,
    clientId: run.clientId,
    kind: run.kind,
    payMonth: run.payMonth,
    paymentDate: run.paymentDate,
    periodEndDate: run.periodEndDate,
    version: run.version,
    status: run.status,
    createdBy: run.createdBy,
    createdAt: run.createdAt.toISOString(),
    calculatedBy: run.calculatedBy,
    calculatedAt: run.calculatedAt?.toISOString() ?? null,
    approvedBy: run.approvedBy,
    approvedAt: run.approvedAt?.toISOString() ?? null,
    correctionReason: run.correctionReason,
    correctsRunId: run.correctsRunId,
    tableIds: run.tableIds,
    payslipCount: run.payslipCount,
  }
}

export function presentPayslip(p: StoredPayslip): z.infer<typeof ZPayslip> {
  return {
    id: p.id,
    employeeId: p.employeeId,
    employeeCode: p.employeeCode,
    employeeName: p.employeeName,
    earnings: [...p.lines.earnings],
    deductions: [...p.lines.deductions],
    employerSharesSen: p.lines.employerSharesSen,
    attendance: p.attendance,
    premiumMonth: p.premiumMonth,
    totals: p.totals,
    healthStandardBonus: p.healthStandardBonus,
    pensionStandardBonus: p.pensionStandardBonus,
  }
}
