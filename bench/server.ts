/**
 * npm run bench:server — the back-office server on the PostgreSQL server (issue 7, item 9):
 *
 *   import_100k_s           100,000 synthetic employees into one client through the HTTP commit's own
 *                           path: the request schema, checkImport (validation, 社員番号 in use), then
 *                           commitImport (one transaction, an audit entry per person)
 *   copy_100k_s             raw COPY … FROM STDIN of the same rows (employees, employee_versions, the
 *                           audit queue, the import record) into the same tables of a fresh database
 *   import_vs_copy_ratio    copy time / import time (1.0 = as fast as COPY; target ≥ 0.25)
 *   list_requests_per_s, list_p50_ms, list_p95_ms, list_p99_ms
 *                           GET /api/clients/:clientId/employees pages from 200 concurrent keep-alive
 *                           HTTP clients (a worker thread) for 10 s, against a started server
 *                           (startServer) with 10,000 employees over 10 clients, 20 signed-in users
 *                           (target p95 ≤ 50 ms)
 *   list_paced_requests_per_s, list_paced_p50_ms, list_paced_p95_ms, list_paced_p99_ms
 *                           the same 200 clients, each pausing 0.5–1.5 s between pages as a person
 *                           reading them does (≈ 200 pages/s offered); the back-to-back figures above
 *                           are the server's saturation, where latency is 200 ÷ throughput
 *   list_server_cpu_per_request_ms, list_paced_server_cpu_per_request_ms
 *                           CPU of the server's thread per list request over the load (on a shared
 *                           machine a steadier figure than the latencies)
 *   list_database_cpu_per_request_ms
 *                           CPU of the PostgreSQL backends serving it, per request (local cluster only)
 *
 * Needs MAMORI_BENCH_DATABASE_URL or MAMORI_TEST_DATABASE_URL (a throwaway cluster); each part makes
 * its own databases there and drops them. MAMORI_BENCH_SERVER_IMPORT_ROWS shortens a trial run,
 * MAMORI_BENCH_SERVER_ONLY=import|list runs one part; MAMORI_BENCH_SERVER_PROFILE=file.cpuprofile writes a
 * CPU profile of the server's thread during the list load.
 * Synthetic people only (createSyntheticGenerator); traffic only over loopback.
 */
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { Agent, request as httpRequest } from 'node:http'
import { Session } from 'node:inspector/promises'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pipeline } from 'node:stream/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import type { Database } from '@mamori/db'
import { migrate, openDatabase, postgresTarget, withDatabaseName } from '@mamori/db'
import { APP_DATABASE_MIGRATIONS, loadServerConfig, startServer } from '@mamori/server'
import type { Kysely } from 'kysely'
import pg from 'pg'
import { from as copyFrom, to as copyTo } from 'pg-copy-streams'
// The server's own import path and test support (not public entries: the brief is to measure exactly
// what the HTTP commit runs).
import type { SignedInUser } from '../packages/server/src/auth/testing.ts'
import { signInAs } from '../packages/server/src/auth/testing.ts'
import { createClient } from '../packages/server/src/clients/client-operations.ts'
import { ZCreateClientRequest } from '../packages/server/src/clients/clients.schema.ts'
import type { ServerTables } from '../packages/server/src/db/tables.ts'
import { commitImport } from '../packages/server/src/imports/commit-import.ts'
import { ZCommitImportRequest } from '../packages/server/src/imports/imports.schema.ts'
import { checkImport } from '../packages/server/src/imports/preview-import.ts'
import { importContext, syntheticSheets } from '../packages/server/src/imports/testing.ts'
import type { Generator } from '../packages/server/src/people/factories.ts'
import { buildClientBody, syntheticGenerator } from '../packages/server/src/people/factories.ts'
import type { OperationContext } from '../packages/server/src/people/operation-context.ts'
import { backendCpuMs } from './backend-cpu.ts'

const IMPORT_ROWS = Number(process.env.MAMORI_BENCH_SERVER_IMPORT_ROWS || 100_000)
const LIST_CLIENTS = 10
const LIST_EMPLOYEES_PER_CLIENT = 1_000
const LIST_USERS = 20
const CONCURRENCY = Number(process.env.MAMORI_BENCH_SERVER_CONCURRENCY || 200)
const LIST_SECONDS = 10
const WARM_UP_SECONDS = 2
const PAGE_SIZE = 50
/** The paced load: each client pauses about this long between pages, as a person reading them does. */
const THINK_MS = 1_000
/** Pages a simulated user reads down the list before starting again at the top. */
const PAGES_PER_VISIT = 5
/** The tables an import writes, in the order their foreign keys need. */
const IMPORTED_TABLES = ['imports', 'employees', 'employee_versions', 'audit_queue'] as const
const SEEDED_TABLES = ['offices', 'clients', 'users'] as const

