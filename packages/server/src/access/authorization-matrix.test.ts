import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { buildApp } from '../app.ts'
import { REAUTH_WINDOW_MS } from '../auth/auth-deps.ts'
import type { SignedInUser } from '../auth/testing.ts'
import { createSyntheticOffice, signInAs } from '../auth/testing.ts'
import type { ServerTables } from '../db/tables.ts'
import { syntheticSheets, tableToCsv } from '../imports/testing.ts'
import { APP_DATABASE_MIGRATIONS, SERVER_VERSION } from '../main.ts'
import { createApprovedBonusRun } from '../payroll/testing.ts'
import {
  buildClientBody,
  buildDependentBody,
  buildEmployeeBody,
  syntheticGenerator,
} from '../people/factories.ts'
import { dependentRow, employeeRow, firstVersionRow } from '../people/synthetic-rows.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { insertUser } from '../users/users.repo.ts'
import type { Role, RouteAccess } from './access.ts'
import { ROLES } from './access.ts'
import { declaredRoutes } from './access-hook.ts'

/**
 * THE AUTHORIZATION MATRIX. Every route the app registers must have an entry here saying who may
 * call it; the test then calls it as every role (and anonymously), with ids of the actor's own
 * client, another client of the same office and another office, and fails on any unexpected allow
 * (and on any expected allow that does not succeed, so an entry cannot pass by always failing).
 * A new route without an entry fails the test; so does an entry whose roles differ from the
 * route's config.access. Adding a route: add its entry (allowed roles, a valid body, the success
 * status); a new id parameter: add its variants to PARAM_VARIANTS.
 */
type Fixture = {
  db: Kysely<ServerTables>
  officeA: string
  officeB: string
  clients: { c1: string; c2: string; c3: string }
  advance(ms: number): void
}

type RequestContext = { fixture: Fixture; actor: SignedInUser | null; n: number }

type MatrixEntry = {
  allow: 'public' | 'signInStep' | readonly Role[]
  body?: (context: RequestContext) => unknown
  /** The body's media type when it is not JSON (a file upload). */
  contentType?: string
  /** Status of an allowed request (default 200). */
  ok?: number
  /** The request ends the actor's session: each call gets a fresh sign-in. */
  endsSession?: true
  /**
   * Puts the ids of the request into the state the route needs, and returns how to undo it, for
   * routes that act on the fixed clients (c1 c2 c3) and would change them for every later route.
   */
  arrange?: (fixture: Fixture, ids: Readonly<Record<string, string>>) => Promise<() => Promise<void>>
}

/** Well-formed relay bodies: the ciphertext is never opened here (there is no vault in this app). */
const MY_NUMBER_REGISTRATION = {
  purpose: 'SOCIAL_INSURANCE_FILING',
  sealed: { keyId: 'matrix', enc: 'AAAA', ciphertext: 'AAAA' },
  identityCheck: { numberCheck: 'MY_NUMBER_CARD', identityCheck: 'MY_NUMBER_CARD' },
}
const MY_NUMBER_REVEAL = { reason: 'マトリクスの確認', recipientPublicKey: 'A'.repeat(43) }

function myNumberEntries(person: string): Record<string, MatrixEntry> {
  const handlers: readonly Role[] = ['office_admin', 'office_staff', 'client_hr']
  return {
    [`GET ${person}/my-number`]: { allow: handlers, ok: 503 },
    [`PUT ${person}/my-number`]: { allow: handlers, ok: 503, body: () => MY_NUMBER_REGISTRATION },
    [`POST ${person}/my-number/refusal`]: {
      allow: handlers,
      ok: 503,
      body: () => ({ requestedAt: '2026-04-01T10:00:00+09:00', method: 'MAIL', answer: 'REFUSED' }),
    },
    [`POST ${person}/my-number/approve`]: { allow: ['office_admin', 'office_staff'], ok: 503 },
    [`POST ${person}/my-number/reveal`]: { allow: ['office_admin'], ok: 503, body: () => MY_NUMBER_REVEAL },
  }
}

