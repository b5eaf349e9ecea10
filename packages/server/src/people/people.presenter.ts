import type { DependentRow } from './dependents.repo.ts'
import type { DependentView } from './dependents.schema.ts'
import type { EmployeeRow, MyNumberStatusRow, SummaryRow, VersionRow } from './employees.repo.ts'
import type { EmployeeSummaryView, EmployeeVersionView, EmployeeView } from './employees.schema.ts'

/** The one path from people rows to the API's shapes. */
export function presentSummary(row: SummaryRow): EmployeeSummaryView {
  return {
    id: row.id,
    clientId: row.client_id,
    employeeNumber: row.employee_number,
    familyName: row.family_name,
    givenName: row.given_name,
    familyNameKana: row.family_name_kana,
    givenNameKana: row.given_name_kana,
    birthDate: row.birth_date,
    hireDate: row.hire_date,
    leaveDate: row.leave_date,
    employmentType: row.employment_type,
  }
}

export function presentVersion(row: VersionRow): EmployeeVersionView {
  return {
    validFrom: row.valid_from,
    validTo: row.valid_to,
    reason: row.reason,
    familyName: row.family_name,
    givenName: row.given_name,
    familyNameKana: row.family_name_kana,
    givenNameKana: row.given_name_kana,
    postalCode: row.postal_code,
    prefectureCode: row.prefecture_code,
    address: row.address,
    employmentType: row.employment_type,
    weeklyHours: row.weekly_hours,
    payBasis: row.pay_basis,
    basePayYen: row.base_pay_yen,
    allowances: row.allowances.map((a) => ({ name: a.name, amountYen: a.amountYen })),
    commutingAllowanceYen: row.commuting_allowance_yen,
  }
}

function myNumberOf(status: MyNumberStatusRow | undefined): DependentView['myNumber'] {
  return status === undefined
    ? { status: 'not_registered', identityVerified: false }
    : { status: status.status, identityVerified: status.identity_verified }
}

export function presentDependent(row: DependentRow, statuses: readonly MyNumberStatusRow[]): DependentView {
  return {
    id: row.id,
    employeeId: row.employee_id,
    relationship: row.relationship,
    familyName: row.family_name,
    givenName: row.given_name,
    familyNameKana: row.family_name_kana,
    givenNameKana: row.given_name_kana,
    birthDate: row.birth_date,
    sex: row.sex,
    annualIncomeYen: row.annual_income_yen,
    cohabiting: row.cohabiting,
    postalCode: row.postal_code,
    address: row.address,
    basicPensionNumber: row.basic_pension_number,
    dependentFrom: row.dependent_from,
    dependentUntil: row.dependent_until,
    myNumber: myNumberOf(statuses.find((s) => s.dependent_id === row.id)),
  }
}

export function presentEmployee(
  row: EmployeeRow,
  versions: readonly VersionRow[],
  dependents: readonly DependentRow[],
  statuses: readonly MyNumberStatusRow[],
): EmployeeView {
  const presented = versions.map(presentVersion)
  return {
    id: row.id,
    clientId: row.client_id,
    employeeNumber: row.employee_number,
    birthDate: row.birth_date,
    sex: row.sex,
    basicPensionNumber: row.basic_pension_number,
    employmentInsuranceNumber: row.employment_insurance_number,
    insuredSerial: row.insured_serial,
    hireDate: row.hire_date,
    leaveDate: row.leave_date,
    leaveReason: row.leave_reason,
    current: presented[0]!,
    versions: presented,
    dependents: dependents.map((d) => presentDependent(d, statuses)),
    myNumber: myNumberOf(statuses.find((s) => s.employee_id === row.id)),
  }
}
