import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Allowance, PayBasis } from '../db/people-tables.ts'
import type {
  AllowanceRule,
  BusinessTypeColumn,
  OneOffAllowance,
  OneOffDeduction,
  PayrollDb,
  PremiumCollectionColumn,
  ShareRoundingColumn,
} from './payroll-tables.ts'

/**
 * What a payroll run reads: the client's settings, and per employee the version, payroll profile
 * and inputs in force. Also the writes that set them up. Every query takes the office first.
 */
export type ClientPayrollSetup = {
  clientName: string
  prefectureCode: number
  healthInsurer: 'kyokai_kenpo' | 'kumiai'
  settings: {
    premiumCollection: PremiumCollectionColumn
    shareRounding: ShareRoundingColumn
    businessType: BusinessTypeColumn
    averageMonthlyScheduledMinutes: number
    scheduledMinutesPerDay: number
    absenceRule: 'average-month' | 'days-of-this-month'
    allowanceRules: AllowanceRule[]
  } | null
}

export async function findClientPayrollSetup(
  db: Kysely<PayrollDb>,
  officeId: string,
  clientId: string,
): Promise<ClientPayrollSetup | undefined> {
  const row = await db
    .selectFrom('clients as c')
    .leftJoin('client_payroll_settings as s', (join) =>
      join.onRef('s.office_id', '=', 'c.office_id').onRef('s.client_id', '=', 'c.id'),
    )
    .select([
      'c.name',
      'c.prefecture_code',
      'c.health_insurer',
      's.premium_collection',
      's.share_rounding',
      's.employment_insurance_business_type',
      's.average_monthly_scheduled_minutes',
      's.scheduled_minutes_per_day',
      's.absence_rule',
      's.allowance_rules',
    ])
    .where('c.office_id', '=', officeId)
    .where('c.id', '=', clientId)
    .executeTakeFirst()
  if (row === undefined) return undefined
  return {
    clientName: row.name,
    prefectureCode: row.prefecture_code,
    healthInsurer: row.health_insurer,
    settings:
      row.premium_collection === null
        ? null
        : {
            premiumCollection: row.premium_collection,
            shareRounding: row.share_rounding!,
            businessType: row.employment_insurance_business_type!,
            averageMonthlyScheduledMinutes: row.average_monthly_scheduled_minutes!,
            scheduledMinutesPerDay: row.scheduled_minutes_per_day!,
            absenceRule: row.absence_rule!,
            allowanceRules: row.allowance_rules!,
          },
  }
}

/** An employee on the payroll, with the version in force at the period end (null: none). */
export type PayrollEmployeeRow = {
  employeeId: string
  employeeNumber: string | null
  birthDate: string
  version: {
    familyName: string
    givenName: string
    payBasis: PayBasis
    basePayYen: number
    allowances: Allowance[]
    commutingAllowanceYen: number
  } | null
  profile: {
    healthStandardMonthlyYen: number | null
    pensionStandardMonthlyYen: number | null
    employmentInsured: boolean
    withholdingColumn: 'kou' | 'otsu'
    dependents: number
    commutingTransitFareYen: number | null
    commutingVehicleOneWayMeters: number | null
    commutingParkingFeeYen: number | null
  }
}

type EmployeeSql = {
  employee_id: string
  employee_number: string | null
  birth_date: string
  family_name: string | null
  given_name: string | null
  pay_basis: PayBasis | null
  base_pay_yen: number | null
  allowances: Allowance[] | null
  commuting_allowance_yen: number | null
  health_standard_monthly_yen: number | null
  pension_standard_monthly_yen: number | null
  employment_insured: boolean
  withholding_column: 'kou' | 'otsu'
  dependents: number
  commuting_transit_fare_yen: number | null
  commuting_vehicle_one_way_meters: number | null
  commuting_parking_fee_yen: number | null
}

/**
 * Employees of the client with a payroll profile in force on `profileDate`, employed at some time
 * in [periodStart, periodEnd], each with the version in force on periodEnd. `only` narrows to the
 * employees with a bonus input (bonus runs). Ordered by employee number, then id: payslips come
 * out in the same order every run.
 */
