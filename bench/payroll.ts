/**
 * bench:payroll — the payroll calculation rate, and a stored run of 1,000,000 employee-months in
 * PostgreSQL beside a COPY FROM STDIN and a raw insert of the same rows.
 *
 * The calculation is the service's: prepareMonthlyPayroll once per establishment and month, then
 * each employee's amounts. The stored run goes the service's way: the server's migrations in a
 * throwaway database, runs made by insertRunVersion, payslips built by payslipRowOf/appendPayslip
 * (compact rows, 0012_compact-payslips.sql) and written by insertPayslipColumns inside withTenant
 * (as mamori_app, under row-level security, with the foreign keys and indexes of
 * 0010_payroll-runs.sql), runs closed by markCalculated. The references write the same column
 * values into bare tables of the same columns (no keys, no RLS): COPY in text format, and the
 * service's statement shape (insert … select from unnest).
 *
 * Run: ./node_modules/.bin/node bench/payroll.ts
 * Database figures need MAMORI_BENCH_DATABASE_URL (or MAMORI_TEST_DATABASE_URL); the bench creates
 * its own database there and drops it at the end. Synthetic people only (createSyntheticGenerator).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { performance } from 'node:perf_hooks'
import { pipeline } from 'node:stream/promises'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { migrate, openDatabase, postgresTarget, withDatabaseName } from '@mamori/db'
import type { Attendance } from '@mamori/rules/payroll/attendance.ts'
import type { MonthlyPayrollInput } from '@mamori/rules/payroll/monthly-payroll.ts'
import {
  type MonthlyEmployeeInput,
  type MonthlyPayAmounts,
  prepareMonthlyPayroll,
} from '@mamori/rules/payroll/monthly-payroll-calculator.ts'
import type { PrefectureCode } from '@mamori/rules/prefectures/prefecture-codes.ts'
import { determineStandardMonthlyRemuneration } from '@mamori/rules/remuneration/standard-monthly-remuneration.ts'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import { createPrng, type Prng } from '@mamori/rules/synthetic/prng.ts'
import type { SyntheticEmployee } from '@mamori/rules/synthetic/types.ts'
import { SERVER_MIGRATIONS } from '@mamori/server'
import type { Kysely } from 'kysely'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
// The service's own storage path (not a public entry: the brief is to store exactly as it does).
import { insertRunVersion, markCalculated } from '../packages/server/src/payroll/payroll-runs.repo.ts'
import type { PayrollDb } from '../packages/server/src/payroll/payroll-tables.ts'
import { encodeAttendance, encodePayslipLines } from '../packages/server/src/payroll/payslip-lines-codec.ts'
import { type PayslipRow, payslipRowOf } from '../packages/server/src/payroll/payslip-row.ts'
import {
  appendPayslip,
  emptyPayslipColumns,
  insertPayslipColumns,
  type PayslipColumns,
} from '../packages/server/src/payroll/payslips.repo.ts'
import { withTenant } from '../packages/server/src/tenancy/with-tenant.ts'

const EMPLOYEES = 83_334
const MONTHS = 12
const CLIENTS = 100
const STORED_ROWS = 1_000_000
const BATCH_ROWS = 20_000
const CALC_SECONDS = 5
const BATCH_STARTS = Array.from({ length: Math.ceil(STORED_ROWS / BATCH_ROWS) }, (_, i) => i * BATCH_ROWS)
/** Calculation threads of the stored run; the main thread only sends batches to PostgreSQL. */
const WORKERS = Math.max(1, Math.min(2, cpus().length))
/** Connections the batches are written over, each batch one transaction. */
const LANES = 2

/** Payment dates of 令和8年: every month's tables are held (premium months 令和7年12月〜令和8年11月). */
const PAYMENT_DATES = Array.from({ length: MONTHS }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}-25`)
const PERIOD_ENDS = Array.from({ length: MONTHS }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}-20`)

