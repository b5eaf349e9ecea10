import { randomBytes } from 'node:crypto'
import type { SyntheticEmployeeRecord, SyntheticOfficeData } from '@mamori/rules/synthetic/generate-office.ts'
import { generateOffice } from '@mamori/rules/synthetic/generate-office.ts'
import type { SyntheticClient, SyntheticDependent, SyntheticEmployee } from '@mamori/rules/synthetic/types.ts'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
// The server's own operations, so the demo leaves exactly the rows and audit entries the app would;
// @mamori/server does not export them (its index is not ours to change), hence the paths.
import type { AuthDeps } from '../../../server/src/auth/auth-deps.ts'
import { completeSignIn } from '../../../server/src/auth/complete-sign-in.ts'
import { resolveSession } from '../../../server/src/auth/resolve-session.ts'
import { signOut } from '../../../server/src/auth/sign-out.ts'
import { newOfficeToken } from '../../../server/src/auth/tokens.ts'
import { totpCode, totpStep } from '../../../server/src/auth/totp.ts'
import { createClient } from '../../../server/src/clients/client-operations.ts'
import { ZCreateClientRequest } from '../../../server/src/clients/clients.schema.ts'
import type { ServerTables } from '../../../server/src/db/tables.ts'
import { commitImport } from '../../../server/src/imports/commit-import.ts'
import type { ValidDependent, ValidEmployee } from '../../../server/src/imports/validate-import.ts'
import { acceptInvitation } from '../../../server/src/invitations/accept-invitation.ts'
import { insertInvitation } from '../../../server/src/invitations/invitations.repo.ts'
import { ZCreateDependentRequest } from '../../../server/src/people/dependents.schema.ts'
import { ZCreateEmployeeRequest } from '../../../server/src/people/employees.schema.ts'
import type { OperationContext } from '../../../server/src/people/operation-context.ts'
import { withTenant } from '../../../server/src/tenancy/with-tenant.ts'
import { findLoginOffice, insertUser } from '../../../server/src/users/users.repo.ts'

/** The demo office's shape: fixed, so every demo office is the same fictional office. */
export const DEMO_SEED = 'mamori-demo'
export const DEMO_CLIENTS = 3
export const DEMO_EMPLOYEES_PER_CLIENT = 100
/** Unique in the installation, so it also marks that the demo office exists. */
export const DEMO_ADMIN_LOGIN_ID = 'demo-admin'

/** The synthetic office the demo seeds; the same every time (the numbers included). */
export function demoOfficeData(): SyntheticOfficeData {
  return generateOffice({
    seed: DEMO_SEED,
    clients: DEMO_CLIENTS,
    employeesPerClient: DEMO_EMPLOYEES_PER_CLIENT,
  })
}

export type DemoAdmin = {
  loginId: string
  /** Random, shown once; only its argon2 hash is stored. */
  password: string
  totpSecret: string
  otpauthUri: string
}

/** A person of the demo and the number the device (this CLI) is to seal for them. */
export type DemoSubject = {
  clientId: string
  employeeId: string
  dependentId?: string
  myNumber: string
}

export type SeededDemo = {
  officeId: string
  officeName: string
  admin: DemoAdmin
  clients: number
  employees: number
  dependents: number
  /** My Numbers registered in the vault. */
  numbers: number
}

/** What follows the people while the administrator is still signed in: their numbers. */
export type RegisterNumbers = (ctx: OperationContext, subjects: readonly DemoSubject[]) => Promise<number>

export type DemoCounts = { officeId: string; clients: number; employees: number; dependents: number }

/** The demo office already in this database, with what it holds, or null. */
export async function findDemoOffice(db: Kysely<ServerTables>): Promise<DemoCounts | null> {
  const found = await findLoginOffice(db, DEMO_ADMIN_LOGIN_ID)
  if (found === null) return null
  return withTenant(db, found.officeId, async (trx) => {
    const { rows } = await sql<{ clients: number; employees: number; dependents: number }>`
      select (select count(*) from clients)::int as clients,
             (select count(*) from employees)::int as employees,
             (select count(*) from dependents)::int as dependents`.execute(trx)
    return { officeId: found.officeId, ...rows[0]! }
  })
}

/**
 * Seeds the demo office the way the app would build it: the office and its administrator's
 * invitation, the invitation accepted (password + new TOTP secret) and confirmed with a code, so
 * the administrator is an ordinary active user; then, signed in as that administrator, each
 * client through createClient and its people through the import commit (one transaction per
 * client, an audit entry per person), then their numbers (`registerNumbers`). Every change is
 * audited as the administrator's, under one request id.
 */
export async function seedDemoOffice(
  deps: AuthDeps,
  data: SyntheticOfficeData,
  registerNumbers: RegisterNumbers,
): Promise<SeededDemo> {
  const requestId = crypto.randomUUID()
  const officeName = `${data.office.name}（デモ）`
  const { officeId, admin, session } = await enrolAdministrator(deps, officeName, data, requestId)
  try {
    const resolved = await resolveSession(deps, session, requestId)
    if (resolved?.actor == null) throw new Error('the demo administrator has no active session')
    const ctx: OperationContext = { actor: resolved.actor, requestId }
    const subjects: DemoSubject[] = []
    let employees = 0
    let dependents = 0
    for (const [index, { client, employees: records }] of data.clients.entries()) {
      const clientId = (await createClient(deps.db, ctx, ZCreateClientRequest.parse(clientBody(client)))).id
      const people = importOf(records, index)
      const committed = await commitImport(deps.db, ctx, clientId, crypto.randomUUID(), {
        ...people,
        issues: [],
        rowCount: { employees: people.employees.length, dependents: people.dependents.length },
      })
      employees += committed.employeesCreated
      dependents += committed.dependentsCreated
      subjects.push(...subjectsOf(clientId, records, committed.subjects))
    }
    const numbers = await registerNumbers(ctx, subjects)
    return { officeId, officeName, admin, clients: data.clients.length, employees, dependents, numbers }
  } finally {
    const resolved = await resolveSession(deps, session, requestId)
    if (resolved !== null) await signOut(deps, resolved.session, requestId)
  }
}

