import type { ColumnType, Generated } from 'kysely'

/**
 * Clients, employees and dependents (migrations/0003_clients-and-people.sql). Dates the law counts
 * from are SQL `date`: repositories select them as 'YYYY-MM-DD' text, never as a JS Date (which
 * would shift them by the process's time zone). Rates are `numeric`, read as text.
 */
export type PeopleTables = {
  clients: ClientsTable
  client_insurer_rates: ClientInsurerRatesTable
  employees: EmployeesTable
  employee_versions: EmployeeVersionsTable
  dependents: DependentsTable
  my_number_statuses: MyNumberStatusesTable
}

type CreatedAt = ColumnType<Date, never, never>
type UpdatedAt = ColumnType<Date, never, Date | string>
/** A `date` column: written as 'YYYY-MM-DD', read through a `::text` cast. */
type DateColumn = ColumnType<string, string, string>
type NullableDateColumn = ColumnType<string | null, string | null | undefined, string | null>
type Numeric = ColumnType<string, string | number, string | number>

export type HealthInsurer = 'kyokai_kenpo' | 'kumiai'

export type ClientsTable = {
  id: Generated<string>
  office_id: string
  name: string
  name_kana: string | null
  corporate_number: string | null
  office_symbol_district: string | null
  office_symbol_mark: string | null
  pension_office_number: string | null
  employment_insurance_office_number: string | null
  labour_insurance_number: string | null
  postal_code: string | null
  prefecture_code: number
  address: string
  phone: string | null
  health_insurer: HealthInsurer
  health_insurer_name: string | null
  health_insurer_number: string | null
  created_at: CreatedAt
  updated_at: UpdatedAt
  archived_at: Date | null
}

export type ClientInsurerRatesTable = {
  id: Generated<string>
  office_id: string
  client_id: string
  valid_from: DateColumn
  health_rate_percent: Numeric
  health_employee_share_percent: Numeric
  care_rate_percent: Numeric
  care_employee_share_percent: Numeric
  created_at: CreatedAt
}

export type Sex = 'male' | 'female'

export type LeaveReason =
  | 'resignation'
  | 'dismissal'
  | 'retirement'
  | 'contract_end'
  | 'death'
  | 'transfer'
  | 'other'

export type EmployeesTable = {
  id: Generated<string>
  office_id: string
  client_id: string
  employee_number: string | null
  birth_date: DateColumn
  sex: Sex
  basic_pension_number: string | null
  employment_insurance_number: string | null
  insured_serial: string | null
  hire_date: DateColumn
  leave_date: NullableDateColumn
  leave_reason: LeaveReason | null
  created_at: CreatedAt
  updated_at: UpdatedAt
}

export type VersionReason =
  | 'hire'
  | 'name_change'
  | 'address_change'
  | 'employment_change'
  | 'pay_change'
  | 'correction'
  | 'other'

export type EmploymentType = 'regular' | 'contract' | 'part_time' | 'temporary' | 'executive'

export type PayBasis = 'monthly' | 'daily' | 'hourly'

export type Allowance = { name: string; amountYen: number }

export type EmployeeVersionsTable = {
  id: Generated<string>
  office_id: string
  client_id: string
  employee_id: string
  valid_from: DateColumn
  valid_to: NullableDateColumn
  reason: VersionReason
  family_name: string
  given_name: string
  family_name_kana: string
  given_name_kana: string
  postal_code: string | null
  prefecture_code: number
  address: string
  employment_type: EmploymentType
  weekly_hours: Numeric
  pay_basis: PayBasis
  base_pay_yen: number
  allowances: ColumnType<Allowance[], string, string>
  commuting_allowance_yen: number
  created_at: CreatedAt
}

export type Relationship = 'spouse' | 'child' | 'parent' | 'grandparent' | 'grandchild' | 'sibling' | 'other'

export type DependentsTable = {
  id: Generated<string>
  office_id: string
  employee_id: string
  relationship: Relationship
  family_name: string
  given_name: string
  family_name_kana: string
  given_name_kana: string
  birth_date: DateColumn
  sex: Sex
  annual_income_yen: number
  cohabiting: boolean
  postal_code: string | null
  address: string | null
  basic_pension_number: string | null
  dependent_from: DateColumn
  dependent_until: NullableDateColumn
  created_at: CreatedAt
  updated_at: UpdatedAt
}

export type MyNumberStatus = 'registered' | 'refused' | 'deleted'

export type MyNumberStatusesTable = {
  id: Generated<string>
  office_id: string
  employee_id: string | null
  dependent_id: string | null
  status: MyNumberStatus
  identity_verified: Generated<boolean>
  recorded_at: Generated<Date>
}
