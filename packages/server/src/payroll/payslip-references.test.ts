import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import type { Kysely } from 'kysely'
import { createSyntheticOffice } from '../auth/testing.ts'
import type { ServerTables } from '../db/tables.ts'
import { APP_DATABASE_MIGRATIONS } from '../main.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import type { PayrollDb } from './payroll-tables.ts'
import type { PayslipRow } from './payslip-row.ts'
import { appendPayslip, emptyPayslipColumns, insertPayslipColumns } from './payslips.repo.ts'
import { runPayroll } from './run-payroll.ts'
import {
  asPayrollDb,
  createPayrollTestClient,
  enrolSyntheticEmployee,
  payrollContext,
  putMonthlyInput,
  setUpPayrollClient,
} from './testing.ts'

function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23503'
}

/** A payslip row of the worked amounts; only what it names matters here. */
function payslipNaming(employeeId: string): PayslipRow {
  return {
    employeeId,
    employeeCode: null,
    employeeName: '架空\u3000太郎',
    lines: {
      earnings: [{ code: 'base-pay', labelJa: '基本給', amount: 300_000, incomeTax: 'taxable' }],
      deductions: [],
      employerSharesSen: { healthSen: 0, pensionSen: 0, childContributionSen: 0, employmentSen: 0 },
    },
    attendance: null,
    premiumMonth: null,
    totals: {
      grossPay: 300_000,
      taxablePay: 300_000,
      socialInsurance: 0,
      incomeTax: 0,
      totalDeductions: 0,
      netPay: 300_000,
    },
    healthStandardBonus: null,
    pensionStandardBonus: null,
  }
}

describeOnEachDatabase<PayrollDb>(
  'payslips name runs and employees that exist (0014_payslip-references.sql)',
  [...APP_DATABASE_MIGRATIONS],
  ({ db }) => {
    let officeId: string
    let clientId: string
    let employeeId: string
    let runId: string

    before(async () => {
      officeId = await createSyntheticOffice(asPayrollDb(db()) as unknown as Kysely<ServerTables>)
      clientId = await createPayrollTestClient(db(), officeId)
      await setUpPayrollClient(db(), officeId, clientId)
      employeeId = await enrolSyntheticEmployee(db(), officeId, clientId, { seed: 'references' })
      await putMonthlyInput(db(), officeId, clientId, '2026-05-01', { employeeId })
      const ctx = await payrollContext(db(), officeId)
      const deps = { db: db(), now: () => new Date() }
      const { run, payslips } = await runPayroll(deps, ctx, {
        clientId,
        kind: 'monthly',
        paymentDate: '2026-05-25',
        periodEndDate: '2026-05-20',
      })
      assert.equal(payslips.length, 1)
      runId = run.id
    })

    function insert(client: string, run: string, employee: string) {
      const columns = emptyPayslipColumns()
      appendPayslip(columns, client, run, payslipNaming(employee))
      return withTenant(db(), officeId, (trx) => insertPayslipColumns(trx, officeId, columns))
    }

    test('a payslip naming a run that does not exist is refused as a foreign key would', async () => {
      await assert.rejects(insert(clientId, crypto.randomUUID(), employeeId), isForeignKeyViolation)
    })

    test('a payslip naming no employee of the client is refused, whichever part is wrong', async () => {
      const other = await createPayrollTestClient(db(), officeId)
      const ofTheOtherClient = await enrolSyntheticEmployee(db(), officeId, other, {
        seed: 'references-other',
      })
      await assert.rejects(insert(clientId, runId, crypto.randomUUID()), isForeignKeyViolation)
      await assert.rejects(insert(clientId, runId, ofTheOtherClient), isForeignKeyViolation)
    })

    test('an employee or a run named by payslips cannot be deleted or re-keyed', async () => {
      const other = await createPayrollTestClient(db(), officeId)
      const namedByPayslips = (error: unknown) =>
        isForeignKeyViolation(error) && /named by payslips/.test((error as Error).message)
      // Only the payslip names the employee once its versions, profile and inputs are gone.
      const alone = async (trx: Kysely<PayrollDb>) => {
        await trx.deleteFrom('payroll_inputs').where('employee_id', '=', employeeId).execute()
        await trx.deleteFrom('employee_payroll_profiles').where('employee_id', '=', employeeId).execute()
        await trx.deleteFrom('employee_versions').where('employee_id', '=', employeeId).execute()
      }
      await assert.rejects(
        withTenant(db(), officeId, async (trx) => {
          await alone(trx)
          await trx.deleteFrom('employees').where('id', '=', employeeId).execute()
        }),
        namedByPayslips,
      )
      await assert.rejects(
        withTenant(db(), officeId, async (trx) => {
          await alone(trx)
          await trx.updateTable('employees').set({ client_id: other }).where('id', '=', employeeId).execute()
        }),
        namedByPayslips,
      )
      await assert.rejects(
        withTenant(db(), officeId, (trx) => trx.deleteFrom('payroll_runs').where('id', '=', runId).execute()),
        namedByPayslips,
      )
      await assert.rejects(
        withTenant(db(), officeId, (trx) =>
          trx.updateTable('payroll_runs').set({ id: crypto.randomUUID() }).where('id', '=', runId).execute(),
        ),
        namedByPayslips,
      )
    })

    test('an employee no payslip names can still be deleted; a named one can still be updated', async () => {
      const unnamed = await enrolSyntheticEmployee(db(), officeId, clientId, { seed: 'references-unnamed' })
      await withTenant(db(), officeId, async (trx) => {
        await trx.deleteFrom('employee_payroll_profiles').where('employee_id', '=', unnamed).execute()
        await trx.deleteFrom('employee_versions').where('employee_id', '=', unnamed).execute()
        await trx.deleteFrom('employees').where('id', '=', unnamed).execute()
        await trx
          .updateTable('employees')
          .set({ hire_date: '2020-04-02' })
          .where('id', '=', employeeId)
          .execute()
      })
    })
  },
)