/** MAMORI_BENCH_SERVER_ONLY=import or =list runs one part. */
const ONLY = process.env.MAMORI_BENCH_SERVER_ONLY || undefined
const PROFILE = process.env.MAMORI_BENCH_SERVER_PROFILE || undefined
const runs = (part: 'import' | 'list') => ONLY === undefined || ONLY === part
const adminUrl = process.env.MAMORI_BENCH_DATABASE_URL || process.env.MAMORI_TEST_DATABASE_URL || undefined
const prefix = `mamori_bench_server_${process.pid}`

type Fresh = { name: string; url: string; database: Database<ServerTables> }

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** A new database on the server with the app database's migrations applied. */
async function freshDatabase(suffix: string): Promise<Fresh> {
  const name = `${prefix}_${suffix}`
  await admin(`create database ${name}`)
  const url = withDatabaseName(adminUrl!, name)
  const database = await openDatabase<ServerTables>(postgresTarget(url, 'url'))
  await migrate(database, [...APP_DATABASE_MIGRATIONS])
  return { name, url, database }
}

async function drop(fresh: Fresh): Promise<void> {
  await fresh.database.close()
  await admin(`drop database if exists ${fresh.name}`)
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** A table's rows in COPY's text format, held in memory. */
async function copyOut(client: pg.Client, table: string): Promise<Buffer[]> {
  const chunks: Buffer[] = []
  const stream = client.query(copyTo(`copy ${table} to stdout`))
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return chunks
}

async function copyIn(client: pg.Client, table: string, chunks: readonly Buffer[]): Promise<void> {
  await pipeline(
    async function* () {
      yield* chunks
    },
    client.query(copyFrom(`copy ${table} from stdin`)),
  )
}

/**
 * The import as the HTTP commit runs it, timed from the parsed upload to the committed
 * transaction; then the rows it wrote, copied out (not timed) and COPY'd into a fresh database
 * holding the same office, client and user (timed).
 */
async function importFigures(): Promise<{ importSeconds: number; copySeconds: number }> {
  const generator = syntheticGenerator('bench-server-import')
  const sheets = syntheticSheets(generator, IMPORT_ROWS)
  const upload = JSON.parse(
    JSON.stringify({ importId: randomUUID(), employees: sheets.employees }),
  ) as unknown
  const source = await freshDatabase('import')
  let target: Fresh | undefined
  try {
    const { ctx, clientId } = await importContext(source.database.db, generator)
    await admin('checkpoint')
    const started = performance.now()
    const { importId, ...rows } = ZCommitImportRequest.parse(upload)
    const validated = await checkImport(source.database.db, ctx, clientId, importId, rows)
    const committed = await commitImport(source.database.db, ctx, clientId, importId, validated)
    const importSeconds = (performance.now() - started) / 1000
    console.log(
      `import: ${committed.employeesCreated} employees committed in ${importSeconds.toFixed(2)} s (request schema, checkImport, commitImport)`,
    )

    const dumped = await withClient(source.url, async (client) => {
      const tables = new Map<string, Buffer[]>()
      for (const table of [...SEEDED_TABLES, ...IMPORTED_TABLES])
        tables.set(table, await copyOut(client, table))
      return tables
    })
    target = await freshDatabase('copy')
    const copySeconds = await withClient(target.url, async (client) => {
      for (const table of SEEDED_TABLES) await copyIn(client, table, dumped.get(table)!)
      await client.query('checkpoint')
      const copyStarted = performance.now()
      await client.query('begin')
      for (const table of IMPORTED_TABLES) await copyIn(client, table, dumped.get(table)!)
      await client.query('commit')
      const seconds = (performance.now() - copyStarted) / 1000
      const { rows: counted } = await client.query<{ employees: number; versions: number; audit: number }>(
        `select (select count(*) from employees)::int as employees,
                (select count(*) from employee_versions)::int as versions,
                (select count(*) from audit_queue)::int as audit`,
      )
      const c = counted[0]!
      console.log(
        `copy: ${c.employees} employees, ${c.versions} versions, ${c.audit} audit entries in ${seconds.toFixed(2)} s (COPY FROM STDIN, one transaction)`,
      )
      return seconds
    })
    return { importSeconds, copySeconds }
  } finally {
    await drop(source)
    if (target !== undefined) await drop(target)
  }
}

type LoadPlan = {
  baseUrl: string
  /** Per simulated client: its session cookie and the client (事業所) whose list it reads. */
  visitors: { cookie: string; clientId: string }[]
  seconds: number
  warmUpSeconds: number
  /** Pause between a client's pages, drawn uniformly from [0.5, 1.5] × this (0: back to back). */
  thinkMs: number
}

type LoadResult = {
  latenciesMs: number[]
  failures: number
  seconds: number
  /** Every request sent, warm-up included. */
  requests: number
}

type ListFigures = LoadResult & {
  thinkMs: number
  /** CPU of the server's thread (handlers, hooks, audit integration) over the whole load. */
  serverCpuMs: number
  /** CPU of the PostgreSQL backends serving the server over the load, when the cluster is local. */
  databaseCpuMs: number | undefined
}

async function seedListOffice(db: Kysely<ServerTables>, generator: Generator) {
  const { ctx: first, clientId } = await importContext(db, generator)
  const ctx: OperationContext = { ...first, requestId: randomUUID() }
  const clientIds = [clientId]
  while (clientIds.length < LIST_CLIENTS) {
    clientIds.push((await createClient(db, ctx, ZCreateClientRequest.parse(buildClientBody(generator)))).id)
  }
  for (const id of clientIds) {
    const { employees } = syntheticSheets(generator, LIST_EMPLOYEES_PER_CLIENT)
    const importId = randomUUID()
    await commitImport(db, ctx, id, importId, await checkImport(db, ctx, id, importId, { employees }))
  }
  return { officeId: ctx.actor.officeId, clientIds }
}

/** A server started as `mamori start` starts it, on its own database, and the HTTP load against it. */
async function listFigures(): Promise<{ backToBack: ListFigures; paced: ListFigures }> {
  const fresh = await freshDatabase('list')
  const dataDir = await mkdtemp(join(tmpdir(), 'mamori-bench-server-'))
  try {
    const seeded = await seedListOffice(fresh.database.db, syntheticGenerator('bench-server-list'))
    // Steady state: autovacuum would have analyzed the new rows within a minute of the seeding.
    await withClient(fresh.url, (client) => client.query('analyze'))
    const config = loadServerConfig(
      {
        MAMORI_DATA_DIR: dataDir,
        MAMORI_DATABASE_URL: fresh.url,
        MAMORI_PORT: '0',
        MAMORI_LOG_LEVEL: 'warn',
      },
      dataDir,
    )
    const server = await startServer(config)
    try {
      const users: SignedInUser[] = []
      for (let i = 0; i < LIST_USERS; i++) {
        users.push(
          await signInAs(server.app, fresh.database.db, {
            role: i % 2 === 0 ? 'office_admin' : 'office_staff',
            officeId: seeded.officeId,
            clientIds: i % 2 === 0 ? [] : seeded.clientIds,
          }),
        )
      }
      console.log(
        `list: server ${server.url}, ${LIST_CLIENTS} clients × ${LIST_EMPLOYEES_PER_CLIENT} employees, ${LIST_USERS} users (half office staff with assigned clients), ${CONCURRENCY} keep-alive HTTP clients in a worker thread, pages of ${PAGE_SIZE}`,
      )
      const visitors = Array.from({ length: CONCURRENCY }, (_, i) => ({
        cookie: users[i % users.length]!.cookie,
        clientId: seeded.clientIds[i % seeded.clientIds.length]!,
      }))
      const load = (thinkMs: number) =>
        measureLoad(fresh.name, {
          baseUrl: server.url,
          visitors,
          seconds: LIST_SECONDS,
          warmUpSeconds: WARM_UP_SECONDS,
          thinkMs,
        })
      return { backToBack: await load(0), paced: await load(THINK_MS) }
    } finally {
      await server.close()
    }
  } finally {
    await drop(fresh)
    await rm(dataDir, { recursive: true, force: true })
  }
}

/** One load from a worker thread, with the CPU the server's thread and its database backends used. */
async function measureLoad(databaseName: string, plan: LoadPlan): Promise<ListFigures> {
  const profiler = PROFILE === undefined || plan.thinkMs > 0 ? undefined : await startProfile()
  const cpuBefore = process.threadCpuUsage()
  const databaseCpuBefore = await backendCpuMs(adminUrl!, databaseName)
  const worker = new Worker(new URL(import.meta.url), { workerData: plan })
  const result = await new Promise<LoadResult>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  const cpu = process.threadCpuUsage(cpuBefore)
  const databaseCpuAfter = await backendCpuMs(adminUrl!, databaseName)
  if (profiler !== undefined) await writeFile(PROFILE!, JSON.stringify(await profiler.stop()))
  await worker.terminate()
  return {
    ...result,
    thinkMs: plan.thinkMs,
    serverCpuMs: (cpu.user + cpu.system) / 1000,
    databaseCpuMs:
      databaseCpuBefore === undefined || databaseCpuAfter === undefined
        ? undefined
        : databaseCpuAfter - databaseCpuBefore,
  }
}

/** The inspector's CPU profiler on this thread, for MAMORI_BENCH_SERVER_PROFILE. */
async function startProfile(): Promise<{ stop: () => Promise<object> }> {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  return {
    stop: async () => {
      const { profile } = await session.post('Profiler.stop')
      session.disconnect()
      return profile
    },
  }
}

/** The worker: CONCURRENCY loops, each reading its client's list page by page over keep-alive. */
async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY })
  const base = new URL(plan.baseUrl)
  const get = (path: string, cookie: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: base.hostname, port: base.port, path, agent, headers: { cookie } },
        (res) => {
          let body = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => {
            body += chunk
          })
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        },
      )
      req.on('error', reject)
      req.end()
    })
  const latenciesMs: number[] = []
  let failures = 0
  let requests = 0
  const start = performance.now()
  const measureFrom = start + plan.warmUpSeconds * 1000
  const end = measureFrom + plan.seconds * 1000
  await Promise.all(
    plan.visitors.map(async ({ cookie, clientId }) => {
      let cursor: string | null = null
      let page = 0
      // Paced clients start spread over one pause, not all at once.
      if (plan.thinkMs > 0) await sleep(plan.thinkMs * Math.random())
      while (performance.now() < end) {
        const query: string = `limit=${PAGE_SIZE}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`
        const sent = performance.now()
        requests += 1
        const response = await get(`/api/clients/${clientId}/employees?${query}`, cookie)
        const took = performance.now() - sent
        if (sent >= measureFrom) {
          if (response.status === 200) latenciesMs.push(took)
          else failures += 1
        }
        cursor =
          response.status === 200
            ? (JSON.parse(response.body) as { nextCursor: string | null }).nextCursor
            : null
        page = cursor === null || page + 1 >= PAGES_PER_VISIT ? 0 : page + 1
        if (page === 0) cursor = null
        if (plan.thinkMs > 0) await sleep(plan.thinkMs * (0.5 + Math.random()))
      }
    }),
  )
  agent.destroy()
  return { latenciesMs, failures, seconds: (performance.now() - measureFrom) / 1000, requests }
}