type Employee = {
  id: number
  synthetic: SyntheticEmployee
  /** What does not change from month to month, built once: fewer allocations per calculation. */
  fixed: Pick<MonthlyPayrollInput, 'establishment' | 'employee' | 'salary'>
  partTime: boolean
  name: string
}

function buildEmployees(count: number): Employee[] {
  const generator = createSyntheticGenerator('bench-payroll')
  const prng = createPrng('bench-payroll-dependents')
  const employees: Employee[] = []
  for (let id = 1; id <= count; id += 1) {
    const s = generator.employee({ prefectureCode: (id % 47) + 1 })
    const standard = determineStandardMonthlyRemuneration({
      insurance: 'health',
      date: '2026-01-01',
      remuneration: s.monthlySalary + 10_000,
    }).standardMonthlyRemuneration
    const partTime = s.employmentType === 'part-time'
    const insured = !partTime || s.weeklyHours >= 20
    employees.push({
      id,
      synthetic: s,
      partTime,
      name: `${s.familyName}\u3000${s.givenName}`,
      fixed: {
        establishment: {
          prefecture: ((id % 47) + 1) as PrefectureCode,
          premiumCollection: 'following-month',
          shareRounding: 'deduct-from-pay',
          employmentInsuranceBusinessType: 'general',
        },
        employee: {
          person: { birthDate: s.birthDate },
          healthStandardMonthlyRemuneration: insured ? standard : null,
          pensionStandardMonthlyRemuneration: insured ? pensionStandard(standard) : null,
          employmentInsured: s.weeklyHours >= 20,
          withholdingColumn: 'kou',
          dependents: prng.int(4),
        },
        salary: {
          basis: partTime
            ? { kind: 'hourly', hourlyAmount: Math.max(1_100, Math.floor(s.monthlySalary / 90)) }
            : { kind: 'monthly', monthlyAmount: s.monthlySalary },
          allowances: [
            {
              code: 'position',
              labelJa: '役職手当',
              amount: 10_000,
              incomeTax: 'taxable',
              premiumBase: 'included',
              reducedForAbsence: false,
            },
          ],
          commuting: {
            amount: 12_000,
            transitMonthlyFare: 12_000,
            vehicleOneWayMeters: null,
            parkingMonthlyFee: null,
          },
          averageMonthlyScheduledMinutes: 160 * 60,
          scheduledMinutesPerDay: 8 * 60,
          absenceRule: 'average-month',
        },
      },
    })
  }
  return employees
}

function pensionStandard(health: number): number {
  return Math.min(650_000, Math.max(88_000, health))
}

function attendanceFor(prng: Prng, partTime: boolean): Attendance {
  const absentDays = prng.chance(0.1) ? prng.intBetween(1, 3) : 0
  return {
    scheduledDays: 20,
    workedDays: 20 - absentDays,
    absentDays,
    paidLeaveDays: prng.chance(0.3) ? 1 : 0,
    workedMinutes: partTime ? prng.intBetween(40, 120) * 60 : 0,
    lateEarlyMinutes: prng.chance(0.1) ? prng.intBetween(5, 120) : 0,
    withinStatutoryOvertimeMinutes: prng.chance(0.2) ? prng.intBetween(0, 300) : 0,
    statutoryOvertimeMinutes: prng.intBetween(0, 80 * 60),
    lateNightMinutes: prng.chance(0.2) ? prng.intBetween(0, 600) : 0,
    legalHolidayMinutes: prng.chance(0.1) ? prng.intBetween(0, 960) : 0,
  }
}

const NO_DEDUCTIONS: MonthlyPayrollInput['otherDeductions'] = []

/** One calculator per establishment and month, as the service prepares one per client's run. */
const calculators = new Map<string, (input: MonthlyEmployeeInput) => MonthlyPayAmounts>()

function calculatorFor(employee: Employee, month: number) {
  const establishment = employee.fixed.establishment
  const key = `${establishment.prefecture}-${month}`
  let calculate = calculators.get(key)
  if (calculate === undefined) {
    calculate = prepareMonthlyPayroll({
      paymentDate: PAYMENT_DATES[month]!,
      periodEndDate: PERIOD_ENDS[month]!,
      establishment,
    })
    calculators.set(key, calculate)
  }
  return calculate
}

