import { randomBytes } from 'node:crypto'
import { determineStandardMonthlyRemuneration } from '@mamori/rules/remuneration/standard-monthly-remuneration.ts'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import type { Kysely } from 'kysely'
import type { Allowance } from '../db/people-tables.ts'
import type { ServerTables } from '../db/tables.ts'
import type { OperationContext } from '../people/operation-context.ts'
import { employeeRow, firstVersionRow } from '../people/synthetic-rows.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { insertUser } from '../users/users.repo.ts'
import { approvePayrollRun } from './approve-payroll-run.ts'
import {
  type ClientPayrollSettingsInput,
  insertPayrollProfile,
  type MonthlyInputRow,
  upsertBonusInput,
  upsertClientPayrollSettings,
  upsertMonthlyInput,
} from './payroll-setup.repo.ts'
import type { PayrollDb } from './payroll-tables.ts'
import { runPayroll } from './run-payroll.ts'

/**
 * Test support: synthetic payroll setup written through the payroll repositories, as the app
 * role inside the office (withTenant). Synthetic people only (createSyntheticGenerator).
 */
/** Any handle on the server's database, as tests hold it. */
export type AnyDb = Kysely<PayrollDb> | Kysely<ServerTables> | Kysely<unknown>

export function asPayrollDb(database: AnyDb): Kysely<PayrollDb> {
  return database as unknown as Kysely<PayrollDb>
}

export const TEST_PAYROLL_SETTINGS: ClientPayrollSettingsInput = {
  premiumCollection: 'following-month',
  shareRounding: 'deduct-from-pay',
  businessType: 'general',
  averageMonthlyScheduledMinutes: 160 * 60,
  scheduledMinutesPerDay: 8 * 60,
  absenceRule: 'average-month',
  allowanceRules: [
    {
      name: '役職手当',
      code: 'position',
      incomeTax: 'taxable',
      premiumBase: 'included',
      reducedForAbsence: false,
    },
  ],
}

export async function setUpPayrollClient(
  database: AnyDb,
  officeId: string,
  clientId: string,
  settings: ClientPayrollSettingsInput = TEST_PAYROLL_SETTINGS,
): Promise<void> {
  await withTenant(asPayrollDb(database), officeId, (trx) =>
    upsertClientPayrollSettings(trx, officeId, clientId, settings),
  )
}

export type EnrolOptions = {
  seed: string
  employeeNumber?: string
  monthlySalary?: number
  allowances?: Allowance[]
  commutingAllowanceYen?: number
  birthDate?: string
  /** 標準報酬月額 of both insurances; from the salary when absent. */
  standardMonthlyYen?: number
  dependents?: number
  /** When the payroll profile starts (default: the hire date, 2020-04-01). */
  enrolledFrom?: string
}

/**
 * A synthetic employee of the client, hired 2020-04-01 with a version in force from then, and on
 * the payroll (甲欄, 標準報酬月額 from the salary, 雇用保険 insured).
 */
