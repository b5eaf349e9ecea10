import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import type { FastifyInstance } from 'fastify'
import { declaredRoutes } from '../access/access-hook.ts'
import type { SignedInUser } from '../auth/testing.ts'
import { createSyntheticOffice, signInAs } from '../auth/testing.ts'
import type { ServerTables } from '../db/tables.ts'
import { syntheticSheets, tableToCsv } from '../imports/testing.ts'
import { buildClientBody, buildDependentBody, employeeBody, syntheticGenerator } from './factories.ts'
import type { Call } from './test-app.ts'
import { auditCount, buildPeopleTestApp, callerFor, PEOPLE_TEST_MIGRATIONS } from './test-app.ts'

/** Routes that read or change a person's data: every employee and dependent route, and imports. */
const PERSONAL_DATA = /\/(employees|dependents|imports)(\/|$)|\/me\/employee$/

/** The My Number relay needs the vault: its own walk is in my-number/my-number.routes.test.ts. */
const MY_NUMBER_RELAY = /\/(my-number|access-history)(\/|$)/

/**
 * Account administration on an employee's behalf, audited by the auth module's own events
 * (auth/audit-events.ts) and walked by its tests; it neither returns nor changes the record.
 */
const ACCOUNT_ROUTES: ReadonlySet<string> = new Set([
  'POST /api/clients/:clientId/employees/:employeeId/invitation',
  // An import's record holds counts and ids only (0011_imports.sql).
  'GET /api/clients/:clientId/imports/:importId',
])

type Ids = { clientId: string; employeeId: string; dependentId: string }
type Step = { as: 'office' | 'self'; run: (call: Call, ids: Ids) => ReturnType<Call> }

