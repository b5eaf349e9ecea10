import assert from 'node:assert/strict'
import { before, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import { calculateBonusPayroll } from '@mamori/rules/payroll/bonus-payroll.ts'
import { calculateMonthlyPayroll } from '@mamori/rules/payroll/monthly-payroll.ts'
import { EXAMPLE_MONTHLY_INPUT } from '@mamori/rules/payroll/test-fixtures.ts'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { createSyntheticOffice } from '../auth/testing.ts'
import type { ServerTables } from '../db/tables.ts'
import { ServerError } from '../errors.ts'
import { APP_DATABASE_MIGRATIONS } from '../main.ts'
import type { OperationContext } from '../people/operation-context.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { approvePayrollRun } from './approve-payroll-run.ts'
import { correctPayrollRun } from './correct-payroll-run.ts'
import { tryLockClientMonth } from './payroll-runs.repo.ts'
import type { PayrollDb } from './payroll-tables.ts'
import { getPayrollRun, listPayrollRunVersions } from './read-payroll-runs.ts'
import { type PayrollDeps, type RunPayrollInput, runPayroll } from './run-payroll.ts'
import {
  asPayrollDb,
  createPayrollTestClient,
  enrolSyntheticEmployee,
  payrollContext,
  putBonusInput,
  putMonthlyInput,
  setUpPayrollClient,
  TEST_PAYROLL_SETTINGS,
} from './testing.ts'

const MAY: RunPayrollInput & { kind: 'monthly' } = {
  clientId: '',
  kind: 'monthly',
  paymentDate: '2026-05-25',
  periodEndDate: '2026-05-20',
}

async function refusal(promise: Promise<unknown>): Promise<ServerError> {
  try {
    await promise
  } catch (error) {
    assert.ok(error instanceof ServerError, String(error))
    return error
  }
  assert.fail('expected a refusal')
}

describeOnEachDatabase<PayrollDb>('payroll runs', [...APP_DATABASE_MIGRATIONS], ({ db, backend }) => {
  let deps: PayrollDeps
  let officeId: string
  let ctx: OperationContext
  let clock = Date.parse('2026-05-22T09:00:00+09:00')

  before(async () => {
    deps = {
      db: db(),
      now: () => {
        clock += 1000
        return new Date(clock)
      },
    }
    officeId = await createSyntheticOffice(asPayrollDb(db()) as unknown as Kysely<ServerTables>)
    ctx = await payrollContext(db(), officeId)
  })

  /** A client whose one employee is the worked example of packages/rules monthly-payroll.test.ts. */
  async function exampleClient(): Promise<{ clientId: string; employeeId: string }> {
    const clientId = await createPayrollTestClient(db(), officeId)
    await setUpPayrollClient(db(), officeId, clientId, {
      ...TEST_PAYROLL_SETTINGS,
      allowanceRules: [
        ...TEST_PAYROLL_SETTINGS.allowanceRules,
        {
          name: '家族手当',
          code: 'family',
          incomeTax: 'taxable',
          premiumBase: 'family',
          reducedForAbsence: false,
        },
      ],
    })
    const employeeId = await enrolSyntheticEmployee(db(), officeId, clientId, {
      seed: 'worked-example',
      employeeNumber: 'E0001',
      monthlySalary: 300_000,
      allowances: [
        { name: '役職手当', amountYen: 20_000 },
        { name: '家族手当', amountYen: 10_000 },
      ],
      commutingAllowanceYen: 12_000,
      birthDate: '1980-07-10',
      standardMonthlyYen: 340_000,
      dependents: 1,
    })
    await putMonthlyInput(db(), officeId, clientId, '2026-05-01', {
      employeeId,
      attendance: EXAMPLE_MONTHLY_INPUT.attendance,
      residentTaxYen: 15_000,
      oneOffDeductions: [{ code: 'housing', labelJa: '社宅費', amountYen: 10_000 }],
    })
    return { clientId, employeeId }
  }

  async function payslipRowCount(runId: string): Promise<number> {
    const { rows } = await sql<{
      n: number
    }>`select count(*)::int as n from payslips where run_id = ${runId}`.execute(db())
    return rows[0]!.n
  }

  test('a monthly run stores what the statutory calculation gives for the stored salary structure and inputs', async () => {
    const { clientId, employeeId } = await exampleClient()
    const { run, payslips } = await runPayroll(deps, ctx, { ...MAY, clientId })
    assert.equal(run.status, 'calculated')
    assert.equal(run.version, 1)
    assert.equal(run.payslipCount, 1)
    assert.equal(run.calculatedBy, ctx.actor.userId)
    const expected = calculateMonthlyPayroll(EXAMPLE_MONTHLY_INPUT)
    const payslip = payslips[0]!
    assert.equal(payslip.employeeId, employeeId)
    assert.equal(payslip.employeeCode, 'E0001')
    assert.deepEqual(
      payslip.lines.earnings,
      expected.earnings.map(({ explanationJa: _, ...line }) => line),
    )
    assert.deepEqual(
      payslip.lines.deductions,
      expected.deductions.map(({ explanationJa: _, ...line }) => line),
    )
    assert.deepEqual(payslip.lines.employerSharesSen, expected.employerShares)
    assert.equal(payslip.totals.grossPay, expected.totals.grossPay)
    assert.equal(payslip.totals.totalDeductions, expected.totals.totalDeductions)
    assert.equal(payslip.totals.netPay, expected.totals.netPay)
    assert.equal(payslip.premiumMonth, '2026-04-01')
    assert.deepEqual(payslip.attendance, EXAMPLE_MONTHLY_INPUT.attendance)
    assert.deepEqual(run.tableIds, expected.tableIds)
  })

  test('running the same month again gives the same result in the same run, without duplicating a row', async () => {
    const { clientId, employeeId } = await exampleClient()
    const second = await enrolSyntheticEmployee(db(), officeId, clientId, {
      seed: 'second',
      employeeNumber: 'E0002',
    })
    await putMonthlyInput(db(), officeId, clientId, '2026-05-01', { employeeId: second })
    const first = await runPayroll(deps, ctx, { ...MAY, clientId })
    const again = await runPayroll(deps, ctx, { ...MAY, clientId })
    assert.equal(again.run.id, first.run.id)
    assert.equal(again.run.version, 1)
    const strip = (r: typeof first) => r.payslips.map(({ id: _, ...p }) => p)
    assert.deepEqual(strip(again), strip(first))
    assert.equal(await payslipRowCount(first.run.id), 2)

    // Changed inputs are taken up by the next run, still in place.
    await putMonthlyInput(db(), officeId, clientId, '2026-05-01', {
      employeeId,
      attendance: EXAMPLE_MONTHLY_INPUT.attendance,
      residentTaxYen: 16_000,
      oneOffDeductions: [{ code: 'housing', labelJa: '社宅費', amountYen: 10_000 }],
    })
    const changed = await runPayroll(deps, ctx, { ...MAY, clientId })
    assert.equal(changed.run.id, first.run.id)
    assert.equal(await payslipRowCount(first.run.id), 2)
    const before = first.payslips.find((p) => p.employeeId === employeeId)!
    const after = changed.payslips.find((p) => p.employeeId === employeeId)!
    assert.equal(after.totals.totalDeductions, before.totals.totalDeductions + 1_000)
  })

  test('an approved run is frozen: no recalculation, and the database refuses changes to it', async () => {
    const { clientId } = await exampleClient()
    const { run } = await runPayroll(deps, ctx, { ...MAY, clientId })
    const approved = await approvePayrollRun(deps, ctx, { clientId, runId: run.id })
    assert.equal(approved.status, 'approved')
    assert.equal(approved.approvedBy, ctx.actor.userId)
    assert.equal((await refusal(runPayroll(deps, ctx, { ...MAY, clientId }))).code, 'PAYROLL_RUN_FROZEN')
    // Approving again is a no-op answering the same.
    assert.deepEqual(await approvePayrollRun(deps, ctx, { clientId, runId: run.id }), approved)
    await assert.rejects(
      withTenant(db(), officeId, (trx) =>
        sql`update payslips set net_pay = net_pay + 1 where run_id = ${run.id}`.execute(trx),
      ),
      /frozen/,
    )
    await assert.rejects(
      withTenant(db(), officeId, (trx) => sql`delete from payslips where run_id = ${run.id}`.execute(trx)),
      /frozen/,
    )
    await assert.rejects(
      withTenant(db(), officeId, (trx) =>
        sql`update payroll_runs set payslip_count = 0 where id = ${run.id}`.execute(trx),
      ),
      /frozen/,
    )
  })

  test('a correction opens the next version with its reason; the approved version stays as it was', async () => {
    const { clientId, employeeId } = await exampleClient()
    const v1 = await runPayroll(deps, ctx, { ...MAY, clientId })
    assert.equal(
      (await refusal(correctPayrollRun(deps, ctx, { clientId, runId: v1.run.id, reason: '勤怠の誤り' })))
        .code,
      'PAYROLL_RUN_STATE_CONFLICT',
    )
    await approvePayrollRun(deps, ctx, { clientId, runId: v1.run.id })
    const draft = await correctPayrollRun(deps, ctx, {
      clientId,
      runId: v1.run.id,
      reason: '残業時間の入力誤り',
    })
    assert.equal(draft.version, 2)
    assert.equal(draft.status, 'draft')
    assert.equal(draft.correctionReason, '残業時間の入力誤り')
    assert.equal(draft.correctsRunId, v1.run.id)
    assert.equal(
      (await refusal(approvePayrollRun(deps, ctx, { clientId, runId: draft.id }))).code,
      'PAYROLL_RUN_STATE_CONFLICT',
    )
    assert.equal(
      (await refusal(correctPayrollRun(deps, ctx, { clientId, runId: v1.run.id, reason: '二重の訂正' })))
        .code,
      'PAYROLL_RUN_STATE_CONFLICT',
    )

    await putMonthlyInput(db(), officeId, clientId, '2026-05-01', {
      employeeId,
      attendance: { ...EXAMPLE_MONTHLY_INPUT.attendance, statutoryOvertimeMinutes: 10 * 60 },
    })
    const v2 = await runPayroll(deps, ctx, { ...MAY, clientId })
    assert.equal(v2.run.id, draft.id)
    assert.equal(v2.run.status, 'calculated')
    assert.ok(v2.payslips[0]!.totals.grossPay < v1.payslips[0]!.totals.grossPay)

    const kept = await getPayrollRun(deps, ctx, { clientId, runId: v1.run.id })
    assert.deepEqual(kept.payslips, v1.payslips)
    const versions = await listPayrollRunVersions(deps, ctx, { clientId, runId: v2.run.id })
    assert.deepEqual(
      versions.map((v) => [v.version, v.status, v.correctionReason, v.correctsRunId]),
      [
        [1, 'approved', null, null],
        [2, 'calculated', '残業時間の入力誤り', v1.run.id],
      ],
    )
  })

  test('two concurrent runs of the same client and month leave one run and one set of payslips', async () => {
    const { clientId } = await exampleClient()
    const results = await Promise.allSettled([
      runPayroll(deps, ctx, { ...MAY, clientId }),
      runPayroll(deps, ctx, { ...MAY, clientId }),
    ])
    const done = results.filter((r) => r.status === 'fulfilled')
    assert.ok(done.length >= 1)
    for (const r of results) {
      if (r.status === 'rejected') assert.equal((r.reason as ServerError).code, 'PAYROLL_RUN_IN_PROGRESS')
    }
    const { rows } = await sql<{ runs: number; payslips: number }>`
      select (select count(*)::int from payroll_runs where client_id = ${clientId}) as runs,
        (select count(*)::int from payslips where client_id = ${clientId}) as payslips`.execute(db())
    assert.deepEqual(rows[0], { runs: 1, payslips: 1 })
  })

  // PGlite has one connection, so no second transaction can hold the lock meanwhile: the case
  // exists only on a server (the concurrent-runs test above covers both backends).
  if (backend === 'postgres')
    test('while another transaction holds the client-and-month lock, a run is refused with PAYROLL_RUN_IN_PROGRESS', async () => {
      const { clientId } = await exampleClient()
      let release: () => void = () => {}
      let held: () => void = () => {}
      const holding = new Promise<void>((resolve) => {
        held = resolve
      })
      const holder = withTenant(db(), officeId, async (trx) => {
        assert.equal(await tryLockClientMonth(trx, officeId, clientId, '2026-05-01'), true)
        held()
        await new Promise<void>((resolve) => {
          release = resolve
        })
      })
      await holding
      try {
        assert.equal(
          (await refusal(runPayroll(deps, ctx, { ...MAY, clientId }))).code,
          'PAYROLL_RUN_IN_PROGRESS',
        )
        // Another month of the same client is not held up.
        await putMonthlyInput(db(), officeId, clientId, '2026-06-01', {
          employeeId: (await getEmployees(clientId))[0]!,
        })
        const june = await runPayroll(deps, ctx, {
          ...MAY,
          clientId,
          paymentDate: '2026-06-25',
          periodEndDate: '2026-06-20',
        })
        assert.equal(june.run.status, 'calculated')
      } finally {
        release()
        await holder
      }
      assert.equal((await runPayroll(deps, ctx, { ...MAY, clientId })).run.status, 'calculated')
    })

  async function getEmployees(clientId: string): Promise<string[]> {
    const rows = await withTenant(db(), officeId, (trx) =>
      trx.selectFrom('employees').select('id').where('client_id', '=', clientId).execute(),
    )
    return rows.map((r) => r.id)
  }

  test('refusals name what to set up: settings, a month without attendance, an allowance without a rule', async () => {
    const clientId = await createPayrollTestClient(db(), officeId)
    const employeeId = await enrolSyntheticEmployee(db(), officeId, clientId, {
      seed: 'refusals',
      allowances: [{ name: '資格手当', amountYen: 5_000 }],
    })
    const noSettings = await refusal(runPayroll(deps, ctx, { ...MAY, clientId }))
    assert.deepEqual([noSettings.code, noSettings.field], ['PAYROLL_SETUP_INCOMPLETE', 'settings'])
    await setUpPayrollClient(db(), officeId, clientId)
    const noInput = await refusal(runPayroll(deps, ctx, { ...MAY, clientId }))
    assert.deepEqual([noInput.code, noInput.field], ['PAYROLL_INPUT_MISSING', 'inputs'])
    assert.match(noInput.messageJa, /1人/)
    await putMonthlyInput(db(), officeId, clientId, '2026-05-01', { employeeId })
    const noRule = await refusal(runPayroll(deps, ctx, { ...MAY, clientId }))
    assert.deepEqual([noRule.code, noRule.field], ['PAYROLL_SETUP_INCOMPLETE', 'allowanceRules'])
    await setUpPayrollClient(db(), officeId, clientId, {
      ...TEST_PAYROLL_SETTINGS,
      allowanceRules: [
        {
          name: '資格手当',
          code: 'license',
          incomeTax: 'taxable',
          premiumBase: 'included',
          reducedForAbsence: false,
        },
      ],
    })
    await putMonthlyInput(db(), officeId, clientId, '2040-05-01', { employeeId })
    const noTable = await refusal(
      runPayroll(deps, ctx, { ...MAY, clientId, paymentDate: '2040-05-25', periodEndDate: '2040-05-20' }),
    )
    assert.equal(noTable.code, 'PAYROLL_CALCULATION_REFUSED')
    assert.match(noTable.messageJa, /収録されていません/)
    // Nothing was stored by any refusal.
    const { rows } = await sql<{
      n: number
    }>`select count(*)::int as n from payroll_runs where client_id = ${clientId}`.execute(db())
    assert.equal(rows[0]!.n, 0)
  })

  test('a bonus run withholds on the previous month’s pay and sums 標準賞与額 over the 年度', async () => {
    const { clientId, employeeId } = await exampleClient()
    await putMonthlyInput(db(), officeId, clientId, '2026-06-01', {
      employeeId,
      attendance: EXAMPLE_MONTHLY_INPUT.attendance,
    })
    const june = await runPayroll(deps, ctx, {
      ...MAY,
      clientId,
      paymentDate: '2026-06-25',
      periodEndDate: '2026-06-20',
    })
    await putBonusInput(db(), officeId, clientId, '2026-04-10', { employeeId, bonusYen: 3_000_000 })
    await runPayroll(deps, ctx, { clientId, kind: 'bonus', paymentDate: '2026-04-10' })
    await putBonusInput(db(), officeId, clientId, '2026-07-10', { employeeId, bonusYen: 3_000_000 })
    const { run, payslips } = await runPayroll(deps, ctx, {
      clientId,
      kind: 'bonus',
      paymentDate: '2026-07-10',
    })
    assert.equal(run.kind, 'bonus')
    assert.equal(run.periodEndDate, null)
    const junePay = june.payslips[0]!.totals
    const expected = calculateBonusPayroll({
      paymentDate: '2026-07-10',
      establishment: EXAMPLE_MONTHLY_INPUT.establishment,
      employee: {
        person: { birthDate: '1980-07-10' },
        healthInsured: true,
        pensionInsured: true,
        employmentInsured: true,
        withholdingColumn: 'kou',
        dependents: 1,
      },
      bonus: 3_000_000,
      calculationPeriodOverSixMonths: false,
      healthStandardBonusEarlierInFiscalYear: 3_000_000,
      previousMonth: { taxablePay: junePay.taxablePay, socialInsurance: junePay.socialInsurance },
      otherDeductions: [],
    })
    assert.equal(payslips[0]!.totals.netPay, expected.totals.netPay)
    assert.equal(payslips[0]!.healthStandardBonus, expected.healthStandardBonus)
    assert.equal(payslips[0]!.healthStandardBonus, 2_730_000) // 5,730,000 cap less 3,000,000 earlier
  })

  test('another office cannot read, approve or correct the run: not found, as if it did not exist', async () => {
    const { clientId } = await exampleClient()
    const { run } = await runPayroll(deps, ctx, { ...MAY, clientId })
    const otherOffice = await createSyntheticOffice(asPayrollDb(db()) as unknown as Kysely<ServerTables>)
    const stranger = await payrollContext(db(), otherOffice)
    const attempts = [
      () => getPayrollRun(deps, stranger, { clientId, runId: run.id }),
      () => approvePayrollRun(deps, stranger, { clientId, runId: run.id }),
      () => correctPayrollRun(deps, stranger, { clientId, runId: run.id, reason: '越境' }),
    ]
    for (const attempt of attempts) {
      assert.equal((await refusal(attempt())).code, 'PAYROLL_RUN_NOT_FOUND')
    }
  })
})