/** Synthetic people for request bodies; hired 2020-04-01, before every date the bodies use. */
const generator = syntheticGenerator('authorization-matrix')
const matrixPerson = () => ({ ...generator.employee(), hireDate: '2020-04-01' })
const PEOPLE_READERS: readonly Role[] = ['office_admin', 'office_staff', 'client_hr']
const IMPORTERS: readonly Role[] = ['office_admin', 'office_staff']

const MATRIX: Record<string, MatrixEntry> = {
  'GET /': { allow: 'public' },
  'GET /health': { allow: 'public' },
  'GET /status': { allow: 'public' },
  'GET /assets/*': { allow: 'public' },
  'POST /api/auth/sign-in': { allow: 'public' },
  'POST /api/invitations/accept': { allow: 'public' },
  'POST /api/auth/totp': { allow: 'signInStep' },
  'GET /api/auth/session': { allow: ROLES },
  'POST /api/auth/reauthenticate': {
    allow: ROLES,
    ok: 204,
    body: ({ fixture, actor }) => {
      fixture.advance(31_000)
      return { password: actor?.password ?? 'anonymous password', code: actor?.nextTotpCode() ?? '000000' }
    },
  },
  'POST /api/auth/sign-out': { allow: ROLES, ok: 204, endsSession: true },
  'GET /api/users': { allow: ['office_admin'] },
  'POST /api/users': {
    allow: ['office_admin'],
    ok: 201,
    body: ({ n }) => ({ loginId: `matrix-user-${n}`, displayName: 'マトリクス職員', role: 'office_staff' }),
  },
  'PUT /api/users/:userId/clients': { allow: ['office_admin'], ok: 204, body: () => ({ clientIds: [] }) },
  'PUT /api/users/:userId/role': { allow: ['office_admin'], ok: 204, body: () => ({ role: 'client_hr' }) },
  'POST /api/users/:userId/disable': { allow: ['office_admin'], ok: 204 },
  'POST /api/users/:userId/invitation': { allow: ['office_admin'], ok: 201 },
  'POST /api/clients/:clientId/employees/:employeeId/invitation': {
    allow: ['office_admin', 'office_staff'],
    ok: 201,
    body: ({ n }) => ({ loginId: `matrix-employee-${n}` }),
  },
  // Payroll: runIds and payslipIds are of approved bonus runs (PARAM_VARIANTS); the run request is
  // for a month before any of their employees is on the payroll, so it calculates an empty run.
  'POST /api/clients/:clientId/payroll/runs': {
    allow: ['office_admin', 'office_staff'],
    body: () => ({ kind: 'monthly', paymentDate: '2025-03-25', periodEndDate: '2025-03-20' }),
  },
  'GET /api/clients/:clientId/payroll/runs/:runId': { allow: ['office_admin', 'office_staff', 'client_hr'] },
  'GET /api/clients/:clientId/payroll/runs/:runId/versions': {
    allow: ['office_admin', 'office_staff', 'client_hr'],
  },
  'POST /api/clients/:clientId/payroll/runs/:runId/approve': { allow: ['office_admin', 'office_staff'] },
  'POST /api/clients/:clientId/payroll/runs/:runId/corrections': {
    allow: ['office_admin', 'office_staff'],
    ok: 201,
    body: () => ({ reason: 'マトリクスの訂正' }),
  },
  'GET /api/clients/:clientId/payroll/runs/:runId/csv': {
    allow: ['office_admin', 'office_staff', 'client_hr'],
  },
  'GET /api/clients/:clientId/payroll/payslips/:payslipId/pdf': {
    allow: ['office_admin', 'office_staff', 'client_hr'],
  },
  // Imports (imports/): a few synthetic rows each; every allowed commit adds them to the client.
  'POST /api/clients/:clientId/imports/preview': {
    allow: IMPORTERS,
    body: () => ({ employees: syntheticSheets(generator, 2).employees }),
  },
  'POST /api/clients/:clientId/imports/preview-file': {
    allow: IMPORTERS,
    contentType: 'text/csv',
    body: () => tableToCsv(syntheticSheets(generator, 2).employees),
  },
  'POST /api/clients/:clientId/imports/commit': {
    allow: IMPORTERS,
    body: ({ n }) => ({ importId: crypto.randomUUID(), employees: importSheet(n) }),
  },
  'GET /api/clients/:clientId/imports/:importId': { allow: IMPORTERS },
  // Clients and people (clients/, people/) and the OpenAPI document.
  'GET /api/openapi.json': { allow: 'public' },
  'GET /api/clients': { allow: PEOPLE_READERS },
  'POST /api/clients': { allow: ['office_admin'], ok: 201, body: () => buildClientBody(generator) },
  'GET /api/clients/:clientId': { allow: PEOPLE_READERS },
  'PATCH /api/clients/:clientId': {
    allow: ['office_admin', 'office_staff'],
    body: () => ({ address: '東京都千代田区架空町2-2' }),
  },
  'POST /api/clients/:clientId/archive': {
    allow: ['office_admin'],
    arrange: async (fixture, ids) => async () => {
      await sql`update clients set archived_at = null where id = ${ids.clientId}`.execute(fixture.db)
    },
  },
  'PUT /api/clients/:clientId/insurer-rates': {
    allow: ['office_admin', 'office_staff'],
    body: () => ({
      validFrom: '2025-04-01',
      healthRatePercent: '9.5',
      healthEmployeeSharePercent: '4.75',
      careRatePercent: '1.6',
      careEmployeeSharePercent: '0.8',
    }),
    // Rates are kept only for a 健康保険組合: the client is one for this request.
    arrange: async (fixture, ids) => {
      await sql`update clients set health_insurer = 'kumiai', health_insurer_name = 'マトリクス健康保険組合'
        where id = ${ids.clientId}`.execute(fixture.db)
      return async () => {
        await sql`delete from client_insurer_rates where client_id = ${ids.clientId}`.execute(fixture.db)
        await sql`update clients set health_insurer = 'kyokai_kenpo', health_insurer_name = null
          where id = ${ids.clientId}`.execute(fixture.db)
      }
    },
  },
  'GET /api/employees': { allow: PEOPLE_READERS },
  'GET /api/clients/:clientId/employees': { allow: PEOPLE_READERS },
  'POST /api/clients/:clientId/employees': {
    allow: PEOPLE_READERS,
    ok: 201,
    body: () => buildEmployeeBody(generator, { hireDate: '2020-04-01' }),
  },
  'GET /api/clients/:clientId/employees/:employeeId': { allow: PEOPLE_READERS },
  'PATCH /api/clients/:clientId/employees/:employeeId': {
    allow: PEOPLE_READERS,
    body: () => ({ insuredSerial: '123' }),
  },
  'POST /api/clients/:clientId/employees/:employeeId/versions': {
    allow: PEOPLE_READERS,
    ok: 201,
    body: () => ({ validFrom: '2025-04-01', reason: 'pay_change', basePayYen: 310000 }),
  },
  'POST /api/clients/:clientId/employees/:employeeId/leave': {
    allow: PEOPLE_READERS,
    body: () => ({ leaveDate: '2026-03-31', reason: 'retirement' }),
  },
  'GET /api/me/employee': { allow: ['employee'] },
  'GET /api/clients/:clientId/employees/:employeeId/dependents': { allow: PEOPLE_READERS },
  'POST /api/clients/:clientId/employees/:employeeId/dependents': {
    allow: PEOPLE_READERS,
    ok: 201,
    body: () => buildDependentBody(generator, matrixPerson()),
  },
  'PATCH /api/clients/:clientId/employees/:employeeId/dependents/:dependentId': {
    allow: PEOPLE_READERS,
    body: () => ({ annualIncomeYen: 500000 }),
  },
  'DELETE /api/clients/:clientId/employees/:employeeId/dependents/:dependentId': {
    allow: PEOPLE_READERS,
    ok: 204,
  },
  // The My Number relay (my-number/): this app has no vault, so a request that passes access
  // control and finds its person ends in VAULT_UNAVAILABLE (503); one that may not reach the
  // person is refused before the vault is asked. The relay itself is tested against the real
  // vault in my-number.routes.test.ts.
  'GET /api/vault/public-key': { allow: ROLES, ok: 503 },
  ...myNumberEntries('/api/clients/:clientId/employees/:employeeId'),
  ...myNumberEntries('/api/clients/:clientId/employees/:employeeId/dependents/:dependentId'),
  'GET /api/clients/:clientId/employees/:employeeId/access-history': { allow: ['office_admin'] },
  'GET /api/clients/:clientId/access-report': { allow: ['office_admin'] },
  'GET /api/me/my-number': { allow: ['employee'], ok: 503 },
  'PUT /api/me/my-number': { allow: ['employee'], ok: 503, body: () => MY_NUMBER_REGISTRATION },
  'POST /api/me/my-number/reveal': { allow: ['employee'], ok: 503, body: () => MY_NUMBER_REVEAL },
  'GET /api/me/access-history': { allow: ['employee'] },
}