describeOnEachDatabase<ServerTables>(
  'every personal-data route writes an audit entry',
  PEOPLE_TEST_MIGRATIONS,
  ({ db }) => {
    let app: FastifyInstance
    let admin: SignedInUser
    const generator = syntheticGenerator('audit-walk')

    before(async () => {
      app = await buildPeopleTestApp(db())
      admin = await signInAs(app, db(), { role: 'office_admin', officeId: await createSyntheticOffice(db()) })
    })
    after(() => app.close())

    /** A fresh client, employee and dependent for each route, so that steps do not depend on each other. */
    async function fixture(call: Call, withUser: boolean): Promise<Ids & { self: Call }> {
      const client = await call('POST', '/api/clients', buildClientBody(generator))
      const person = generator.employee()
      const employee = await call(
        'POST',
        `/api/clients/${client.json().id}/employees`,
        employeeBody(person, { hireDate: '2020-04-01' }),
      )
      const dependent = await call(
        'POST',
        `/api/clients/${client.json().id}/employees/${employee.json().id}/dependents`,
        buildDependentBody(generator, person),
      )
      const ids = {
        clientId: client.json().id,
        employeeId: employee.json().id,
        dependentId: dependent.json().id,
      }
      if (!withUser) return { ...ids, self: call }
      const user = await signInAs(app, db(), {
        role: 'employee',
        officeId: admin.officeId,
        personId: ids.employeeId,
      })
      return { ...ids, self: callerFor(app, user) }
    }

    const e = (ids: Ids) => `/api/clients/${ids.clientId}/employees/${ids.employeeId}`
    const STEPS: Record<string, Step> = {
      'GET /api/employees': { as: 'office', run: (call) => call('GET', '/api/employees') },
      'GET /api/clients/:clientId/employees': {
        as: 'office',
        run: (call, ids) => call('GET', `/api/clients/${ids.clientId}/employees`),
      },
      'POST /api/clients/:clientId/employees': {
        as: 'office',
        run: (call, ids) =>
          call('POST', `/api/clients/${ids.clientId}/employees`, employeeBody(generator.employee())),
      },
      'GET /api/clients/:clientId/employees/:employeeId': {
        as: 'office',
        run: (call, ids) => call('GET', e(ids)),
      },
      'PATCH /api/clients/:clientId/employees/:employeeId': {
        as: 'office',
        run: (call, ids) => call('PATCH', e(ids), { insuredSerial: '123' }),
      },
      'POST /api/clients/:clientId/employees/:employeeId/versions': {
        as: 'office',
        run: (call, ids) =>
          call('POST', `${e(ids)}/versions`, {
            validFrom: '2025-04-01',
            reason: 'pay_change',
            basePayYen: 310000,
          }),
      },
      'POST /api/clients/:clientId/employees/:employeeId/leave': {
        as: 'office',
        run: (call, ids) =>
          call('POST', `${e(ids)}/leave`, { leaveDate: '2026-03-31', reason: 'retirement' }),
      },
      'POST /api/clients/:clientId/imports/preview': {
        as: 'office',
        run: (call, ids) =>
          call('POST', `/api/clients/${ids.clientId}/imports/preview`, {
            employees: syntheticSheets(generator, 2).employees,
          }),
      },
      'POST /api/clients/:clientId/imports/preview-file': {
        as: 'office',
        run: (call, ids) =>
          call(
            'POST',
            `/api/clients/${ids.clientId}/imports/preview-file`,
            tableToCsv(syntheticSheets(generator, 2).employees),
            'text/csv',
          ),
      },
      'POST /api/clients/:clientId/imports/commit': {
        as: 'office',
        run: (call, ids) =>
          call('POST', `/api/clients/${ids.clientId}/imports/commit`, {
            importId: crypto.randomUUID(),
            employees: syntheticSheets(generator, 2).employees,
          }),
      },
      'GET /api/me/employee': { as: 'self', run: (call) => call('GET', '/api/me/employee') },
      'GET /api/clients/:clientId/employees/:employeeId/dependents': {
        as: 'office',
        run: (call, ids) => call('GET', `${e(ids)}/dependents`),
      },
      'POST /api/clients/:clientId/employees/:employeeId/dependents': {
        as: 'office',
        run: (call, ids) =>
          call(
            'POST',
            `${e(ids)}/dependents`,
            buildDependentBody(generator, generator.employee(), { dependentFrom: '2021-01-01' }),
          ),
      },
      'PATCH /api/clients/:clientId/employees/:employeeId/dependents/:dependentId': {
        as: 'office',
        run: (call, ids) =>
          call('PATCH', `${e(ids)}/dependents/${ids.dependentId}`, { annualIncomeYen: 500000 }),
      },
      'DELETE /api/clients/:clientId/employees/:employeeId/dependents/:dependentId': {
        as: 'office',
        run: (call, ids) => call('DELETE', `${e(ids)}/dependents/${ids.dependentId}`),
      },
    }

    test('each personal-data route answers 2xx and leaves at least one more audit entry of the office', async () => {
      const routes = declaredRoutes(app).filter(
        (r) =>
          r.method !== 'HEAD' &&
          PERSONAL_DATA.test(r.url) &&
          !MY_NUMBER_RELAY.test(r.url) &&
          !ACCOUNT_ROUTES.has(`${r.method} ${r.url}`),
      )
      assert.ok(routes.length >= Object.keys(STEPS).length, 'the walk found the routes')
      const call = callerFor(app, admin)
      for (const route of routes) {
        const key = `${route.method} ${route.url}`
        const step = STEPS[key]
        assert.ok(
          step,
          `${key} reads or changes personal data: add it to this walk with a request that succeeds`,
        )
        const ids = await fixture(call, step.as === 'self')
        const before = await auditCount(db(), admin.officeId)
        const response = await step.run(step.as === 'self' ? ids.self : call, ids)
        assert.ok(
          response.statusCode >= 200 && response.statusCode < 300,
          `${key}: ${response.statusCode} ${response.body}`,
        )
        assert.ok((await auditCount(db(), admin.officeId)) > before, `${key} wrote no audit entry`)
      }
    })
  },
)
