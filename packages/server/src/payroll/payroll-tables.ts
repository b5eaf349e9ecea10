import type { ColumnType, Generated } from 'kysely'
import type { ServerTables } from '../db/tables.ts'

/**
 * Payroll's tables (migrations/0010_payroll-runs.sql) as Kysely sees them. Dates are SQL `date`,
 * selected as 'YYYY-MM-DD' text; bigint totals come back as strings from pg and as numbers from
 * PGlite, so repositories decode them (decode.ts) and nothing above sees either.
 */
export type PayrollTables = {
  client_payroll_settings: ClientPayrollSettingsTable
  employee_payroll_profiles: EmployeePayrollProfilesTable
  payroll_inputs: PayrollInputsTable
  bonus_inputs: BonusInputsTable
  payroll_runs: PayrollRunsTable
  payslips: PayslipsTable
}

/** The database payroll works on: the server's tables and its own. */
export type PayrollDb = ServerTables & PayrollTables

type DateColumn = ColumnType<string, string, string>
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>
type Json<T> = ColumnType<T, string, string>
type BigintColumn = ColumnType<string | number | bigint, number, number>
type NullableBigint = ColumnType<string | number | bigint | null, number | null, number | null>
type Timestamp = ColumnType<Date, Date | undefined, Date>

export type PremiumCollectionColumn = 'following-month' | 'same-month'
export type ShareRoundingColumn =
  | 'deduct-from-pay'
  | 'paid-in-cash'
  | 'agreement-round-down'
  | 'agreement-round-up'
export type BusinessTypeColumn = 'general' | 'agriculture-forestry-fisheries-sake' | 'construction'

export type AllowanceRule = {
  name: string
  code: string
  incomeTax: 'taxable' | 'non-taxable'
  premiumBase:
    | 'included'
    | 'family'
    | 'separation'
    | 'child-education'
    | 'housing'
    | 'temporary'
    | 'over-one-month'
  reducedForAbsence: boolean
}

export type ClientPayrollSettingsTable = {
  office_id: string
  client_id: string
  premium_collection: PremiumCollectionColumn
  share_rounding: ShareRoundingColumn
  employment_insurance_business_type: BusinessTypeColumn
  average_monthly_scheduled_minutes: number
  scheduled_minutes_per_day: number
  absence_rule: 'average-month' | 'days-of-this-month'
  allowance_rules: Json<AllowanceRule[]>
  updated_at: Timestamp
}

export type EmployeePayrollProfilesTable = {
  office_id: string
  client_id: string
  employee_id: string
  valid_from: DateColumn
  health_standard_monthly_yen: number | null
  pension_standard_monthly_yen: number | null
  employment_insured: boolean
  withholding_column: 'kou' | 'otsu'
  dependents: number
  commuting_transit_fare_yen: number | null
  commuting_vehicle_one_way_meters: number | null
  commuting_parking_fee_yen: number | null
  created_at: Timestamp
}

export type OneOffAllowance = {
  code: string
  labelJa: string
  amountYen: number
  incomeTax: 'taxable' | 'non-taxable'
}
export type OneOffDeduction = { code: string; labelJa: string; amountYen: number }

export type PayrollInputsTable = {
  office_id: string
  client_id: string
  employee_id: string
  pay_month: DateColumn
  scheduled_days: number
  worked_days: number
  absent_days: number
  paid_leave_days: number
  worked_minutes: number
  late_early_minutes: number
  within_statutory_overtime_minutes: number
  statutory_overtime_minutes: number
  late_night_minutes: number
  legal_holiday_minutes: number
  one_off_allowances: Json<OneOffAllowance[]>
  one_off_deductions: Json<OneOffDeduction[]>
  resident_tax_yen: number
  updated_at: Timestamp
}

export type BonusInputsTable = {
  office_id: string
  client_id: string
  employee_id: string
  payment_date: DateColumn
  bonus_yen: number
  period_over_six_months: boolean
  one_off_deductions: Json<OneOffDeduction[]>
  updated_at: Timestamp
}

export type PayrollKind = 'monthly' | 'bonus'
export type PayrollRunStatus = 'draft' | 'calculated' | 'approved'

export type PayrollRunsTable = {
  id: Generated<string>
  office_id: string
  client_id: string
  kind: PayrollKind
  pay_month: DateColumn
  payment_date: DateColumn
  period_end_date: NullableDate
  version: number
  status: PayrollRunStatus
  created_by: string
  created_at: Timestamp
  calculated_by: string | null
  calculated_at: Date | null
  approved_by: string | null
  approved_at: Date | null
  correction_reason: string | null
  corrects_run_id: string | null
  table_ids: ColumnType<string[], string[] | undefined, string[]>
  payslip_count: ColumnType<number, number | undefined, number>
}

export type PayslipsTable = {
  id: Generated<string>
  office_id: string
  client_id: string
  run_id: string
  employee_id: string
  employee_code: string | null
  employee_name: string
  /** Compact JSON text (payslip-lines-codec.ts, migrations/0012_compact-payslips.sql). */
  lines: string
  /** Ten counts (payslip-lines-codec.ts), sent as an array literal. */
  attendance: ColumnType<number[] | null, string | null, string | null>
  premium_month: NullableDate
  gross_pay: BigintColumn
  taxable_pay: BigintColumn
  social_insurance: BigintColumn
  income_tax: BigintColumn
  total_deductions: BigintColumn
  net_pay: BigintColumn
  health_standard_bonus: NullableBigint
  pension_standard_bonus: NullableBigint
}
