import { calculateBonusPayroll } from '@mamori/rules/payroll/bonus-payroll.ts'
import {
  type MonthlyPayAmounts,
  prepareMonthlyPayroll,
} from '@mamori/rules/payroll/monthly-payroll-calculator.ts'
import type { Kysely } from 'kysely'
import { ServerError } from '../errors.ts'
import type { OperationContext } from '../people/operation-context.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { auditPayroll, PAYSLIP_FIELDS } from './audit-events.ts'
import {
  calculationRefused,
  inputMissing,
  runFrozen,
  runInProgress,
  setupIncomplete,
} from './payroll-errors.ts'
import {
  bonusInputOf,
  type ClientSettings,
  establishmentOf,
  monthlyInputOf,
  payslipEmployeeOf,
} from './payroll-inputs.ts'
import { fiscalYearStartOf, monthOf, periodStartOf, previousMonthOf } from './payroll-period.ts'
import {
  findLatestVersion,
  findRun,
  insertRunVersion,
  markCalculated,
  type PayrollRun,
  tryLockClientMonth,
} from './payroll-runs.repo.ts'
import {
  type ClientPayrollSetup,
  findClientPayrollSetup,
  listBonusInputs,
  listMonthlyInputs,
  listPayrollEmployees,
} from './payroll-setup.repo.ts'
import type { PayrollDb } from './payroll-tables.ts'
import { type PayslipRow, payslipRowOf, type StoredPayslip } from './payslip-row.ts'
import {
  appendPayslip,
  deletePayslipsOfRun,
  emptyPayslipColumns,
  healthStandardBonusesEarlier,
  insertPayslipColumns,
  listPayslips,
  previousMonthPay,
} from './payslips.repo.ts'

export type PayrollDeps = { db: Kysely<PayrollDb>; now: () => Date }

export type RunPayrollInput =
  | { clientId: string; kind: 'monthly'; paymentDate: string; periodEndDate: string }
  | { clientId: string; kind: 'bonus'; paymentDate: string }

export type RunResult = { run: PayrollRun; payslips: StoredPayslip[] }

/**
 * Calculates a client's monthly or bonus payroll from the stored salary structures and inputs.
 *
 * - Locked: one transaction per client and month at a time (tryLockClientMonth); a second user
 *   is refused with PAYROLL_RUN_IN_PROGRESS instead of queueing behind a long calculation.
 * - Idempotent: the first run makes version 1; running again recalculates the latest version in
 *   place (its payslips are replaced, never added to), so the same inputs give the same rows.
 * - Frozen: an approved latest version is refused (PAYROLL_RUN_FROZEN); a correction opens the
 *   next version (correct-payroll-run.ts), which this then calculates.
 * Audit: PAYROLL_RUN_CALCULATED in this transaction, after markCalculated: one entry for the
 * run, naming the payslip fields written (none are when the run has no employees).
 */
export async function runPayroll(
  deps: PayrollDeps,
  ctx: OperationContext,
  input: RunPayrollInput,
): Promise<RunResult> {
  const { actor } = ctx
  const officeId = actor.officeId
  const payMonth = monthOf(input.paymentDate)
  return withTenant(deps.db, officeId, async (trx) => {
    if (!(await tryLockClientMonth(trx, officeId, input.clientId, payMonth))) throw runInProgress()
    const setup = await findClientPayrollSetup(trx, officeId, input.clientId)
    if (setup === undefined) {
      throw new ServerError({
        code: 'NOT_FOUND',
        message: 'client not found',
        messageJa: '指定された事業所が見つかりません。',
        field: 'clientId',
      })
    }
    const identity = { clientId: input.clientId, kind: input.kind, payMonth, paymentDate: input.paymentDate }
    const latest = await findLatestVersion(trx, officeId, identity)
    if (latest?.status === 'approved') throw runFrozen()

    const calculated =
      input.kind === 'monthly'
        ? await calculateMonthly(trx, officeId, setup, input)
        : await calculateBonus(trx, officeId, setup, input)
    const at = deps.now()
    const periodEndDate = input.kind === 'monthly' ? input.periodEndDate : null
    const run =
      latest ??
      (await insertRunVersion(trx, officeId, {
        ...identity,
        periodEndDate,
        version: 1,
        createdBy: actor.userId,
        createdAt: at,
        correction: null,
      }))
    if (latest !== undefined) await deletePayslipsOfRun(trx, officeId, run.id)
    const columns = emptyPayslipColumns()
    for (const row of calculated.rows) appendPayslip(columns, input.clientId, run.id, row)
    await insertPayslipColumns(trx, officeId, columns)
    await markCalculated(trx, officeId, run.id, {
      by: actor.userId,
      at,
      tableIds: calculated.tableIds,
      payslipCount: calculated.rows.length,
      periodEndDate,
    })
    await auditPayroll(trx, ctx, {
      type: 'PAYROLL_RUN_CALCULATED',
      operation: 'create',
      clientId: input.clientId,
      fields: calculated.rows.length === 0 ? [] : PAYSLIP_FIELDS,
    })
    return {
      run: (await findRun(trx, officeId, input.clientId, run.id))!,
      payslips: await listPayslips(trx, officeId, input.clientId, run.id),
    }
  })
}

