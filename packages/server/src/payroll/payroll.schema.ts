import { z } from 'zod'

const isoDate = z.iso.date()

export const ZClientParams = z.object({ clientId: z.uuid() })
export const ZRunParams = z.object({ clientId: z.uuid(), runId: z.uuid() })
export const ZPayslipParams = z.object({ clientId: z.uuid(), payslipId: z.uuid() })

export const ZRunRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('monthly'), paymentDate: isoDate, periodEndDate: isoDate }).strict(),
  z.object({ kind: z.literal('bonus'), paymentDate: isoDate }).strict(),
])

export const ZCorrectionRequest = z.object({ reason: z.string().trim().min(1).max(1000) }).strict()

export const ZCsvQuery = z
  .object({ encoding: z.enum(['utf-8-bom', 'shift_jis']).default('utf-8-bom') })
  .strict()

export const ZRunSummary = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  kind: z.enum(['monthly', 'bonus']),
  payMonth: isoDate,
  paymentDate: isoDate,
  periodEndDate: isoDate.nullable(),
  version: z.number().int(),
  status: z.enum(['draft', 'calculated', 'approved']),
  createdBy: z.uuid(),
  createdAt: z.iso.datetime(),
  calculatedBy: z.uuid().nullable(),
  calculatedAt: z.iso.datetime().nullable(),
  approvedBy: z.uuid().nullable(),
  approvedAt: z.iso.datetime().nullable(),
  correctionReason: z.string().nullable(),
  correctsRunId: z.uuid().nullable(),
  tableIds: z.array(z.string()),
  payslipCount: z.number().int(),
})

const yen = z.number().int()

export const ZPayslip = z.object({
  id: z.uuid(),
  employeeId: z.uuid(),
  employeeCode: z.string().nullable(),
  employeeName: z.string(),
  earnings: z.array(
    z.object({
      code: z.string(),
      labelJa: z.string(),
      amount: yen,
      incomeTax: z.enum(['taxable', 'non-taxable']),
    }),
  ),
  deductions: z.array(
    z.object({
      code: z.string(),
      group: z.enum(['social-insurance', 'tax', 'other']),
      labelJa: z.string(),
      amount: yen,
    }),
  ),
  employerSharesSen: z.object({
    healthSen: yen,
    pensionSen: yen,
    childContributionSen: yen,
    employmentSen: yen,
  }),
  attendance: z
    .object({
      scheduledDays: z.number().int(),
      workedDays: z.number().int(),
      absentDays: z.number().int(),
      paidLeaveDays: z.number().int(),
      workedMinutes: z.number().int(),
      lateEarlyMinutes: z.number().int(),
      withinStatutoryOvertimeMinutes: z.number().int(),
      statutoryOvertimeMinutes: z.number().int(),
      lateNightMinutes: z.number().int(),
      legalHolidayMinutes: z.number().int(),
    })
    .nullable(),
  premiumMonth: isoDate.nullable(),
  totals: z.object({
    grossPay: yen,
    taxablePay: yen,
    socialInsurance: yen,
    incomeTax: yen,
    totalDeductions: yen,
    netPay: yen,
  }),
  healthStandardBonus: yen.nullable(),
  pensionStandardBonus: yen.nullable(),
})

export const ZRunResponse = z.object({ run: ZRunSummary, payslips: z.array(ZPayslip) })
export const ZVersionsResponse = z.object({ versions: z.array(ZRunSummary) })