function inputFor(employee: Employee, attendance: Attendance): MonthlyEmployeeInput {
  const f = employee.fixed
  return {
    employee: f.employee,
    salary: f.salary,
    attendance,
    residentTax: 10_000,
    otherDeductions: NO_DEDUCTIONS,
  }
}

/** Where the stored run writes: database ids of the employees and of each client's monthly runs. */
type StoredIds = { employeeIds: string[]; clientIds: string[]; runIds: string[][] }

const clientIndexOf = (employeeIndex: number): number => employeeIndex % CLIENTS

/**
 * Calculates employee-months [from, to) in employee-major order. The attendance draws are seeded
 * by the batch, so a batch gives the same results whichever thread calculates it, and as often as
 * asked. With `ids` and `each`, each result becomes a payslip row (payslipRowOf) handed to `each`.
 */
function calculateBatch(
  employees: readonly Employee[],
  from: number,
  to: number,
  ids?: StoredIds,
  each?: (clientId: string, runId: string, row: PayslipRow) => void,
): void {
  const prng = createPrng(`bench-payroll-batch-${from}`)
  for (let n = from; n < to; n += 1) {
    const index = Math.floor(n / MONTHS)
    const employee = employees[index]!
    const month = n % MONTHS
    const attendance = attendanceFor(prng, employee.partTime)
    const result = calculatorFor(employee, month)(inputFor(employee, attendance))
    if (ids === undefined || each === undefined) continue
    const client = clientIndexOf(index)
    const row = payslipRowOf(
      { employeeId: ids.employeeIds[index]!, employeeCode: String(employee.id), employeeName: employee.name },
      result,
      attendance,
    )
    each(ids.clientIds[client]!, ids.runIds[client]![month]!, row)
  }
}

/** A batch in the service's layout (appendPayslip): what the stored run writes. */
function payslipBatch(employees: readonly Employee[], from: number, to: number, ids: StoredIds) {
  const columns = emptyPayslipColumns()
  calculateBatch(employees, from, to, ids, (clientId, runId, row) =>
    appendPayslip(columns, clientId, runId, row),
  )
  return columns
}

function measureCalculation(employees: readonly Employee[]): number {
  const total = employees.length * MONTHS
  let done = 0
  const started = performance.now()
  while (performance.now() - started < CALC_SECONDS * 1000) {
    const from = done % total
    calculateBatch(employees, from, Math.min(total, from + 1_000))
    done += Math.min(total, from + 1_000) - from
  }
  return done / ((performance.now() - started) / 1000)
}

/**
 * Setup, not timed: one synthetic office with CLIENTS clients, the employees (one row each, the
 * payslips' foreign key needs them) and a user who runs payroll, written as the migrating role.
 */
async function seedOffice(client: pg.ClientBase, employees: readonly Employee[]) {
  const office = await client.query<{ id: string }>(
    `insert into offices (name) values ('ベンチマーク社労士事務所') returning id`,
  )
  const officeId = office.rows[0]!.id
  const clients = await client.query<{ id: string }>(
    `insert into clients (office_id, name, prefecture_code, address, health_insurer)
     select $1, 'ベンチ商事 ' || i, 13, '東京都千代田区架空町1-1', 'kyokai_kenpo' from generate_series(1, $2) i
     returning id`,
    [officeId, CLIENTS],
  )
  const clientIds = clients.rows.map((r) => r.id)
  const employeeIds: string[] = []
  for (let start = 0; start < employees.length; start += 20_000) {
    const slice = employees.slice(start, start + 20_000)
    const inserted = await client.query<{ id: string }>(
      `insert into employees (office_id, client_id, birth_date, sex, hire_date)
       select $1, c, b, s, '2020-04-01' from unnest($2::uuid[], $3::date[], $4::text[]) with ordinality as t(c, b, s, o)
       order by o returning id`,
      [
        officeId,
        slice.map((_, i) => clientIds[clientIndexOf(start + i)]!),
        slice.map((e) => e.synthetic.birthDate),
        slice.map((e) => e.synthetic.sex),
      ],
    )
    employeeIds.push(...inserted.rows.map((r) => r.id))
  }
  const user = await client.query<{ id: string }>(
    `insert into users (office_id, login_id, display_name, role) values ($1, 'bench-payroll', 'ベンチ担当', 'office_admin') returning id`,
    [officeId],
  )
  return { officeId, clientIds, employeeIds, userId: user.rows[0]!.id }
}