type Calculated = { rows: PayslipRow[]; tableIds: string[] }

function requireSettings(setup: ClientPayrollSetup): ClientSettings {
  if (setup.settings === null) {
    throw setupIncomplete(
      'the client has no payroll settings',
      '事業所の給与設定 (社会保険料の徴収月・端数処理・雇用保険の事業の種類・所定労働時間) がありません。先に設定してください。',
      'settings',
    )
  }
  if (setup.healthInsurer === 'kumiai') {
    throw setupIncomplete(
      'payroll with a 健康保険組合 rate is not supported yet',
      '健康保険組合の料率による給与計算にはまだ対応していません (協会けんぽの事業所のみ計算できます)。',
      'healthInsurer',
    )
  }
  return setup.settings
}

async function calculateMonthly(
  trx: Kysely<PayrollDb>,
  officeId: string,
  setup: ClientPayrollSetup,
  input: Extract<RunPayrollInput, { kind: 'monthly' }>,
): Promise<Calculated> {
  const employees = await listPayrollEmployees(trx, officeId, input.clientId, {
    periodStart: periodStartOf(input.periodEndDate),
    periodEnd: input.periodEndDate,
    profileDate: input.paymentDate,
  })
  if (employees.length === 0) return { rows: [], tableIds: [] }
  const settings = requireSettings(setup)
  const establishment = establishmentOf(setup, settings)
  const inputs = await listMonthlyInputs(trx, officeId, input.clientId, monthOf(input.paymentDate))
  const missing = employees.filter((e) => !inputs.has(e.employeeId)).length
  if (missing > 0) throw inputMissing(missing)
  const rows: PayslipRow[] = []
  const tableIds = new Set<string>()
  let calculate: ReturnType<typeof prepareMonthlyPayroll>
  try {
    // The run's tables and rates once; each employee's lines without explanations (not stored).
    calculate = prepareMonthlyPayroll({
      paymentDate: input.paymentDate,
      periodEndDate: input.periodEndDate,
      establishment,
    })
  } catch (error) {
    calculationRefused(error)
  }
  for (const employee of employees) {
    const monthly = inputs.get(employee.employeeId)!
    const payslipEmployee = payslipEmployeeOf(employee)
    const payrollInput = monthlyInputOf(establishment, settings, employee, monthly, input)
    let result: MonthlyPayAmounts
    try {
      result = calculate(payrollInput)
    } catch (error) {
      calculationRefused(error)
    }
    for (const id of result.tableIds) tableIds.add(id)
    rows.push(payslipRowOf(payslipEmployee, result, monthly.attendance))
  }
  return { rows, tableIds: [...tableIds].sort() }
}

async function calculateBonus(
  trx: Kysely<PayrollDb>,
  officeId: string,
  setup: ClientPayrollSetup,
  input: Extract<RunPayrollInput, { kind: 'bonus' }>,
): Promise<Calculated> {
  const bonuses = await listBonusInputs(trx, officeId, input.clientId, input.paymentDate)
  if (bonuses.size === 0) return { rows: [], tableIds: [] }
  const settings = requireSettings(setup)
  const establishment = establishmentOf(setup, settings)
  const employees = (
    await listPayrollEmployees(trx, officeId, input.clientId, {
      periodStart: input.paymentDate,
      periodEnd: input.paymentDate,
      profileDate: input.paymentDate,
    })
  ).filter((e) => bonuses.has(e.employeeId))
  if (employees.length < bonuses.size) {
    throw setupIncomplete(
      'a bonus input names an employee who is not on the payroll on the payment date',
      '賞与の入力がある従業員のうち、支給日に給与計算の対象 (在籍し給与設定がある) でない人がいます。',
      'bonusInputs',
    )
  }
  const previous = await previousMonthPay(trx, officeId, input.clientId, previousMonthOf(input.paymentDate))
  const earlier = await healthStandardBonusesEarlier(
    trx,
    officeId,
    input.clientId,
    fiscalYearStartOf(input.paymentDate),
    input.paymentDate,
  )
  const rows: PayslipRow[] = []
  const tableIds = new Set<string>()
  for (const employee of employees) {
    const payslipEmployee = payslipEmployeeOf(employee)
    const payrollInput = bonusInputOf(establishment, employee, bonuses.get(employee.employeeId)!, {
      paymentDate: input.paymentDate,
      healthStandardBonusEarlierInFiscalYear: earlier.get(employee.employeeId) ?? 0,
      previousMonth: previous.get(employee.employeeId) ?? null,
    })
    let result: ReturnType<typeof calculateBonusPayroll>
    try {
      result = calculateBonusPayroll(payrollInput)
    } catch (error) {
      calculationRefused(error)
    }
    for (const id of result.tableIds) tableIds.add(id)
    rows.push(payslipRowOf(payslipEmployee, result, null))
  }
  return { rows, tableIds: [...tableIds].sort() }
}
