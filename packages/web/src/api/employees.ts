import { api } from './client.ts'

/** Shapes of packages/server/src/people/employees.schema.ts and dependents.schema.ts. */
export type EmploymentType = 'regular' | 'contract' | 'part_time' | 'temporary' | 'executive'
export type EmploymentStatus = 'active' | 'left' | 'all'
export type Sex = 'male' | 'female'
export type ChangeReason =
  | 'hire'
  | 'name_change'
  | 'address_change'
  | 'employment_change'
  | 'pay_change'
  | 'correction'
  | 'other'
export type LeaveReason =
  | 'resignation'
  | 'dismissal'
  | 'retirement'
  | 'contract_end'
  | 'death'
  | 'transfer'
  | 'other'
export type PayBasis = 'monthly' | 'daily' | 'hourly'
export type Relationship = 'spouse' | 'child' | 'parent' | 'grandparent' | 'grandchild' | 'sibling' | 'other'

export type MyNumberStatus = {
  status: 'not_registered' | 'registered' | 'refused' | 'deleted'
  identityVerified: boolean
}

export type EmployeeSummary = {
  id: string
  clientId: string
  employeeNumber: string | null
  familyName: string
  givenName: string
  familyNameKana: string
  givenNameKana: string
  birthDate: string
  hireDate: string
  leaveDate: string | null
  employmentType: EmploymentType
}

export type EmployeeVersion = {
  validFrom: string
  validTo: string | null
  reason: ChangeReason
  familyName: string
  givenName: string
  familyNameKana: string
  givenNameKana: string
  postalCode: string | null
  prefectureCode: number
  address: string
  employmentType: EmploymentType
  weeklyHours: number
  payBasis: PayBasis
  basePayYen: number
  allowances: Array<{ name: string; amountYen: number }>
  commutingAllowanceYen: number
}

export type Dependent = {
  id: string
  employeeId: string
  relationship: Relationship
  familyName: string
  givenName: string
  familyNameKana: string
  givenNameKana: string
  birthDate: string
  sex: Sex
  annualIncomeYen: number
  cohabiting: boolean
  postalCode: string | null
  address: string | null
  basicPensionNumber: string | null
  dependentFrom: string
  dependentUntil: string | null
  myNumber: MyNumberStatus
}

export type Employee = {
  id: string
  clientId: string
  employeeNumber: string | null
  birthDate: string
  sex: Sex
  basicPensionNumber: string | null
  employmentInsuranceNumber: string | null
  insuredSerial: string | null
  hireDate: string
  leaveDate: string | null
  leaveReason: LeaveReason | null
  current: EmployeeVersion
  versions: EmployeeVersion[]
  dependents: Dependent[]
  myNumber: MyNumberStatus
}

export type EmployeeFilter = {
  q: string
  employmentType: EmploymentType | ''
  status: EmploymentStatus
}

export type EmployeePage = { items: EmployeeSummary[]; nextCursor: string | null }

export const EMPLOYEES_PER_PAGE = 50

export function listEmployees(
  clientId: string,
  filter: EmployeeFilter,
  cursor: string | null,
): Promise<EmployeePage> {
  return api.get(`/clients/${encodeURIComponent(clientId)}/employees`, {
    query: {
      q: filter.q.trim(),
      employmentType: filter.employmentType,
      status: filter.status,
      limit: EMPLOYEES_PER_PAGE,
      cursor: cursor ?? undefined,
    },
  })
}

export function getEmployee(clientId: string, employeeId: string): Promise<Employee> {
  return api.get(`/clients/${encodeURIComponent(clientId)}/employees/${encodeURIComponent(employeeId)}`)
}