/** Which processes are the database's: a process title does not change, so each is read once. */
const DATABASE_PROCESS = new Map<string, boolean>()

/** CPU ticks (1/100 s) so far of each server process of one database, by its process title. */
function databaseProcessTicks(name: string): Map<string, number> {
  const ticks = new Map<string, number>()
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue
    try {
      let ours = DATABASE_PROCESS.get(pid)
      if (ours === undefined) {
        ours = readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(name)
        DATABASE_PROCESS.set(pid, ours)
      }
      if (!ours) continue
      const fields = readFileSync(`/proc/${pid}/stat`, 'latin1').split(') ')[1]!.split(' ')
      ticks.set(pid, Number(fields[11]) + Number(fields[12]))
    } catch {
      // The process ended while being read.
    }
  }
  return ticks
}

/**
 * The CPU time the database's backends spend from now until the returned stop(), read from /proc
 * every 250 ms (a backend that ends keeps its last reading): on a shared machine wall time follows
 * the other users' load, CPU time much less. Null when the server is not on this machine.
 */
function databaseCpuMeter(name: string): () => number | null {
  const start = databaseProcessTicks(name)
  const last = new Map(start)
  const sample = () => {
    for (const [pid, ticks] of databaseProcessTicks(name)) last.set(pid, ticks)
  }
  const timer = setInterval(sample, 250)
  return () => {
    clearInterval(timer)
    sample()
    if (last.size === 0) return null
    let used = 0
    for (const [pid, ticks] of last) used += ticks - (start.get(pid) ?? 0)
    return used / 100
  }
}

/** CPU seconds of this process, all threads (the calculation threads and the main thread). */
function processCpuSeconds(): number {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1e6
}

/** Wall time, this process's CPU time and the database's CPU time of `work`. */
async function measured<T>(databaseName: string, work: () => Promise<T>) {
  const stopMeter = databaseCpuMeter(databaseName)
  const cpu = processCpuSeconds()
  const started = performance.now()
  const value = await work()
  const seconds = (performance.now() - started) / 1000
  return { value, seconds, nodeCpu: processCpuSeconds() - cpu, databaseCpu: stopMeter() }
}

function cpuNote(m: { seconds: number; nodeCpu: number; databaseCpu: number | null }): string {
  const database = m.databaseCpu === null ? '' : `, database CPU ${m.databaseCpu.toFixed(1)} s`
  return `${m.seconds.toFixed(1)} s (bench CPU ${m.nodeCpu.toFixed(1)} s${database}; load ${loadavg()[0]!.toFixed(2)})`
}

type Lane = <T>(work: () => Promise<T>) => Promise<T>

/** LANES writers: each batch goes to the first free connection, at most LANES in flight. */
function lanes(): Lane {
  let free = LANES
  const waiting: (() => void)[] = []
  return async (work) => {
    if (free === 0) await new Promise<void>((resolve) => waiting.push(resolve))
    else free -= 1
    try {
      return await work()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else free += 1
    }
  }
}

/**
 * The stored run: the runs (one per client and month) are made as the service makes them, worker
 * threads calculate batches ahead (at most two waiting per worker) while the main thread writes
 * each batch with insertPayslipColumns in its own withTenant transaction, two connections at a
 * time, then every run is marked calculated. Returns the batches for the raw insert.
 */
