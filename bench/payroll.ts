/**
 * bench:payroll — the payroll calculation rate, and a stored run of 1,000,000 employee-months in
 * PostgreSQL beside a raw insert of the same rows.
 *
 * The stored run goes the service's way: the server's migrations in a throwaway database, runs
 * made by insertRunVersion, payslips built by payslipRowOf/appendPayslip and written by
 * insertPayslipColumns inside withTenant (as mamori_app, under row-level security, with the
 * foreign keys and indexes of 0010_payroll-runs.sql), runs closed by markCalculated. The raw
 * insert writes the same column arrays into a bare table of the same columns (no keys, no RLS).
 *
 * Run: ./node_modules/.bin/node bench/payroll.ts
 * Database figures need MAMORI_BENCH_DATABASE_URL (or MAMORI_TEST_DATABASE_URL); the bench creates
 * its own database there and drops it at the end. Synthetic people only (createSyntheticGenerator).
 */
import { cpus, loadavg, totalmem } from 'node:os'
import { performance } from 'node:perf_hooks'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { migrate, openDatabase, postgresTarget, withDatabaseName } from '@mamori/db'
import type { Attendance } from '@mamori/rules/payroll/attendance.ts'
import { calculateMonthlyPayroll, type MonthlyPayrollInput } from '@mamori/rules/payroll/monthly-payroll.ts'
import type { PrefectureCode } from '@mamori/rules/prefectures/prefecture-codes.ts'
import { determineStandardMonthlyRemuneration } from '@mamori/rules/remuneration/standard-monthly-remuneration.ts'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import { createPrng, type Prng } from '@mamori/rules/synthetic/prng.ts'
import type { SyntheticEmployee } from '@mamori/rules/synthetic/types.ts'
import { SERVER_MIGRATIONS } from '@mamori/server'
import type { Kysely } from 'kysely'
import pg from 'pg'
// The service's own storage path (not a public entry: the brief is to store exactly as it does).
import { insertRunVersion, markCalculated } from '../packages/server/src/payroll/payroll-runs.repo.ts'
import type { PayrollDb } from '../packages/server/src/payroll/payroll-tables.ts'
import { payslipRowOf } from '../packages/server/src/payroll/payslip-row.ts'
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