/**
 * Where an id points: the office, and the client when it belongs to one. `ofPath` names the id
 * of the same request that it belongs to (a dependent of the path's employee), so it is wherever
 * that one is; `mismatched` ids belong to another record than the path's and are never reached.
 */
type Place = { office: 'A' | 'B'; client?: 'c1' | 'c2' | 'c3'; mismatched?: true } | { ofPath: string }
/** `made`: the ids of the request made so far, in the order of the path. */
type Variant = Place & {
  label: string
  make(fixture: Fixture, made: Readonly<Record<string, string>>): Promise<string>
}

/** Ids are made fresh for every request, so state changes of one call cannot decide the next. */
const PARAM_VARIANTS: Record<string, readonly Variant[]> = {
  clientId: [
    { label: 'own client', office: 'A', client: 'c1', make: async (f) => f.clients.c1 },
    { label: 'other client, same office', office: 'A', client: 'c2', make: async (f) => f.clients.c2 },
    { label: 'client of another office', office: 'B', client: 'c3', make: async (f) => f.clients.c3 },
  ],
  employeeId: [
    {
      label: 'employee of own client',
      office: 'A',
      client: 'c1',
      make: (f) => createEmployee(f.db, f.officeA, f.clients.c1),
    },
    {
      label: 'employee of other client',
      office: 'A',
      client: 'c2',
      make: (f) => createEmployee(f.db, f.officeA, f.clients.c2),
    },
    {
      label: 'employee of another office',
      office: 'B',
      client: 'c3',
      make: (f) => createEmployee(f.db, f.officeB, f.clients.c3),
    },
  ],
  dependentId: [
    {
      label: "dependent of the path's employee",
      ofPath: 'employeeId',
      make: (f, made) => createDependent(f.db, made.employeeId!),
    },
    {
      label: 'dependent of another employee of own client',
      office: 'A',
      client: 'c1',
      mismatched: true,
      make: async (f) => createDependent(f.db, await createEmployee(f.db, f.officeA, f.clients.c1)),
    },
  ],
  userId: [
    { label: 'user of own office', office: 'A', make: (f) => createPendingUser(f.db, f.officeA) },
    { label: 'user of another office', office: 'B', make: (f) => createPendingUser(f.db, f.officeB) },
  ],
  importId: [
    {
      label: 'import into own client',
      office: 'A',
      client: 'c1',
      make: (f) => createImport(f, 'A', f.clients.c1),
    },
    {
      label: 'import into other client',
      office: 'A',
      client: 'c2',
      make: (f) => createImport(f, 'A', f.clients.c2),
    },
    {
      label: 'import of another office',
      office: 'B',
      client: 'c3',
      make: (f) => createImport(f, 'B', f.clients.c3),
    },
  ],
  runId: [
    {
      label: 'payroll run of own client',
      office: 'A',
      client: 'c1',
      make: async (f) => (await createApprovedBonusRun(f.db, f.officeA, f.clients.c1)).runId,
    },
    {
      label: 'payroll run of other client',
      office: 'A',
      client: 'c2',
      make: async (f) => (await createApprovedBonusRun(f.db, f.officeA, f.clients.c2)).runId,
    },
    {
      label: 'payroll run of another office',
      office: 'B',
      client: 'c3',
      make: async (f) => (await createApprovedBonusRun(f.db, f.officeB, f.clients.c3)).runId,
    },
  ],
  payslipId: [
    {
      label: 'payslip of own client',
      office: 'A',
      client: 'c1',
      make: async (f) => (await createApprovedBonusRun(f.db, f.officeA, f.clients.c1)).payslipId,
    },
    {
      label: 'payslip of other client',
      office: 'A',
      client: 'c2',
      make: async (f) => (await createApprovedBonusRun(f.db, f.officeA, f.clients.c2)).payslipId,
    },
    {
      label: 'payslip of another office',
      office: 'B',
      client: 'c3',
      make: async (f) => (await createApprovedBonusRun(f.db, f.officeB, f.clients.c3)).payslipId,
    },
  ],
}