async function storedRun(
  db: Kysely<PayrollDb>,
  seeded: Awaited<ReturnType<typeof seedOffice>>,
  workers: readonly Worker[],
) {
  const started = performance.now()
  const runIds = await withTenant(db, seeded.officeId, async (trx) => {
    const byClient: string[][] = []
    for (const clientId of seeded.clientIds) {
      const runs: string[] = []
      for (let month = 0; month < MONTHS; month += 1) {
        const run = await insertRunVersion(trx, seeded.officeId, {
          clientId,
          kind: 'monthly',
          payMonth: `${PAYMENT_DATES[month]!.slice(0, 8)}01`,
          paymentDate: PAYMENT_DATES[month]!,
          periodEndDate: PERIOD_ENDS[month]!,
          version: 1,
          createdBy: seeded.userId,
          createdAt: new Date(),
          correction: null,
        })
        runs.push(run.id)
      }
      byClient.push(runs)
    }
    return byClient
  })
  const phase = { runsMade: performance.now() - started, written: 0 }
  for (const worker of workers) worker.postMessage({ runIds })
  const waiting = new Map<number, Promise<PayslipColumns>>()
  let next = 0
  function request(index: number): void {
    const from = BATCH_STARTS[index]!
    const worker = workers[index % workers.length]!
    waiting.set(
      index,
      ask<PayslipColumns>(worker, { batch: from, to: Math.min(STORED_ROWS, from + BATCH_ROWS) }),
    )
  }
  const batches: PayslipColumns[] = []
  const lane = lanes()
  const writes: Promise<void>[] = []
  try {
    for (; next < Math.min(BATCH_STARTS.length, 2 * workers.length); next += 1) request(next)
    for (let index = 0; index < BATCH_STARTS.length; index += 1) {
      const rows = await waiting.get(index)!
      waiting.delete(index)
      if (next < BATCH_STARTS.length) request(next++)
      batches.push(rows)
      writes.push(
        lane(() =>
          withTenant(db, seeded.officeId, (trx) => insertPayslipColumns(trx, seeded.officeId, rows)),
        ),
      )
      // Keep at most LANES writes queued behind the running ones, so memory stays bounded by batches.
      if (writes.length > 2 * LANES) await writes[writes.length - 2 * LANES - 1]
    }
    await Promise.all(writes)
  } finally {
    await Promise.allSettled(waiting.values())
  }
  phase.written = performance.now() - started
  const perRun = new Map<string, number>()
  for (let n = 0; n < STORED_ROWS; n += 1) {
    const runId = runIds[clientIndexOf(Math.floor(n / MONTHS))]![n % MONTHS]!
    perRun.set(runId, (perRun.get(runId) ?? 0) + 1)
  }
  await withTenant(db, seeded.officeId, async (trx) => {
    for (const runs of runIds) {
      for (const [month, runId] of runs.entries()) {
        await markCalculated(trx, seeded.officeId, runId, {
          by: seeded.userId,
          at: new Date(),
          tableIds: [],
          payslipCount: perRun.get(runId) ?? 0,
          periodEndDate: PERIOD_ENDS[month]!,
        })
      }
    }
  })
  const seconds = (performance.now() - started) / 1000
  console.log(
    `stored run phases: runs made ${(phase.runsMade / 1000).toFixed(1)} s, payslips written ${(phase.written / 1000).toFixed(1)} s, runs closed ${seconds.toFixed(1)} s`,
  )
  return { seconds, batches }
}

const RAW_TABLE_COLUMNS = `
  id uuid default gen_random_uuid(), office_id uuid, client_id uuid, run_id uuid, employee_id uuid,
  employee_code text, employee_name text, lines text, attendance integer[], premium_month date,
  gross_pay bigint, taxable_pay bigint, social_insurance bigint, income_tax bigint,
  total_deductions bigint, net_pay bigint, health_standard_bonus bigint, pension_standard_bonus bigint`

const COPY_COLUMNS = `office_id, client_id, run_id, employee_id, employee_code, employee_name, lines, attendance,
  premium_month, gross_pay, taxable_pay, social_insurance, income_tax, total_deductions, net_pay,
  health_standard_bonus, pension_standard_bonus`