function inputFor(employee: Employee, month: number, attendance: Attendance): MonthlyPayrollInput {
  const f = employee.fixed
  return {
    paymentDate: PAYMENT_DATES[month]!,
    periodEndDate: PERIOD_ENDS[month]!,
    establishment: f.establishment,
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
 * by the batch, so a batch gives the same results whichever thread calculates it. With `ids`, each
 * result becomes a payslip row in the service's column layout (payslipRowOf, appendPayslip).
 */
function calculateBatch(
  employees: readonly Employee[],
  from: number,
  to: number,
  ids?: StoredIds,
): PayslipColumns {
  const prng = createPrng(`bench-payroll-batch-${from}`)
  const columns = emptyPayslipColumns()
  for (let n = from; n < to; n += 1) {
    const index = Math.floor(n / MONTHS)
    const employee = employees[index]!
    const month = n % MONTHS
    const attendance = attendanceFor(prng, employee.partTime)
    const result = calculateMonthlyPayroll(inputFor(employee, month, attendance))
    if (ids === undefined) continue
    const client = clientIndexOf(index)
    const row = payslipRowOf(
      { employeeId: ids.employeeIds[index]!, employeeCode: String(employee.id), employeeName: employee.name },
      result,
      attendance,
    )
    appendPayslip(columns, ids.clientIds[client]!, ids.runIds[client]![month]!, row)
  }
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
async function storedRun(db: Kysely<PayrollDb>, seeded: Awaited<ReturnType<typeof seedOffice>>) {
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
  const ids: StoredIds = { employeeIds: seeded.employeeIds, clientIds: seeded.clientIds, runIds }
  const workers = Array.from(
    { length: WORKERS },
    () => new Worker(new URL(import.meta.url), { workerData: ids }),
  )
  const ready = (worker: Worker) => new Promise<void>((resolve) => worker.once('message', () => resolve()))
  await Promise.all(workers.map(ready))
  const starts = Array.from({ length: Math.ceil(STORED_ROWS / BATCH_ROWS) }, (_, i) => i * BATCH_ROWS)
  const waiting = new Map<number, Promise<PayslipColumns>>()
  let next = 0
  function request(index: number): void {
    const from = starts[index]!
    const worker = workers[index % workers.length]!
    waiting.set(
      index,
      new Promise<PayslipColumns>((resolve) => {
        const onMessage = (message: { from: number; rows: PayslipColumns }) => {
          if (message.from !== from) return
          worker.off('message', onMessage)
          resolve(message.rows)
        }
        worker.on('message', onMessage)
        worker.postMessage({ from, to: Math.min(STORED_ROWS, from + BATCH_ROWS) })
      }),
    )
  }
  const batches: PayslipColumns[] = []
  const lane = lanes()
  const writes: Promise<void>[] = []
  try {
    for (; next < Math.min(starts.length, 2 * workers.length); next += 1) request(next)
    for (let index = 0; index < starts.length; index += 1) {
      const rows = await waiting.get(index)!
      waiting.delete(index)
      if (next < starts.length) request(next++)
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
    await Promise.all(workers.map((w) => w.terminate()))
  }
  const perRun = new Map<string, number>()
  for (const b of batches) for (const r of b.runId) perRun.set(r, (perRun.get(r) ?? 0) + 1)
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
  return { seconds: (performance.now() - started) / 1000, batches }
}

const RAW_TABLE_COLUMNS = `
  id uuid default gen_random_uuid(), office_id uuid, client_id uuid, run_id uuid, employee_id uuid,
  employee_code text, employee_name text, lines jsonb, attendance jsonb, premium_month date,
  gross_pay bigint, taxable_pay bigint, social_insurance bigint, income_tax bigint,
  total_deductions bigint, net_pay bigint, health_standard_bonus bigint, pension_standard_bonus bigint`

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
           select $1::uuid, t.* from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::jsonb[],
             $8::jsonb[], $9::date[], $10::int8[], $11::int8[], $12::int8[], $13::int8[], $14::int8[], $15::int8[],
             $16::int8[], $17::int8[]) as t`,
          [
            officeId,
            c.clientId,
            c.runId,
            c.employeeId,
            c.employeeCode,
            c.employeeName,
            c.lines,
            c.attendance,
            c.premiumMonth,
            c.grossPay,
            c.taxablePay,
            c.socialInsurance,
            c.incomeTax,
            c.totalDeductions,
            c.netPay,
            c.healthStandardBonus,
            c.pensionStandardBonus,
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
      await owner.query('CHECKPOINT')
    } finally {
      owner.release()
    }
    const stored = await storedRun(database.db, seeded)
    const rawSeconds = await rawInsert(raw, seeded.officeId, stored.batches)
    const counts = await raw.query<{ stored: string; raw: string; size: string }>(
      `SELECT (SELECT count(*) FROM payslips) AS stored, (SELECT count(*) FROM raw_payslips) AS raw,
         pg_size_pretty(pg_total_relation_size('payslips')) AS size`,
    )
    const c = counts.rows[0]!
    console.log(`rows stored: ${c.stored} (run, ${c.size} with indexes), ${c.raw} (raw insert)`)
    return { stored: stored.seconds, raw: rawSeconds }
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
    results.raw_insert_1m_s = Number(db.raw.toFixed(2))
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
function serveBatches(): void {
  const port = parentPort!
  const ids = workerData as StoredIds
  const employees = buildEmployees(EMPLOYEES)
  port.on('message', ({ from, to }: { from: number; to: number }) => {
    port.postMessage({ from, rows: calculateBatch(employees, from, to, ids) })
  })
  port.postMessage('ready')
}

if (isMainThread) await main()
else serveBatches()
