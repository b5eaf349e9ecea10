import type { Attendance } from './attendance.ts'
import type { MonthlyPayrollInput } from './monthly-payroll.ts'

/**
 * The worked example of monthly-payroll.test.ts (example 1), as a base for tests that vary one
 * input. Fictional: a synthetic-style employee, not a real person.
 */
export const QUIET_MONTH: Attendance = {
  scheduledDays: 20,
  workedDays: 20,
  absentDays: 0,
  paidLeaveDays: 0,
  workedMinutes: 0,
  lateEarlyMinutes: 0,
  withinStatutoryOvertimeMinutes: 0,
  statutoryOvertimeMinutes: 0,
  lateNightMinutes: 0,
  legalHolidayMinutes: 0,
}

export const EXAMPLE_MONTHLY_INPUT: MonthlyPayrollInput = {
  paymentDate: '2026-05-25',
  periodEndDate: '2026-05-20',
  establishment: {
    prefecture: 13,
    premiumCollection: 'following-month',
    shareRounding: 'deduct-from-pay',
    employmentInsuranceBusinessType: 'general',
  },
  employee: {
    person: { birthDate: '1980-07-10' },
    healthStandardMonthlyRemuneration: 340_000,
    pensionStandardMonthlyRemuneration: 340_000,
    employmentInsured: true,
    withholdingColumn: 'kou',
    dependents: 1,
  },
  salary: {
    basis: { kind: 'monthly', monthlyAmount: 300_000 },
    allowances: [
      {
        code: 'position',
        labelJa: '役職手当',
        amount: 20_000,
        incomeTax: 'taxable',
        premiumBase: 'included',
        reducedForAbsence: false,
      },
      {
        code: 'family',
        labelJa: '家族手当',
        amount: 10_000,
        incomeTax: 'taxable',
        premiumBase: 'family',
        reducedForAbsence: false,
      },
    ],
    commuting: {
      amount: 12_000,
      transitMonthlyFare: 12_000,
      vehicleOneWayMeters: null,
      parkingMonthlyFee: null,
    },
    averageMonthlyScheduledMinutes: 160 * 60,
    scheduledMinutesPerDay: 8 * 60,
    absenceRule: 'average-month',
  },
  attendance: {
    ...QUIET_MONTH,
    workedDays: 19,
    absentDays: 1,
    lateEarlyMinutes: 30,
    statutoryOvertimeMinutes: 20 * 60,
    lateNightMinutes: 2 * 60,
    legalHolidayMinutes: 8 * 60,
  },
  residentTax: 15_000,
  otherDeductions: [{ code: 'housing', labelJa: '社宅費', amount: 10_000 }],
}