/** A value in COPY's text format: \N for null, backslash, tab and line ends escaped. */
function copyText(value: string | number | null): string {
  if (value === null) return '\\N'
  const text = String(value)
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
      )
    : text
}

/** A payslip as a COPY text row of the same values the service's insert sends (payslip-lines-codec.ts). */
function copyLine(officeId: string, clientId: string, runId: string, row: PayslipRow): string {
  const t = row.totals
  const lines = encodePayslipLines(row.lines.earnings, row.lines.deductions, row.lines.employerSharesSen)
  const attendance = row.attendance === null ? null : encodeAttendance(row.attendance)
  return `${[
    officeId,
    clientId,
    runId,
    row.employeeId,
    copyText(row.employeeCode),
    copyText(row.employeeName),
    copyText(lines),
    copyText(attendance),
    copyText(row.premiumMonth),
    t.grossPay,
    t.taxablePay,
    t.socialInsurance,
    t.incomeTax,
    t.totalDeductions,
    t.netPay,
    copyText(row.healthStandardBonus),
    copyText(row.pensionStandardBonus),
  ].join('\t')}\n`
}

async function copyReference(pool: pg.Pool, texts: readonly string[]) {
  const started = performance.now()
  const lane = lanes()
  await Promise.all(
    texts.map((text) =>
      lane(async () => {
        const client = await pool.connect()
        try {
          await pipeline(
            (async function* () {
              yield text
            })(),
            client.query(copyFrom(`copy copy_payslips (${COPY_COLUMNS}) from stdin`)),
          )
        } finally {
          client.release()
        }
      }),
    ),
  )
  return (performance.now() - started) / 1000
}

/** The same column arrays, the same statement shape, into a bare table: the floor of the write. */
async function rawInsert(
  pool: pg.Pool,
  officeId: string,
  batches: readonly PayslipColumns[],
): Promise<number> {
  const started = performance.now()
  const lane = lanes()
  await Promise.all(
    batches.map((c) =>
      lane(async () => {
        await pool.query(
          `insert into raw_payslips (office_id, client_id, run_id, employee_id, employee_code, employee_name, lines,
             attendance, premium_month, gross_pay, taxable_pay, social_insurance, income_tax, total_deductions,
             net_pay, health_standard_bonus, pension_standard_bonus)
           select $1::uuid, t.client_id, t.run_id, t.employee_id, t.employee_code, t.employee_name, t.lines,
             t.attendance::integer[], t.premium_month, t.gross_pay, t.taxable_pay, t.social_insurance, t.income_tax,
             t.total_deductions, t.net_pay, t.health_standard_bonus, t.pension_standard_bonus
           from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[],
             $8::text[], $9::date[], $10::int8[], $11::int8[], $12::int8[], $13::int8[], $14::int8[], $15::int8[],
             $16::int8[], $17::int8[])
             as t (client_id, run_id, employee_id, employee_code, employee_name, lines, attendance, premium_month,
               gross_pay, taxable_pay, social_insurance, income_tax, total_deductions, net_pay,
               health_standard_bonus, pension_standard_bonus)`,
          [
            officeId,
            `{${c.clientId}}`,
            `{${c.runId}}`,
            `{${c.employeeId}}`,
            `{${c.employeeCode}}`,
            `{${c.employeeName}}`,
            `{${c.lines}}`,
            `{${c.attendance}}`,
            `{${c.premiumMonth}}`,
            `{${c.grossPay}}`,
            `{${c.taxablePay}}`,
            `{${c.socialInsurance}}`,
            `{${c.incomeTax}}`,
            `{${c.totalDeductions}}`,
            `{${c.netPay}}`,
            `{${c.healthStandardBonus}}`,
            `{${c.pensionStandardBonus}}`,
          ],
        )
      }),
    ),
  )
  return (performance.now() - started) / 1000
}

