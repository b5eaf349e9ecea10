/**
 * bench:payroll — the payroll calculation rate, and a stored run of 1,000,000 employee-months in
 * PostgreSQL beside a raw insert of the same rows.
 *
 * Run: ./node_modules/.bin/node bench/payroll.ts
 * Database figures need MAMORI_BENCH_DATABASE_URL (or MAMORI_TEST_DATABASE_URL); the bench creates
 * its own schema there and drops it at the end. Synthetic people only (createSyntheticGenerator).
 */
import { cpus, loadavg, totalmem } from 'node:os'
import { performance } from 'node:perf_hooks'
import { isMainThread, parentPort, Worker } from 'node:worker_threads'
import type { Attendance } from '@mamori/rules/payroll/attendance.ts'
import { calculateMonthlyPayroll, type MonthlyPayrollInput } from '@mamori/rules/payroll/monthly-payroll.ts'
import type { PrefectureCode } from '@mamori/rules/prefectures/prefecture-codes.ts'
import { determineStandardMonthlyRemuneration } from '@mamori/rules/remuneration/standard-monthly-remuneration.ts'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import { createPrng, type Prng } from '@mamori/rules/synthetic/prng.ts'
import type { SyntheticEmployee } from '@mamori/rules/synthetic/types.ts'
import pg from 'pg'

const EMPLOYEES = 83_334
const MONTHS = 12
const STORED_ROWS = 1_000_000
const BATCH_ROWS = 10_000
const CALC_SECONDS = 5
/** Calculation threads of the stored run; the main thread only sends rows to PostgreSQL. */
const WORKERS = Math.max(1, Math.min(2, cpus().length))

/** Payment dates of 令和8年: every month's tables are held (premium months 令和7年12月〜令和8年11月). */
const PAYMENT_DATES = Array.from({ length: MONTHS }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}-25`)
const PERIOD_ENDS = Array.from({ length: MONTHS }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}-20`)

type Employee = { id: number; synthetic: SyntheticEmployee; dependents: number; standard: number }

