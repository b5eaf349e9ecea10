import type { Insertable } from 'kysely'
import type { DependentsTable, EmployeesTable, EmployeeVersionsTable } from '../db/people-tables.ts'
import type { CreateDependentInput } from '../people/dependents.schema.ts'
import type { CreateEmployeeInput } from '../people/employees.schema.ts'

/**
 * The rows addEmployee and addDependent (people module) write for one person, built here so an
 * import can write a thousand people per statement instead of four statements per person.
 * Pure. people-rows.test.ts holds these equal to what the people operations store, column by
 * column, so the two paths cannot drift apart.
 */
export function employeeRowOf(
  officeId: string,
  clientId: string,
  employeeId: string,
  input: CreateEmployeeInput,
): Insertable<EmployeesTable> {
  return {
    id: employeeId,
    office_id: officeId,
    client_id: clientId,
    employee_number: input.employeeNumber,
    birth_date: input.birthDate,
    sex: input.sex,
    basic_pension_number: input.basicPensionNumber,
    employment_insurance_number: input.employmentInsuranceNumber,
    insured_serial: input.insuredSerial,
    hire_date: input.hireDate,
  }
}

/** The first version, in force from the hire date. */
export function hireVersionRowOf(
  officeId: string,
  clientId: string,
  employeeId: string,
  input: CreateEmployeeInput,
): Insertable<EmployeeVersionsTable> {
  return {
    office_id: officeId,
    client_id: clientId,
    employee_id: employeeId,
    valid_from: input.hireDate,
    reason: 'hire',
    family_name: input.familyName,
    given_name: input.givenName,
    family_name_kana: input.familyNameKana,
    given_name_kana: input.givenNameKana,
    postal_code: input.postalCode,
    prefecture_code: input.prefectureCode,
    address: input.address,
    employment_type: input.employmentType,
    weekly_hours: input.weeklyHours,
    pay_basis: input.payBasis,
    base_pay_yen: input.basePayYen,
    allowances: JSON.stringify(input.allowances),
    commuting_allowance_yen: input.commutingAllowanceYen,
  }
}

export function dependentRowOf(
  officeId: string,
  employeeId: string,
  dependentId: string,
  input: CreateDependentInput,
): Insertable<DependentsTable> {
  return {
    id: dependentId,
    office_id: officeId,
    employee_id: employeeId,
    relationship: input.relationship,
    family_name: input.familyName,
    given_name: input.givenName,
    family_name_kana: input.familyNameKana,
    given_name_kana: input.givenNameKana,
    birth_date: input.birthDate,
    sex: input.sex,
    annual_income_yen: input.annualIncomeYen,
    cohabiting: input.cohabiting,
    postal_code: input.postalCode,
    address: input.address,
    basic_pension_number: input.basicPensionNumber,
    dependent_from: input.dependentFrom,
    dependent_until: input.dependentUntil,
  }
}