async function databaseFigures(url: string, employees: readonly Employee[]) {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const name = `bench_payroll_${process.pid}_${Date.now()}`
  const server = await admin.query<{ server_version: string }>('SHOW server_version')
  console.log(`database: PostgreSQL ${server.rows[0]!.server_version}, throwaway database ${name}`)
  await admin.query(`CREATE DATABASE ${name}`)
  const benchUrl = withDatabaseName(url, name)
  const database = await openDatabase<PayrollDb>(postgresTarget(benchUrl, 'url', LANES))
  const raw = new pg.Pool({ connectionString: benchUrl, max: LANES })
  try {
    await migrate(database, [SERVER_MIGRATIONS])
    const owner = await raw.connect()
    let seeded: Awaited<ReturnType<typeof seedOffice>>
    try {
      seeded = await seedOffice(owner, employees)
      await owner.query(`CREATE TABLE raw_payslips (${RAW_TABLE_COLUMNS})`)
      await owner.query(`CREATE TABLE copy_payslips (${RAW_TABLE_COLUMNS})`)
      await owner.query('CHECKPOINT')
    } finally {
      owner.release()
    }
    const workers = await startWorkers(seeded)
    let stored: {
      value: Awaited<ReturnType<typeof storedRun>>
      seconds: number
      nodeCpu: number
      databaseCpu: number | null
    }
    let copyTexts: string[]
    try {
      stored = await measured(name, () => storedRun(database.db, seeded, workers))
      console.log(`stored run: ${cpuNote(stored)}`)
      // The same rows again (the batches are seeded), as COPY text: made here, not timed.
      copyTexts = await Promise.all(
        BATCH_STARTS.map((from, i) =>
          ask<string>(workers[i % workers.length]!, {
            copy: from,
            to: Math.min(STORED_ROWS, from + BATCH_ROWS),
            officeId: seeded.officeId,
          }),
        ),
      )
    } finally {
      await Promise.all(workers.map((w) => w.terminate()))
    }
    await raw.query('CHECKPOINT')
    const copy = await measured(name, () => copyReference(raw, copyTexts))
    console.log(`COPY: ${cpuNote(copy)}`)
    await raw.query('CHECKPOINT')
    const rawInserted = await measured(name, () => rawInsert(raw, seeded.officeId, stored.value.batches))
    console.log(`raw insert: ${cpuNote(rawInserted)}`)
    const counts = await raw.query<{
      stored: string
      copied: string
      raw: string
      size: string
      bytes: string
    }>(
      `SELECT (SELECT count(*) FROM payslips) AS stored, (SELECT count(*) FROM copy_payslips) AS copied,
         (SELECT count(*) FROM raw_payslips) AS raw, pg_size_pretty(pg_total_relation_size('payslips')) AS size,
         (SELECT avg(pg_column_size(p.*))::int FROM payslips p) AS bytes`,
    )
    const c = counts.rows[0]!
    console.log(
      `rows stored: ${c.stored} (run, ${c.size} with indexes, ${c.bytes} bytes a row), ${c.copied} (COPY), ${c.raw} (raw insert)`,
    )
    return {
      stored: stored.value.seconds,
      storedDatabaseCpu: stored.databaseCpu,
      copy: copy.seconds,
      copyDatabaseCpu: copy.databaseCpu,
      raw: rawInserted.seconds,
    }
  } finally {
    await raw.end()
    await database.close()
    await admin.query(`DROP DATABASE IF EXISTS ${name}`)
    await admin.end()
  }
}