export async function listPayrollEmployees(
  db: Kysely<PayrollDb>,
  officeId: string,
  clientId: string,
  dates: { periodStart: string; periodEnd: string; profileDate: string },
): Promise<PayrollEmployeeRow[]> {
  const { rows } = await sql<EmployeeSql>`
    select e.id as employee_id, e.employee_number, e.birth_date::text as birth_date,
      v.family_name, v.given_name, v.pay_basis, v.base_pay_yen, v.allowances, v.commuting_allowance_yen,
      p.health_standard_monthly_yen, p.pension_standard_monthly_yen, p.employment_insured,
      p.withholding_column, p.dependents, p.commuting_transit_fare_yen,
      p.commuting_vehicle_one_way_meters, p.commuting_parking_fee_yen
    from employees e
    join lateral (
      select * from employee_payroll_profiles pp
      where pp.office_id = e.office_id and pp.employee_id = e.id and pp.valid_from <= ${dates.profileDate}::date
      order by pp.valid_from desc limit 1
    ) p on true
    left join employee_versions v
      on v.office_id = e.office_id and v.employee_id = e.id
      and v.valid_from <= ${dates.periodEnd}::date and (v.valid_to is null or v.valid_to > ${dates.periodEnd}::date)
    where e.office_id = ${officeId} and e.client_id = ${clientId}
      and e.hire_date <= ${dates.periodEnd}::date
      and (e.leave_date is null or e.leave_date >= ${dates.periodStart}::date)
    order by e.employee_number nulls last, e.id`.execute(db)
  return rows.map(toEmployeeRow)
}

function toEmployeeRow(r: EmployeeSql): PayrollEmployeeRow {
  return {
    employeeId: r.employee_id,
    employeeNumber: r.employee_number,
    birthDate: r.birth_date,
    version:
      r.family_name === null
        ? null
        : {
            familyName: r.family_name,
            givenName: r.given_name!,
            payBasis: r.pay_basis!,
            basePayYen: r.base_pay_yen!,
            allowances: r.allowances!,
            commutingAllowanceYen: r.commuting_allowance_yen!,
          },
    profile: {
      healthStandardMonthlyYen: r.health_standard_monthly_yen,
      pensionStandardMonthlyYen: r.pension_standard_monthly_yen,
      employmentInsured: r.employment_insured,
      withholdingColumn: r.withholding_column,
      dependents: r.dependents,
      commutingTransitFareYen: r.commuting_transit_fare_yen,
      commutingVehicleOneWayMeters: r.commuting_vehicle_one_way_meters,
      commutingParkingFeeYen: r.commuting_parking_fee_yen,
    },
  }
}

export type MonthlyInputRow = {
  employeeId: string
  attendance: {
    scheduledDays: number
    workedDays: number
    absentDays: number
    paidLeaveDays: number
    workedMinutes: number
    lateEarlyMinutes: number
    withinStatutoryOvertimeMinutes: number
    statutoryOvertimeMinutes: number
    lateNightMinutes: number
    legalHolidayMinutes: number
  }
  oneOffAllowances: OneOffAllowance[]
  oneOffDeductions: OneOffDeduction[]
  residentTaxYen: number
}

export async function listMonthlyInputs(
  db: Kysely<PayrollDb>,
  officeId: string,
  clientId: string,
  payMonth: string,
): Promise<Map<string, MonthlyInputRow>> {
  const rows = await db
    .selectFrom('payroll_inputs')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('client_id', '=', clientId)
    .where('pay_month', '=', payMonth)
    .execute()
  return new Map(
    rows.map((r) => [
      r.employee_id,
      {
        employeeId: r.employee_id,
        attendance: {
          scheduledDays: r.scheduled_days,
          workedDays: r.worked_days,
          absentDays: r.absent_days,
          paidLeaveDays: r.paid_leave_days,
          workedMinutes: r.worked_minutes,
          lateEarlyMinutes: r.late_early_minutes,
          withinStatutoryOvertimeMinutes: r.within_statutory_overtime_minutes,
          statutoryOvertimeMinutes: r.statutory_overtime_minutes,
          lateNightMinutes: r.late_night_minutes,
          legalHolidayMinutes: r.legal_holiday_minutes,
        },
        oneOffAllowances: r.one_off_allowances,
        oneOffDeductions: r.one_off_deductions,
        residentTaxYen: r.resident_tax_yen,
      },
    ]),
  )
}

export type BonusInputRow = {
  employeeId: string
  bonusYen: number
  periodOverSixMonths: boolean
  oneOffDeductions: OneOffDeduction[]
}

