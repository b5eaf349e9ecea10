import type { SyntheticClient, SyntheticDependent, SyntheticEmployee } from '@mamori/rules/synthetic/types.ts'
import type { Insertable } from 'kysely'
import type {
  ClientsTable,
  DependentsTable,
  EmployeesTable,
  EmployeeVersionsTable,
  EmploymentType,
} from '../db/people-tables.ts'

/**
 * Synthetic records (packages/rules) as rows of our tables, for test factories, the demo office
 * and benchmarks. Pure: ids and the office come from the caller.
 */
export function clientRow(officeId: string, client: SyntheticClient): Insertable<ClientsTable> {
  return {
    office_id: officeId,
    name: client.name,
    corporate_number: client.corporateNumber,
    office_symbol_district: client.officeSymbol.districtCode,
    office_symbol_mark: client.officeSymbol.officeMark,
    pension_office_number: client.officeNumber,
    postal_code: client.postalCode,
    prefecture_code: client.prefectureCode,
    address: client.address,
    health_insurer: 'kyokai_kenpo',
  }
}

const EMPLOYMENT_TYPES: Readonly<Record<SyntheticEmployee['employmentType'], EmploymentType>> = {
  regular: 'regular',
  contract: 'contract',
  'part-time': 'part_time',
}

export function employeeRow(
  officeId: string,
  clientId: string,
  employee: SyntheticEmployee,
): Insertable<EmployeesTable> {
  return {
    office_id: officeId,
    client_id: clientId,
    birth_date: employee.birthDate,
    sex: employee.sex,
    basic_pension_number: employee.basicPensionNumber,
    employment_insurance_number: employee.employmentInsuranceNumber,
    hire_date: employee.hireDate,
  }
}

export function firstVersionRow(
  officeId: string,
  clientId: string,
  employeeId: string,
  employee: SyntheticEmployee,
): Insertable<EmployeeVersionsTable> {
  return {
    office_id: officeId,
    client_id: clientId,
    employee_id: employeeId,
    valid_from: employee.hireDate,
    reason: 'hire',
    family_name: employee.familyName,
    given_name: employee.givenName,
    family_name_kana: employee.familyNameKana,
    given_name_kana: employee.givenNameKana,
    postal_code: employee.postalCode,
    prefecture_code: employee.prefectureCode,
    address: employee.address,
    employment_type: EMPLOYMENT_TYPES[employee.employmentType],
    weekly_hours: employee.weeklyHours,
    pay_basis: 'monthly',
    base_pay_yen: employee.monthlySalary,
    allowances: '[]',
    commuting_allowance_yen: 0,
  }
}

export function dependentRow(
  officeId: string,
  employeeId: string,
  employee: SyntheticEmployee,
  dependent: SyntheticDependent,
): Insertable<DependentsTable> {
  return {
    office_id: officeId,
    employee_id: employeeId,
    relationship: dependent.relationship,
    family_name: dependent.familyName,
    given_name: dependent.givenName,
    family_name_kana: dependent.familyNameKana,
    given_name_kana: dependent.givenNameKana,
    birth_date: dependent.birthDate,
    sex: dependent.sex,
    annual_income_yen: dependent.annualIncome,
    cohabiting: dependent.cohabiting,
    postal_code: dependent.cohabiting ? null : dependent.postalCode,
    address: dependent.cohabiting ? null : dependent.address,
    // A child born after the hire became a dependent at birth; anyone else at the hire.
    dependent_from: later(dependent.birthDate, employee.hireDate),
  }
}

/** The later of two 'YYYY-MM-DD' dates (they compare as text). */
function later(a: string, b: string): string {
  return a.localeCompare(b) > 0 ? a : b
}
