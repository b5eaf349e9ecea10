import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import type { SyntheticEmployee } from '@mamori/rules/synthetic/types.ts'

/**
 * Request bodies built from the synthetic generator (packages/rules), for tests through HTTP and
 * for the demo office. `build…(generator, overrides)` returns a valid body; overrides break it.
 */
export type Generator = ReturnType<typeof createSyntheticGenerator>

export function syntheticGenerator(seed: string): Generator {
  return createSyntheticGenerator(seed)
}

export function buildClientBody(generator: Generator, overrides: Record<string, unknown> = {}) {
  const client = generator.client()
  return {
    name: client.name,
    corporateNumber: client.corporateNumber,
    officeSymbol: client.officeSymbol,
    pensionOfficeNumber: client.officeNumber,
    postalCode: client.postalCode,
    prefectureCode: client.prefectureCode,
    address: client.address,
    healthInsurer: { kind: 'kyokai_kenpo' },
    ...overrides,
  }
}

export function employeeBody(employee: SyntheticEmployee, overrides: Record<string, unknown> = {}) {
  return {
    birthDate: employee.birthDate,
    sex: employee.sex,
    basicPensionNumber: employee.basicPensionNumber,
    employmentInsuranceNumber: employee.employmentInsuranceNumber,
    hireDate: employee.hireDate,
    familyName: employee.familyName,
    givenName: employee.givenName,
    familyNameKana: employee.familyNameKana,
    givenNameKana: employee.givenNameKana,
    postalCode: employee.postalCode,
    prefectureCode: employee.prefectureCode,
    address: employee.address,
    employmentType: employee.employmentType === 'part-time' ? 'part_time' : employee.employmentType,
    weeklyHours: employee.weeklyHours,
    payBasis: 'monthly',
    basePayYen: employee.monthlySalary,
    ...overrides,
  }
}

export function buildEmployeeBody(generator: Generator, overrides: Record<string, unknown> = {}) {
  return employeeBody(generator.employee(), overrides)
}

export function buildDependentBody(
  generator: Generator,
  employee: SyntheticEmployee,
  overrides: Record<string, unknown> = {},
) {
  const dependent = generator.dependent(employee, 'spouse')
  return {
    relationship: dependent.relationship,
    familyName: dependent.familyName,
    givenName: dependent.givenName,
    familyNameKana: dependent.familyNameKana,
    givenNameKana: dependent.givenNameKana,
    birthDate: dependent.birthDate,
    sex: dependent.sex,
    annualIncomeYen: dependent.annualIncome,
    cohabiting: true,
    dependentFrom: employee.hireDate,
    ...overrides,
  }
}