function buildEmployees(count: number): Employee[] {
  const generator = createSyntheticGenerator('bench-payroll')
  const prng = createPrng('bench-payroll-dependents')
  const employees: Employee[] = []
  for (let id = 1; id <= count; id += 1) {
    const synthetic = generator.employee({ prefectureCode: (id % 47) + 1 })
    const standard = determineStandardMonthlyRemuneration({
      insurance: 'health',
      date: '2026-01-01',
      remuneration: synthetic.monthlySalary + 10_000,
    }).standardMonthlyRemuneration
    employees.push({ id, synthetic, dependents: prng.int(4), standard })
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

function inputFor(employee: Employee, month: number, prng: Prng): MonthlyPayrollInput {
  const s = employee.synthetic
  const partTime = s.employmentType === 'part-time'
  const insured = !partTime || s.weeklyHours >= 20
  return {
    paymentDate: PAYMENT_DATES[month]!,
    periodEndDate: PERIOD_ENDS[month]!,
    establishment: {
      prefecture: ((employee.id % 47) + 1) as PrefectureCode,
      premiumCollection: 'following-month',
      shareRounding: 'deduct-from-pay',
      employmentInsuranceBusinessType: 'general',
    },
    employee: {
      person: { birthDate: s.birthDate },
      healthStandardMonthlyRemuneration: insured ? employee.standard : null,
      pensionStandardMonthlyRemuneration: insured ? pensionStandard(employee.standard) : null,
      employmentInsured: s.weeklyHours >= 20,
      withholdingColumn: 'kou',
      dependents: employee.dependents,
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
    attendance: attendanceFor(prng, partTime),
    residentTax: 10_000,
    otherDeductions: [],
  }
}

type ResultRows = {
  employeeId: number[]
  payMonth: string[]
  grossPay: number[]
  taxablePay: number[]
  socialInsurance: number[]
  incomeTax: number[]
  netPay: number[]
  lines: string[]
}

function emptyRows(): ResultRows {
  return {
    employeeId: [],
    payMonth: [],
    grossPay: [],
    taxablePay: [],
    socialInsurance: [],
    incomeTax: [],
    netPay: [],
    lines: [],
  }
}

/**
 * Calculates employee-months [from, to) in employee-major order into column arrays. The attendance
 * draws are seeded by the batch, so a batch gives the same rows whichever thread calculates it.
 */
function calculateBatch(employees: readonly Employee[], from: number, to: number): ResultRows {
  const prng = createPrng(`bench-payroll-batch-${from}`)
  const rows = emptyRows()
  for (let n = from; n < to; n += 1) {
    const employee = employees[Math.floor(n / MONTHS)]!
    const month = n % MONTHS
    const result = calculateMonthlyPayroll(inputFor(employee, month, prng))
    const lines: Record<string, number> = {}
    for (const line of result.earnings) lines[line.code] = line.amount
    for (const line of result.deductions) lines[line.code] = line.amount
    rows.employeeId.push(employee.id)
    rows.payMonth.push(`${PAYMENT_DATES[month]!.slice(0, 8)}01`)
    rows.grossPay.push(result.totals.grossPay)
    rows.taxablePay.push(result.totals.taxablePay)
    rows.socialInsurance.push(result.totals.socialInsurance)
    rows.incomeTax.push(result.totals.incomeTax)
    rows.netPay.push(result.totals.netPay)
    rows.lines.push(JSON.stringify(lines))
  }
  return rows
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

const TABLE_COLUMNS = `
  office_id integer NOT NULL,
  employee_id integer NOT NULL,
  pay_month date NOT NULL,
  gross_pay integer NOT NULL,
  taxable_pay integer NOT NULL,
  social_insurance integer NOT NULL,
  income_tax integer NOT NULL,
  net_pay integer NOT NULL,
  lines jsonb NOT NULL,
  PRIMARY KEY (office_id, employee_id, pay_month)`

/** One statement per batch: the column arrays travel as parameters and are spread by unnest(). */
async function insertRows(client: pg.ClientBase, table: string, rows: ResultRows): Promise<void> {
  await client.query(
    `INSERT INTO ${table} (office_id, employee_id, pay_month, gross_pay, taxable_pay, social_insurance, income_tax, net_pay, lines)
     SELECT 1, * FROM unnest($1::int[], $2::date[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::jsonb[])`,
    [
      rows.employeeId,
      rows.payMonth,
      rows.grossPay,
      rows.taxablePay,
      rows.socialInsurance,
      rows.incomeTax,
      rows.netPay,
      rows.lines,
    ],
  )
}

/**
 * The stored run: worker threads calculate batches ahead (at most two waiting per worker) while the
 * main thread sends each batch to PostgreSQL in order, so calculation and storage overlap. Returns
 * the rows so that the raw insert writes exactly the same ones.
 */
async function storedRun(client: pg.ClientBase, table: string) {
  const workers = Array.from({ length: WORKERS }, () => new Worker(new URL(import.meta.url)))
  const ready = (worker: Worker) => new Promise<void>((resolve) => worker.once('message', () => resolve()))
  await Promise.all(workers.map(ready))
  const started = performance.now()
  const starts = Array.from({ length: Math.ceil(STORED_ROWS / BATCH_ROWS) }, (_, i) => i * BATCH_ROWS)
  const waiting = new Map<number, Promise<ResultRows>>()
  let next = 0
  function request(index: number): void {
    const from = starts[index]!
    const worker = workers[index % workers.length]!
    waiting.set(
      index,
      new Promise<ResultRows>((resolve) => {
        const onMessage = (message: { from: number; rows: ResultRows }) => {
          if (message.from !== from) return
          worker.off('message', onMessage)
          resolve(message.rows)
        }
        worker.on('message', onMessage)
        worker.postMessage({ from, to: Math.min(STORED_ROWS, from + BATCH_ROWS) })
      }),
    )
  }
  const batches: ResultRows[] = []
  try {
    for (; next < Math.min(starts.length, 2 * workers.length); next += 1) request(next)
    for (let index = 0; index < starts.length; index += 1) {
      const rows = await waiting.get(index)!
      waiting.delete(index)
      if (next < starts.length) request(next++)
      await insertRows(client, table, rows)
      batches.push(rows)
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()))
  }
  return { seconds: (performance.now() - started) / 1000, batches }
}

async function rawInsert(
  client: pg.ClientBase,
  table: string,
  batches: readonly ResultRows[],
): Promise<number> {
  const started = performance.now()
  for (const rows of batches) await insertRows(client, table, rows)
  return (performance.now() - started) / 1000
}

async function databaseFigures(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const schema = `bench_payroll_${process.pid}_${Date.now()}`
  try {
    const server = await client.query<{ server_version: string }>('SHOW server_version')
    console.log(`database: PostgreSQL ${server.rows[0]!.server_version}, throwaway schema ${schema}`)
    await client.query(`CREATE SCHEMA ${schema}`)
    await client.query(`CREATE TABLE ${schema}.payroll_results (${TABLE_COLUMNS})`)
    await client.query(`CREATE TABLE ${schema}.raw_results (${TABLE_COLUMNS})`)
    const stored = await storedRun(client, `${schema}.payroll_results`)
    const raw = await rawInsert(client, `${schema}.raw_results`, stored.batches)
    const counts = await client.query<{ stored: string; raw: string }>(
      `SELECT (SELECT count(*) FROM ${schema}.payroll_results) AS stored, (SELECT count(*) FROM ${schema}.raw_results) AS raw`,
    )
    console.log(`rows stored: ${counts.rows[0]!.stored} (run), ${counts.rows[0]!.raw} (raw insert)`)
    return { stored: stored.seconds, raw }
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await client.end()
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
      `stored run: ${WORKERS} calculation thread(s), batches of ${BATCH_ROWS} rows, unnest() inserts`,
    )
    const db = await databaseFigures(url)
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
  const employees = buildEmployees(EMPLOYEES)
  port.on('message', ({ from, to }: { from: number; to: number }) => {
    port.postMessage({ from, rows: calculateBatch(employees, from, to) })
  })
  port.postMessage('ready')
}

if (isMainThread) await main()
else serveBatches()