/**
 * The office and its administrator. There is no one to invite the first administrator, so the
 * invitation is written here (as signInAs does for tests); the rest is the invited user's own
 * path. The confirming code is the previous step's, so the code an authenticator shows right now
 * is still unused when the user signs in.
 */
async function enrolAdministrator(
  deps: AuthDeps,
  officeName: string,
  data: SyntheticOfficeData,
  requestId: string,
): Promise<{ officeId: string; admin: DemoAdmin; session: string }> {
  const officeId = crypto.randomUUID()
  const invitation = await withTenant(deps.db, officeId, async (trx) => {
    await trx.insertInto('offices').values({ id: officeId, name: officeName }).execute()
    const userId = await insertUser(trx, officeId, {
      loginId: DEMO_ADMIN_LOGIN_ID,
      displayName: data.office.representativeName,
      role: 'office_admin',
      personId: null,
    })
    const { token, hash } = newOfficeToken(officeId)
    const at = deps.now()
    await insertInvitation(trx, officeId, {
      userId,
      tokenHash: hash,
      createdBy: null,
      at,
      expiresAt: new Date(at.getTime() + 60 * 60_000),
    })
    return token
  })
  const password = randomBytes(12).toString('base64url')
  const accepted = await acceptInvitation(deps, { token: invitation, password })
  const totpSecret = new URL(accepted.otpauthUri).searchParams.get('secret') ?? ''
  const enrolling = await resolveSession(deps, accepted.token, requestId)
  if (enrolling === null) throw new Error('the demo administrator has no enrolment session')
  const at = deps.now()
  const active = await completeSignIn({ ...deps, now: () => at }, enrolling.session, {
    code: totpCode(totpSecret, totpStep(at.getTime()) - 1),
    requestId,
  })
  return {
    officeId,
    admin: { loginId: DEMO_ADMIN_LOGIN_ID, password, totpSecret, otpauthUri: accepted.otpauthUri },
    session: active.token,
  }
}

function clientBody(client: SyntheticClient) {
  return {
    name: client.name,
    corporateNumber: client.corporateNumber,
    officeSymbol: client.officeSymbol,
    pensionOfficeNumber: client.officeNumber,
    postalCode: client.postalCode,
    prefectureCode: client.prefectureCode,
    address: client.address,
    healthInsurer: { kind: 'kyokai_kenpo' },
  }
}

/** The people of one client as a checked import: the API's own request schemas parse every body. */
function importOf(
  records: readonly SyntheticEmployeeRecord[],
  clientIndex: number,
): { employees: ValidEmployee[]; dependents: ValidDependent[] } {
  const employees: ValidEmployee[] = []
  const dependents: ValidDependent[] = []
  for (const [i, record] of records.entries()) {
    const employeeNumber = `${clientIndex + 1}${String(i + 1).padStart(4, '0')}`
    employees.push({
      row: i + 1,
      input: ZCreateEmployeeRequest.parse(employeeBody(record.employee, employeeNumber)),
    })
    for (const { dependent } of record.dependents) {
      dependents.push({
        row: dependents.length + 1,
        employee: i,
        input: ZCreateDependentRequest.parse(dependentBody(record.employee, dependent)),
      })
    }
  }
  return { employees, dependents }
}

function employeeBody(employee: SyntheticEmployee, employeeNumber: string) {
  return {
    employeeNumber,
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
  }
}

/** A dependent since the employee's hire, or since birth for a child born later. */
function dependentBody(employee: SyntheticEmployee, dependent: SyntheticDependent) {
  return {
    relationship: dependent.relationship,
    familyName: dependent.familyName,
    givenName: dependent.givenName,
    familyNameKana: dependent.familyNameKana,
    givenNameKana: dependent.givenNameKana,
    birthDate: dependent.birthDate,
    sex: dependent.sex,
    annualIncomeYen: dependent.annualIncome,
    cohabiting: dependent.cohabiting,
    postalCode: dependent.postalCode,
    address: dependent.address,
    dependentFrom: [employee.hireDate, dependent.birthDate].sort()[1]!,
  }
}

/** Each created person beside the number generated for them, in the import's order. */
function subjectsOf(
  clientId: string,
  records: readonly SyntheticEmployeeRecord[],
  created: readonly { table: 'employees' | 'dependents'; subjectId: string }[],
): DemoSubject[] {
  const employeeIds = created.filter((s) => s.table === 'employees').map((s) => s.subjectId)
  const dependentIds = created.filter((s) => s.table === 'dependents').map((s) => s.subjectId)
  const subjects: DemoSubject[] = []
  let d = 0
  for (const [i, record] of records.entries()) {
    const employeeId = employeeIds[i]!
    subjects.push({ clientId, employeeId, myNumber: record.myNumber })
    for (const { myNumber } of record.dependents) {
      subjects.push({ clientId, employeeId, dependentId: dependentIds[d++]!, myNumber })
    }
  }
  return subjects
}
