import type { BonusPayrollInput } from '@mamori/rules/payroll/bonus-payroll.ts'
import type {
  EstablishmentPayrollSettings,
  MonthlyPayrollInput,
} from '@mamori/rules/payroll/monthly-payroll.ts'
import type { FixedAllowance, PayBasis, SalaryStructure } from '@mamori/rules/payroll/salary-structure.ts'
import type { PrefectureCode } from '@mamori/rules/prefectures/prefecture-codes.ts'
import { setupIncomplete } from './payroll-errors.ts'
import type {
  BonusInputRow,
  ClientPayrollSetup,
  MonthlyInputRow,
  PayrollEmployeeRow,
} from './payroll-setup.repo.ts'
import type { PayslipEmployee } from './payslip-row.ts'

/**
 * Stored rows → the inputs of the pure calculation (packages/rules payroll). Pure: the operation
 * loads, this assembles, rules calculate. A missing piece of setup is a refusal naming what to set
 * up (never whose record it is).
 */
export type ClientSettings = NonNullable<ClientPayrollSetup['settings']>

export function establishmentOf(
  setup: ClientPayrollSetup,
  settings: ClientSettings,
): EstablishmentPayrollSettings {
  return {
    prefecture: setup.prefectureCode as PrefectureCode,
    premiumCollection: settings.premiumCollection,
    shareRounding: settings.shareRounding,
    employmentInsuranceBusinessType: settings.businessType,
  }
}

export function payslipEmployeeOf(employee: PayrollEmployeeRow): PayslipEmployee {
  const version = requireVersion(employee)
  return {
    employeeId: employee.employeeId,
    employeeCode: employee.employeeNumber,
    employeeName: `${version.familyName}\u3000${version.givenName}`,
  }
}

function requireVersion(employee: PayrollEmployeeRow): NonNullable<PayrollEmployeeRow['version']> {
  if (employee.version === null) {
    throw setupIncomplete(
      'an employee on the payroll has no version in force at the period end',
      '給与計算の対象者に、賃金締切日時点の従業員情報 (給与形態・基本給) がありません。従業員情報を確認してください。',
      'employees',
    )
  }
  return employee.version
}

function payBasisOf(version: NonNullable<PayrollEmployeeRow['version']>): PayBasis {
  if (version.payBasis === 'monthly') return { kind: 'monthly', monthlyAmount: version.basePayYen }
  if (version.payBasis === 'daily') return { kind: 'daily', dailyAmount: version.basePayYen }
  return { kind: 'hourly', hourlyAmount: version.basePayYen }
}

export function salaryStructureOf(
  employee: PayrollEmployeeRow,
  settings: ClientSettings,
  oneOff: MonthlyInputRow['oneOffAllowances'],
): SalaryStructure {
  const version = requireVersion(employee)
  const rules = new Map(settings.allowanceRules.map((r) => [r.name, r]))
  const allowances: FixedAllowance[] = version.allowances.map((a) => {
    const rule = rules.get(a.name)
    if (rule === undefined) {
      throw setupIncomplete(
        `allowance "${a.name}" has no rule in the client's payroll settings`,
        `手当「${a.name}」の扱い (課税・割増賃金の基礎・欠勤控除) が事業所の給与設定にありません。`,
        'allowanceRules',
      )
    }
    return {
      code: rule.code,
      labelJa: a.name,
      amount: a.amountYen,
      incomeTax: rule.incomeTax,
      premiumBase: rule.premiumBase,
      reducedForAbsence: rule.reducedForAbsence,
    }
  })
  // Paid once: 臨時に支払われた賃金, outside the 割増賃金の基礎 and never reduced for absence.
  for (const a of oneOff) {
    allowances.push({
      code: `once-${a.code}`,
      labelJa: a.labelJa,
      amount: a.amountYen,
      incomeTax: a.incomeTax,
      premiumBase: 'temporary',
      reducedForAbsence: false,
    })
  }
  const p = employee.profile
  return {
    basis: payBasisOf(version),
    allowances,
    commuting:
      version.commutingAllowanceYen > 0
        ? {
            amount: version.commutingAllowanceYen,
            transitMonthlyFare: p.commutingTransitFareYen,
            vehicleOneWayMeters: p.commutingVehicleOneWayMeters,
            parkingMonthlyFee: p.commutingParkingFeeYen,
          }
        : null,
    averageMonthlyScheduledMinutes: settings.averageMonthlyScheduledMinutes,
    scheduledMinutesPerDay: settings.scheduledMinutesPerDay,
    absenceRule: settings.absenceRule,
  }
}

export function monthlyInputOf(
  establishment: EstablishmentPayrollSettings,
  settings: ClientSettings,
  employee: PayrollEmployeeRow,
  input: MonthlyInputRow,
  dates: { paymentDate: string; periodEndDate: string },
): MonthlyPayrollInput {
  const p = employee.profile
  return {
    paymentDate: dates.paymentDate,
    periodEndDate: dates.periodEndDate,
    establishment,
    employee: {
      person: { birthDate: employee.birthDate },
      healthStandardMonthlyRemuneration: p.healthStandardMonthlyYen,
      pensionStandardMonthlyRemuneration: p.pensionStandardMonthlyYen,
      employmentInsured: p.employmentInsured,
      withholdingColumn: p.withholdingColumn,
      dependents: p.dependents,
    },
    salary: salaryStructureOf(employee, settings, input.oneOffAllowances),
    attendance: input.attendance,
    residentTax: input.residentTaxYen,
    otherDeductions: input.oneOffDeductions.map((d) => ({
      code: d.code,
      labelJa: d.labelJa,
      amount: d.amountYen,
    })),
  }
}

export function bonusInputOf(
  establishment: EstablishmentPayrollSettings,
  employee: PayrollEmployeeRow,
  input: BonusInputRow,
  context: {
    paymentDate: string
    healthStandardBonusEarlierInFiscalYear: number
    previousMonth: { taxablePay: number; socialInsurance: number } | null
  },
): BonusPayrollInput {
  const p = employee.profile
  return {
    paymentDate: context.paymentDate,
    establishment,
    employee: {
      person: { birthDate: employee.birthDate },
      healthInsured: p.healthStandardMonthlyYen !== null,
      pensionInsured: p.pensionStandardMonthlyYen !== null,
      employmentInsured: p.employmentInsured,
      withholdingColumn: p.withholdingColumn,
      dependents: p.dependents,
    },
    bonus: input.bonusYen,
    calculationPeriodOverSixMonths: input.periodOverSixMonths,
    healthStandardBonusEarlierInFiscalYear: context.healthStandardBonusEarlierInFiscalYear,
    previousMonth: context.previousMonth,
    otherDeductions: input.oneOffDeductions.map((d) => ({
      code: d.code,
      labelJa: d.labelJa,
      amount: d.amountYen,
    })),
  }
}