export async function listBonusInputs(
  db: Kysely<PayrollDb>,
  officeId: string,
  clientId: string,
  paymentDate: string,
): Promise<Map<string, BonusInputRow>> {
  const rows = await db
    .selectFrom('bonus_inputs')
    .select(['employee_id', 'bonus_yen', 'period_over_six_months', 'one_off_deductions'])
    .where('office_id', '=', officeId)
    .where('client_id', '=', clientId)
    .where('payment_date', '=', paymentDate)
    .execute()
  return new Map(
    rows.map((r) => [
      r.employee_id,
      {
        employeeId: r.employee_id,
        bonusYen: r.bonus_yen,
        periodOverSixMonths: r.period_over_six_months,
        oneOffDeductions: r.one_off_deductions,
      },
    ]),
  )
}

export type ClientPayrollSettingsInput = NonNullable<ClientPayrollSetup['settings']>

export async function upsertClientPayrollSettings(
  db: Kysely<PayrollDb>,
  officeId: string,
  clientId: string,
  s: ClientPayrollSettingsInput,
): Promise<void> {
  const values = {
    premium_collection: s.premiumCollection,
    share_rounding: s.shareRounding,
    employment_insurance_business_type: s.businessType,
    average_monthly_scheduled_minutes: s.averageMonthlyScheduledMinutes,
    scheduled_minutes_per_day: s.scheduledMinutesPerDay,
    absence_rule: s.absenceRule,
    allowance_rules: JSON.stringify(s.allowanceRules),
  }
  await db
    .insertInto('client_payroll_settings')
    .values({ office_id: officeId, client_id: clientId, ...values })
    .onConflict((oc) =>
      oc.columns(['office_id', 'client_id']).doUpdateSet({ ...values, updated_at: new Date() }),
    )
    .execute()
}

export async function insertPayrollProfile(
  db: Kysely<PayrollDb>,
  officeId: string,
  clientId: string,
  employeeId: string,
  validFrom: string,
  p: PayrollEmployeeRow['profile'],
): Promise<void> {
  await db
    .insertInto('employee_payroll_profiles')
    .values({
      office_id: officeId,
      client_id: clientId,
      employee_id: employeeId,
      valid_from: validFrom,
      health_standard_monthly_yen: p.healthStandardMonthlyYen,
      pension_standard_monthly_yen: p.pensionStandardMonthlyYen,
      employment_insured: p.employmentInsured,
      withholding_column: p.withholdingColumn,
      dependents: p.dependents,
      commuting_transit_fare_yen: p.commutingTransitFareYen,
      commuting_vehicle_one_way_meters: p.commutingVehicleOneWayMeters,
      commuting_parking_fee_yen: p.commutingParkingFeeYen,
    })
    .execute()
}

export async function upsertMonthlyInput(
  db: Kysely<PayrollDb>,
  officeId: string,
  clientId: string,
  payMonth: string,
  input: MonthlyInputRow,
): Promise<void> {
  const a = input.attendance
  const values = {
    scheduled_days: a.scheduledDays,
    worked_days: a.workedDays,
    absent_days: a.absentDays,
    paid_leave_days: a.paidLeaveDays,
    worked_minutes: a.workedMinutes,
    late_early_minutes: a.lateEarlyMinutes,
    within_statutory_overtime_minutes: a.withinStatutoryOvertimeMinutes,
    statutory_overtime_minutes: a.statutoryOvertimeMinutes,
    late_night_minutes: a.lateNightMinutes,
    legal_holiday_minutes: a.legalHolidayMinutes,
    one_off_allowances: JSON.stringify(input.oneOffAllowances),
    one_off_deductions: JSON.stringify(input.oneOffDeductions),
    resident_tax_yen: input.residentTaxYen,
  }
  await db
    .insertInto('payroll_inputs')
    .values({
      office_id: officeId,
      client_id: clientId,
      employee_id: input.employeeId,
      pay_month: payMonth,
      ...values,
    })
    .onConflict((oc) =>
      oc
        .columns(['office_id', 'employee_id', 'pay_month'])
        .doUpdateSet({ ...values, updated_at: new Date() }),
    )
    .execute()
}

export async function upsertBonusInput(
  db: Kysely<PayrollDb>,
  officeId: string,
  clientId: string,
  paymentDate: string,
  input: BonusInputRow,
): Promise<void> {
  const values = {
    bonus_yen: input.bonusYen,
    period_over_six_months: input.periodOverSixMonths,
    one_off_deductions: JSON.stringify(input.oneOffDeductions),
  }
  await db
    .insertInto('bonus_inputs')
    .values({
      office_id: officeId,
      client_id: clientId,
      employee_id: input.employeeId,
      payment_date: paymentDate,
      ...values,
    })
    .onConflict((oc) =>
      oc
        .columns(['office_id', 'employee_id', 'payment_date'])
        .doUpdateSet({ ...values, updated_at: new Date() }),
    )
    .execute()
}