/** Whether a role may reach every id of the request (given the route allows the role at all). */
function reaches(role: Role, variants: readonly Place[]): boolean {
  const places = variants.flatMap((v) => ('ofPath' in v ? [] : [v]))
  if (places.some((p) => p.office !== 'A' || p.mismatched)) return false
  const clients = new Set(places.flatMap((p) => (p.client === undefined ? [] : [p.client])))
  if (clients.size > 1) return false
  if (role === 'office_admin') return true
  return [...clients].every((c) => c === 'c1')
}

describeOnEachDatabase('authorization matrix', [...APP_DATABASE_MIGRATIONS], ({ db, backend }) => {
  let app: FastifyInstance
  let nowMs = Date.parse('2026-06-01T10:00:00+09:00')
  const now = (): Date => new Date(nowMs)
  let fixture: Fixture
  const actors = new Map<Role, SignedInUser>()

  /** Staff and HR contacts are assigned the own client c1; an employee user is a person of c1. */
  const signIn = async (role: Role): Promise<SignedInUser> =>
    signInAs(app, fixture.db, {
      role,
      officeId: fixture.officeA,
      now,
      ...(role === 'office_staff' || role === 'client_hr' ? { clientIds: [fixture.clients.c1] } : {}),
      ...(role === 'employee'
        ? { personId: await createEmployee(fixture.db, fixture.officeA, fixture.clients.c1) }
        : {}),
    })

  before(async () => {
    app = await buildApp({
      db: db(),
      databaseKind: backend,
      version: SERVER_VERSION,
      sessionKey: randomBytes(32),
      now,
    })
    const typed = db() as Kysely<ServerTables>
    const officeA = await createSyntheticOffice(typed)
    const officeB = await createSyntheticOffice(typed)
    fixture = {
      db: typed,
      officeA,
      officeB,
      clients: {
        c1: await createClient(typed, officeA),
        c2: await createClient(typed, officeA),
        c3: await createClient(typed, officeB),
      },
      advance: (ms) => {
        nowMs += ms
      },
    }
    for (const role of ROLES) actors.set(role, await signIn(role))
  })
  after(() => app.close())

  const routes = (): { key: string; method: string; url: string; access: RouteAccess }[] =>
    declaredRoutes(app)
      .filter((r) => r.method !== 'HEAD') // HEAD mirrors its GET route, same handler and access
      .map((r) => ({ key: `${r.method} ${r.url}`, ...r }))

  test('every registered route has a matrix entry, and every entry a route', () => {
    const keys = routes().map((r) => r.key)
    assert.deepEqual(
      keys.filter((k) => MATRIX[k] === undefined),
      [],
      'routes without a matrix entry',
    )
    assert.deepEqual(
      Object.keys(MATRIX).filter((k) => !keys.includes(k)),
      [],
      'matrix entries without a route',
    )
  })

  test("each route's config.access grants exactly the matrix's roles", () => {
    for (const route of routes()) {
      const entry = MATRIX[route.key]!
      const declared =
        'public' in route.access ? 'public' : 'signInStep' in route.access ? 'signInStep' : route.access.roles
      if (typeof entry.allow === 'string' || typeof declared === 'string') {
        assert.equal(declared, entry.allow, route.key)
      } else {
        assert.deepEqual([...declared].sort(), [...entry.allow].sort(), route.key)
      }
    }
  })

  test('every route × role × own/foreign client × own/foreign office: no unexpected allow', async () => {
    let n = 0
    const ordered = routes().sort(
      (a, b) => Number(MATRIX[a.key]!.endsSession ?? 0) - Number(MATRIX[b.key]!.endsSession ?? 0),
    )
    for (const route of ordered) {
      const entry = MATRIX[route.key]!
      if (entry.allow === 'public') continue
      const params = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!)
      for (const p of params) assert.ok(PARAM_VARIANTS[p], `no PARAM_VARIANTS for :${p} (${route.key})`)
      const combinations = cartesian(params.map((p) => PARAM_VARIANTS[p]!))
      for (const role of [null, ...ROLES] as const) {
        for (const combination of combinations) {
          n++
          const actor = role === null ? null : entry.endsSession ? await signIn(role) : actors.get(role)!
          let url = route.url
          const made: Record<string, string> = {}
          for (const [i, p] of params.entries()) {
            made[p] = await combination[i]!.make(fixture, made)
            url = url.replace(`:${p}`, made[p])
          }
          const undo = await entry.arrange?.(fixture, made)
          const body = entry.body?.({ fixture, actor, n })
          const response = await app.inject({
            method: route.method as 'GET',
            url,
            headers: {
              ...(actor?.headers ?? {}),
              ...(entry.contentType === undefined ? {} : { 'content-type': entry.contentType }),
            },
            ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
          })
          await undo?.()
          const expected =
            role !== null &&
            Array.isArray(entry.allow) &&
            entry.allow.includes(role) &&
            reaches(role, combination)
          const what = `${route.key} as ${role ?? 'anonymous'} with ${combination.map((c) => c.label).join(', ') || 'no ids'}`
          if (expected) {
            assert.equal(response.statusCode, entry.ok ?? 200, `${what} should succeed: ${response.body}`)
          } else {
            assert.ok(
              [401, 403, 404].includes(response.statusCode),
              `${what} must be refused, got ${response.statusCode} ${response.body}`,
            )
          }
        }
      }
    }
    assert.ok(n > 50)
  })

  test('a sensitive route refuses an actor whose last re-authentication is older than the window', async () => {
    const sensitive = routes().filter((r) => 'roles' in r.access && r.access.reauth === true)
    assert.ok(sensitive.length > 0)
    nowMs += REAUTH_WINDOW_MS + 1000
    for (const route of sensitive) {
      const entry = MATRIX[route.key]!
      const role = (entry.allow as readonly Role[])[0]!
      const actor = actors.get(role)!
      let url = route.url
      const made: Record<string, string> = {}
      for (const p of [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!)) {
        made[p] = await PARAM_VARIANTS[p]![0]!.make(fixture, made)
        url = url.replace(`:${p}`, made[p])
      }
      const body = entry.body?.({ fixture, actor, n: Number.MAX_SAFE_INTEGER - 1 })
      const response = await app.inject({
        method: route.method as 'GET',
        url,
        headers: {
          ...actor.headers,
          ...(entry.contentType === undefined ? {} : { 'content-type': entry.contentType }),
        },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      })
      assert.equal(response.statusCode, 403, route.key)
      assert.equal(response.json().code, 'REAUTH_REQUIRED', route.key)
    }
  })

  test('every state-changing route that needs a session refuses a request without its CSRF token', async () => {
    for (const route of routes()) {
      if (route.method === 'GET' || 'public' in route.access) continue
      const entry = MATRIX[route.key]!
      const role = Array.isArray(entry.allow) ? entry.allow[0]! : 'office_admin'
      const response = await app.inject({
        method: route.method as 'POST',
        url: route.url.replace(/:clientId/, fixture.clients.c1).replace(/:[A-Za-z]+/g, crypto.randomUUID()),
        headers: { cookie: actors.get(role)!.cookie },
      })
      assert.equal(response.statusCode, 403, route.key)
      assert.equal(response.json().code, 'CSRF_INVALID', route.key)
    }
  })
})

