import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import type { FastifyInstance } from 'fastify'
import { declaredRoutes } from '../access/access-hook.ts'
import type { SignedInUser } from '../auth/testing.ts'
import { createSyntheticOffice, signInAs } from '../auth/testing.ts'
import type { ServerTables } from '../db/tables.ts'
import type { Call } from '../people/test-app.ts'
import { auditCount, buildPeopleTestApp, callerFor, PEOPLE_TEST_MIGRATIONS } from '../people/test-app.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { runPayroll } from './run-payroll.ts'
import {
  asPayrollDb,
  createApprovedBonusRun,
  createPayrollTestClient,
  enrolSyntheticEmployee,
  payrollContext,
  putMonthlyInput,
} from './testing.ts'

/** Every payroll route reads or writes pay, which is personal data. */
const PAYROLL = /\/payroll\//

const MAY = { kind: 'monthly', paymentDate: '2026-05-25', periodEndDate: '2026-05-20' } as const

/** A client with an approved bonus run (one payslip) and a calculated, unapproved May run. */
type Ids = { clientId: string; approvedRunId: string; payslipId: string; calculatedRunId: string }

describeOnEachDatabase<ServerTables>(
  'every payroll route writes an audit entry',
  PEOPLE_TEST_MIGRATIONS,
  ({ db }) => {
    let app: FastifyInstance
    let admin: SignedInUser

    before(async () => {
      app = await buildPeopleTestApp(db())
      admin = await signInAs(app, db(), { role: 'office_admin', officeId: await createSyntheticOffice(db()) })
    })
    after(() => app.close())

    /** A fresh client for each route, so that steps do not depend on each other. */
    async function fixture(): Promise<Ids> {
      const officeId = admin.officeId
      const clientId = await createPayrollTestClient(db(), officeId)
      const { runId, payslipId } = await createApprovedBonusRun(db(), officeId, clientId)
      const employeeId = await enrolSyntheticEmployee(db(), officeId, clientId, { seed: `walk-${clientId}` })
      // The bonus run's employee is on the May payroll too.
      const bonusPaid = await withTenant(asPayrollDb(db()), officeId, (trx) =>
        trx
          .selectFrom('payslips')
          .select('employee_id')
          .where('id', '=', payslipId)
          .executeTakeFirstOrThrow(),
      )
      for (const id of [employeeId, bonusPaid.employee_id]) {
        await putMonthlyInput(db(), officeId, clientId, '2026-05-01', { employeeId: id })
      }
      const deps = { db: asPayrollDb(db()), now: () => new Date() }
      const { run } = await runPayroll(deps, await payrollContext(db(), officeId), { ...MAY, clientId })
      return { clientId, approvedRunId: runId, payslipId, calculatedRunId: run.id }
    }

    const p = (ids: Ids) => `/api/clients/${ids.clientId}/payroll`
    const STEPS: Record<string, (call: Call, ids: Ids) => ReturnType<Call>> = {
      'POST /api/clients/:clientId/payroll/runs': (call, ids) => call('POST', `${p(ids)}/runs`, MAY),
      'GET /api/clients/:clientId/payroll/runs/:runId': (call, ids) =>
        call('GET', `${p(ids)}/runs/${ids.approvedRunId}`),
      'GET /api/clients/:clientId/payroll/runs/:runId/versions': (call, ids) =>
        call('GET', `${p(ids)}/runs/${ids.approvedRunId}/versions`),
      'POST /api/clients/:clientId/payroll/runs/:runId/approve': (call, ids) =>
        call('POST', `${p(ids)}/runs/${ids.calculatedRunId}/approve`),
      'POST /api/clients/:clientId/payroll/runs/:runId/corrections': (call, ids) =>
        call('POST', `${p(ids)}/runs/${ids.approvedRunId}/corrections`, { reason: '賞与額の訂正' }),
      'GET /api/clients/:clientId/payroll/payslips/:payslipId/pdf': (call, ids) =>
        call('GET', `${p(ids)}/payslips/${ids.payslipId}/pdf`),
      'GET /api/clients/:clientId/payroll/runs/:runId/csv': (call, ids) =>
        call('GET', `${p(ids)}/runs/${ids.approvedRunId}/csv?encoding=shift_jis`),
    }

    test('each payroll route answers 2xx and leaves at least one more audit entry of the office', async () => {
      const routes = declaredRoutes(app).filter((r) => r.method !== 'HEAD' && PAYROLL.test(r.url))
      assert.ok(routes.length >= Object.keys(STEPS).length, 'the walk found the routes')
      const call = callerFor(app, admin)
      for (const route of routes) {
        const key = `${route.method} ${route.url}`
        const step = STEPS[key]
        assert.ok(step, `${key} reads or changes pay: add it to this walk with a request that succeeds`)
        const ids = await fixture()
        const before = await auditCount(db(), admin.officeId)
        const response = await step(call, ids)
        assert.ok(
          response.statusCode >= 200 && response.statusCode < 300,
          `${key}: ${response.statusCode} ${response.body}`,
        )
        assert.ok((await auditCount(db(), admin.officeId)) > before, `${key} wrote no audit entry`)
      }
    })
  },
)