async function main(): Promise<void> {
  const cpu = cpus()
  console.log(`cpu: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`)
  console.log(`memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`)
  console.log(`node: ${process.version}`)
  console.log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )

  const setupStarted = performance.now()
  const employees = buildEmployees(EMPLOYEES)
  console.log(
    `synthetic employees: ${employees.length} × ${MONTHS} months (${((performance.now() - setupStarted) / 1000).toFixed(1)} s to generate)`,
  )

  const results: Record<string, number> = {}
  results.calc_employee_months_per_s = Math.round(measureCalculation(employees))
  console.log(`pure calculation, one thread: ${results.calc_employee_months_per_s} employee-months/s`)

  const url = process.env.MAMORI_BENCH_DATABASE_URL ?? process.env.MAMORI_TEST_DATABASE_URL
  if (url) {
    console.log(
      `stored run: ${WORKERS} calculation thread(s), batches of ${BATCH_ROWS} rows over ${LANES} connections, the service's insertPayslipColumns`,
    )
    const db = await databaseFigures(url, employees)
    results.stored_run_1m_s = Number(db.stored.toFixed(2))
    results.copy_1m_s = Number(db.copy.toFixed(2))
    results.raw_insert_1m_s = Number(db.raw.toFixed(2))
    results.stored_run_to_copy_ratio = Number((db.stored / db.copy).toFixed(2))
    if (db.storedDatabaseCpu !== null && db.copyDatabaseCpu !== null) {
      results.stored_run_db_cpu_s = Number(db.storedDatabaseCpu.toFixed(1))
      results.copy_db_cpu_s = Number(db.copyDatabaseCpu.toFixed(1))
    }
    results.stored_run_to_raw_insert_ratio = Number((db.stored / db.raw).toFixed(2))
  } else {
    console.log('database: none (set MAMORI_BENCH_DATABASE_URL for the stored run)')
  }
  console.log(
    `load average at end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
  console.log(JSON.stringify({ bench: 'payroll', results }))
}

/** A calculation thread of the stored run: builds the same employees, then answers batch requests. */
type WorkerRequest =
  | { runIds: string[][] }
  | { batch: number; to: number }
  | { copy: number; to: number; officeId: string }

/** What each calculation thread still owes: the answer to the request of each first row. */
const PENDING = new WeakMap<Worker, Map<number, (answer: unknown) => void>>()

/** Sends a batch or COPY request to a calculation thread; the answer names the batch's first row. */
function ask<T>(worker: Worker, request: Extract<WorkerRequest, { to: number }>): Promise<T> {
  const from = 'batch' in request ? request.batch : request.copy
  return new Promise<T>((resolve) => {
    PENDING.get(worker)!.set(from, resolve as (answer: unknown) => void)
    worker.postMessage(request)
  })
}

function serveBatches(): void {
  const port = parentPort!
  const ids: StoredIds = { ...(workerData as Omit<StoredIds, 'runIds'>), runIds: [] }
  const employees = buildEmployees(EMPLOYEES)
  port.on('message', (message: WorkerRequest) => {
    if ('runIds' in message) {
      ids.runIds = message.runIds
    } else if ('batch' in message) {
      port.postMessage({
        from: message.batch,
        answer: payslipBatch(employees, message.batch, message.to, ids),
      })
    } else {
      let text = ''
      calculateBatch(employees, message.copy, message.to, ids, (clientId, runId, row) => {
        text += copyLine(message.officeId, clientId, runId, row)
      })
      port.postMessage({ from: message.copy, answer: text })
    }
  })
  port.postMessage('ready')
}

/**
 * The calculation threads, each with the employees built (setup, not timed: the service reads its
 * inputs from the database, which the bench does not time either). Run ids follow once made.
 */
async function startWorkers(seeded: Awaited<ReturnType<typeof seedOffice>>): Promise<Worker[]> {
  const data: Omit<StoredIds, 'runIds'> = { employeeIds: seeded.employeeIds, clientIds: seeded.clientIds }
  const workers = Array.from(
    { length: WORKERS },
    () => new Worker(new URL(import.meta.url), { workerData: data }),
  )
  await Promise.all(
    workers.map((worker) => new Promise<void>((resolve) => worker.once('message', () => resolve()))),
  )
  for (const worker of workers) {
    const pending = new Map<number, (answer: unknown) => void>()
    PENDING.set(worker, pending)
    worker.on('message', (message: { from: number; answer: unknown }) => {
      pending.get(message.from)!(message.answer)
      pending.delete(message.from)
    })
  }
  return workers
}

if (isMainThread) await main()
else serveBatches()