export async function enrolSyntheticEmployee(
  database: AnyDb,
  officeId: string,
  clientId: string,
  options: EnrolOptions,
): Promise<string> {
  const synthetic = createSyntheticGenerator(options.seed).employee({ prefectureCode: 13 })
  const salary = options.monthlySalary ?? synthetic.monthlySalary
  const hireDate = '2020-04-01'
  return withTenant(asPayrollDb(database), officeId, async (trx) => {
    const { id } = await trx
      .insertInto('employees')
      .values({
        ...employeeRow(officeId, clientId, synthetic),
        birth_date: options.birthDate ?? synthetic.birthDate,
        hire_date: hireDate,
        employee_number: options.employeeNumber ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('employee_versions')
      .values({
        ...firstVersionRow(officeId, clientId, id, synthetic),
        valid_from: hireDate,
        base_pay_yen: salary,
        allowances: JSON.stringify(options.allowances ?? []),
        commuting_allowance_yen: options.commutingAllowanceYen ?? 0,
      })
      .execute()
    const standard = (insurance: 'health' | 'pension') =>
      options.standardMonthlyYen ??
      determineStandardMonthlyRemuneration({ insurance, date: '2025-09-01', remuneration: salary })
        .standardMonthlyRemuneration
    await insertPayrollProfile(trx, officeId, clientId, id, options.enrolledFrom ?? hireDate, {
      healthStandardMonthlyYen: standard('health'),
      pensionStandardMonthlyYen: standard('pension'),
      employmentInsured: true,
      withholdingColumn: 'kou',
      dependents: options.dependents ?? 1,
      commutingTransitFareYen: options.commutingAllowanceYen ? options.commutingAllowanceYen : null,
      commutingVehicleOneWayMeters: null,
      commutingParkingFeeYen: null,
    })
    return id
  })
}

export const FULL_MONTH: MonthlyInputRow['attendance'] = {
  scheduledDays: 20,
  workedDays: 20,
  absentDays: 0,
  paidLeaveDays: 0,
  workedMinutes: 0,
  lateEarlyMinutes: 0,
  withinStatutoryOvertimeMinutes: 0,
  statutoryOvertimeMinutes: 0,
  lateNightMinutes: 0,
  legalHolidayMinutes: 0,
}

export async function putMonthlyInput(
  database: AnyDb,
  officeId: string,
  clientId: string,
  payMonth: string,
  input: Partial<Omit<MonthlyInputRow, 'employeeId'>> & { employeeId: string },
): Promise<void> {
  await withTenant(asPayrollDb(database), officeId, (trx) =>
    upsertMonthlyInput(trx, officeId, clientId, payMonth, {
      attendance: FULL_MONTH,
      oneOffAllowances: [],
      oneOffDeductions: [],
      residentTaxYen: 0,
      ...input,
    }),
  )
}

export async function putBonusInput(
  database: AnyDb,
  officeId: string,
  clientId: string,
  paymentDate: string,
  input: { employeeId: string; bonusYen: number },
): Promise<void> {
  await withTenant(asPayrollDb(database), officeId, (trx) =>
    upsertBonusInput(trx, officeId, clientId, paymentDate, {
      ...input,
      periodOverSixMonths: false,
      oneOffDeductions: [],
    }),
  )
}

/** A client (事業所) of the office in 東京都 (協会けんぽ). */
export async function createPayrollTestClient(database: AnyDb, officeId: string): Promise<string> {
  return withTenant(asPayrollDb(database), officeId, async (trx) => {
    const row = await trx
      .insertInto('clients')
      .values({
        office_id: officeId,
        name: `給与テスト商事 ${randomBytes(3).toString('hex')}`,
        prefecture_code: 13,
        address: '東京都千代田区架空町1-1',
        health_insurer: 'kyokai_kenpo',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  })
}

/** An office administrator to act as in operations called without HTTP. */
export async function payrollContext(database: AnyDb, officeId: string): Promise<OperationContext> {
  const userId = await withTenant(asPayrollDb(database) as unknown as Kysely<ServerTables>, officeId, (trx) =>
    insertUser(trx, officeId, {
      loginId: `payroll-actor-${randomBytes(6).toString('hex')}`,
      displayName: 'テスト給与担当',
      role: 'office_admin',
      personId: null,
    }),
  )
  return { actor: { userId, officeId, role: 'office_admin', clientIds: [] }, requestId: 'payroll-test' }
}

let nextBonusDay = 0

/**
 * An approved bonus run of the client with one payslip, on a payment date no other call of this
 * process used (a day after 2025-04-01 each time), for tests that need a run id or a payslip id.
 * The employee is on the payroll only from that day, so runs of earlier months stay empty.
 */
export async function createApprovedBonusRun(
  database: AnyDb,
  officeId: string,
  clientId: string,
): Promise<{ runId: string; payslipId: string }> {
  const day = new Date(Date.UTC(2025, 3, 1 + nextBonusDay++)).toISOString().slice(0, 10)
  await setUpPayrollClient(database, officeId, clientId)
  const employeeId = await enrolSyntheticEmployee(database, officeId, clientId, {
    seed: `bonus-run-${day}`,
    enrolledFrom: day,
  })
  await putBonusInput(database, officeId, clientId, day, { employeeId, bonusYen: 500_000 })
  const ctx = await payrollContext(database, officeId)
  const deps = { db: asPayrollDb(database), now: () => new Date() }
  const { run, payslips } = await runPayroll(deps, ctx, { clientId, kind: 'bonus', paymentDate: day })
  await approvePayrollRun(deps, ctx, { clientId, runId: run.id })
  return { runId: run.id, payslipId: payslips[0]!.id }
}