function cartesian<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>(
    (acc, list) => acc.flatMap((prefix) => list.map((item) => [...prefix, item])),
    [[]],
  )
}

async function createClient(db: Kysely<ServerTables>, officeId: string): Promise<string> {
  return withTenant(db, officeId, async (trx) => {
    const row = await trx
      .insertInto('clients')
      .values({
        office_id: officeId,
        name: `マトリクス商事 ${randomBytes(3).toString('hex')}`,
        prefecture_code: 13,
        address: '東京都千代田区架空町1-1',
        health_insurer: 'kyokai_kenpo',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  })
}

/** A synthetic employee with a first version, hired 2020-04-01. */
async function createEmployee(db: Kysely<ServerTables>, officeId: string, clientId: string): Promise<string> {
  const person = matrixPerson()
  return withTenant(db, officeId, async (trx) => {
    const row = await trx
      .insertInto('employees')
      .values(employeeRow(officeId, clientId, person))
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('employee_versions')
      .values(firstVersionRow(officeId, clientId, row.id, person))
      .execute()
    return row.id
  })
}

/** A synthetic spouse of the employee, written as the migrating role (a fixture, not the app). */
async function createDependent(db: Kysely<ServerTables>, employeeId: string): Promise<string> {
  const employee = await db
    .selectFrom('employees')
    .select(['office_id'])
    .where('id', '=', employeeId)
    .executeTakeFirstOrThrow()
  const person = matrixPerson()
  const row = await db
    .insertInto('dependents')
    .values(dependentRow(employee.office_id, employeeId, person, generator.dependent(person, 'spouse')))
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Two synthetic employees whose 社員番号 (the first column) no earlier commit has used. */
function importSheet(n: number) {
  const sheet = syntheticSheets(generator, 2).employees
  return { ...sheet, rows: sheet.rows.map((r, i) => ({ ...r, cells: [`M${n}-${i}`, ...r.cells.slice(1)] })) }
}

/** A committed import's record (counts only), made by a staff user of the office. */
async function createImport(f: Fixture, office: 'A' | 'B', clientId: string): Promise<string> {
  const officeId = office === 'A' ? f.officeA : f.officeB
  const createdBy = await createPendingUser(f.db, officeId)
  const id = crypto.randomUUID()
  await sql`insert into imports (id, office_id, client_id, created_by, employees_created, dependents_created)
            values (${id}, ${officeId}, ${clientId}, ${createdBy}, 0, 0)`.execute(f.db)
  return id
}

/** A staff user who has not accepted the invitation yet (the target of user administration). */
async function createPendingUser(db: Kysely<ServerTables>, officeId: string): Promise<string> {
  return withTenant(db, officeId, (trx) =>
    insertUser(trx, officeId, {
      loginId: `matrix-target-${randomBytes(6).toString('hex')}`,
      displayName: 'マトリクス対象',
      role: 'office_staff',
      personId: null,
    }),
  )
}