function listResults(results: Record<string, number>, name: string, load: ListFigures): void {
  const sorted = [...load.latenciesMs].sort((a, b) => a - b)
  results[`${name}_requests_per_s`] = Math.round(sorted.length / load.seconds)
  results[`${name}_p50_ms`] = percentile(sorted, 50)
  results[`${name}_p95_ms`] = percentile(sorted, 95)
  results[`${name}_p99_ms`] = percentile(sorted, 99)
  results[`${name}_server_cpu_per_request_ms`] = round(load.serverCpuMs / load.requests)
  // Paced, the pool lets idle connections go and their backends' CPU with them: back to back only.
  if (load.databaseCpuMs !== undefined && load.thinkMs === 0) {
    results[`${name}_database_cpu_per_request_ms`] = round(load.databaseCpuMs / load.requests)
  }
  console.log(
    `${name}: ${sorted.length} pages in ${load.seconds.toFixed(1)} s, ${load.failures} failed (after ${WARM_UP_SECONDS} s of warm-up)`,
  )
}

function percentile(sorted: readonly number[], p: number): number {
  return round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN)
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

function printLoad(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
}

async function main(): Promise<void> {
  const cpu = cpus()
  console.log(`cpu: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`)
  console.log(`memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`)
  console.log(`node: ${process.version}`)
  console.log(`load average at start: ${printLoad()}`)
  const results: Record<string, number> = {}
  if (adminUrl === undefined) {
    console.log('database: none (set MAMORI_BENCH_DATABASE_URL or MAMORI_TEST_DATABASE_URL)')
  } else {
    const version = await withClient(adminUrl, (c) =>
      c.query<{ server_version: string }>('show server_version'),
    )
    console.log(`database: PostgreSQL ${version.rows[0]!.server_version}, throwaway databases ${prefix}_*`)
    if (runs('import')) {
      const imported = await importFigures()
      const scale = 100_000 / IMPORT_ROWS
      results.import_100k_s = round(imported.importSeconds * scale)
      results.copy_100k_s = round(imported.copySeconds * scale)
      results.import_vs_copy_ratio = round(imported.copySeconds / imported.importSeconds)
      console.log(`load average after the import: ${printLoad()}`)
    }
    if (runs('list')) {
      const { backToBack, paced } = await listFigures()
      listResults(results, 'list', backToBack)
      listResults(results, 'list_paced', paced)
    }
  }
  console.log(`load average at end: ${printLoad()}`)
  console.log(JSON.stringify({ bench: 'server', results }))
}

if (isMainThread) await main()
else parentPort!.postMessage(await runLoad(workerData as LoadPlan))
