/**
 * npm run bench:audit — the audit log (packages/audit, docs/audit.md):
 *
 *   append_64_writers_per_s     entries/s appended by 64 concurrent writers through group commit,
 *                               durable (synchronous_commit on; the server's fsync is printed)
 *   verify_entries_per_s        verifyLog over a log of 1,000,000 entries (built first, build_log_s):
 *                               the tree, every entry, checkpoint and the witness
 *   summary_check_s             verifyLog's other part: the per-client summary recomputed from the
 *                               entries and compared (timed apart, once)
 *   inclusion_proof_p50_ms, inclusion_proof_p99_ms, consistency_proof_p50_ms
 *   subject_query_p50_ms        every access to one person (100 entries each) on that log
 *   client_query_p50_ms         people and items of one client in a 30-day window from a JST midnight
 *                               (10,000 entries; ~820,000 with MAMORI_BENCH_AUDIT_CLIENTS=1 at 10M)
 *   client_query_unaligned_p50_ms  the same from any millisecond: parts of two days from the entries
 *
 * On the PostgreSQL server at MAMORI_BENCH_DATABASE_URL or MAMORI_TEST_DATABASE_URL (a database of
 * its own, dropped afterwards), otherwise PGlite in a temporary directory. Synthetic ids only.
 *
 * MAMORI_BENCH_AUDIT_ONLY=verify builds the log and measures only verify_entries_per_s, that many
 * times (MAMORI_BENCH_AUDIT_VERIFY_RUNS, default 1; the best in the JSON, each run printed with the
 * CPU time of this process and, on the server, of the PostgreSQL backends: on a shared machine
 * the wall time alone says little).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import type { AuditEvent } from '@mamori/audit/audit-event.ts'
import { type AuditLog, openAuditLog } from '@mamori/audit/audit-log.ts'
import { dayOf, dayStartMs } from '@mamori/audit/client-buckets.ts'
import { firstClientBucketDifference, summarise } from '@mamori/audit/client-buckets-store.ts'
import { integrate } from '@mamori/audit/integrate.ts'
import { AUDIT_MIGRATIONS } from '@mamori/audit/migrations.ts'
import { queuedEvent } from '@mamori/audit/record.ts'
import { openSigningKey } from '@mamori/audit/signing-key.ts'
import { witnessFile } from '@mamori/audit/witness.ts'
import {
  type Database,
  type DatabaseTarget,
  describeTarget,
  migrate,
  openDatabase,
  withDatabaseName,
} from '@mamori/db'
import { sql } from 'kysely'
import pg from 'pg'
import { backendCpuMs } from './backend-cpu.ts'

/**
 * MAMORI_BENCH_AUDIT_ENTRIES (a multiple of 50,000) sets the log's size: the verify figure is for
 * 1,000,000; 10,000,000 with MAMORI_BENCH_AUDIT_CLIENTS=1 is the query scenario of issue 5 (one
 * client of 10,000 people in a log of ten million entries).
 */
const LOG_SIZE = Number(process.env.MAMORI_BENCH_AUDIT_ENTRIES || 1_000_000)
const ONLY_VERIFY = process.env.MAMORI_BENCH_AUDIT_ONLY === 'verify'
const VERIFY_RUNS = Number(process.env.MAMORI_BENCH_AUDIT_VERIFY_RUNS || 1)
const PEOPLE = 10_000
const CLIENTS = Number(process.env.MAMORI_BENCH_AUDIT_CLIENTS || 100)
const APPEND_SECONDS = 5
const DAY = 86_400_000
const START = Date.UTC(2025, 3, 1)

const serverUrl = process.env.MAMORI_BENCH_DATABASE_URL || process.env.MAMORI_TEST_DATABASE_URL || undefined
const dir = await mkdtemp(join(tmpdir(), 'mamori-bench-audit-'))
const databaseName = `mamori_bench_audit_${process.pid}`

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

/** A fresh database; on the server every session commits synchronously (durable appends). */
async function freshDatabase(name: string): Promise<Database<unknown>> {
  let target: DatabaseTarget
  if (serverUrl === undefined) {
    target = { kind: 'pglite', dataDir: join(dir, name) }
  } else {
    await admin(`create database ${databaseName}_${name}`)
    const url = new URL(withDatabaseName(serverUrl, `${databaseName}_${name}`))
    url.searchParams.set('options', '-c synchronous_commit=on')
    target = { kind: 'postgres', url: url.href, poolSize: 8 }
  }
  const database = await openDatabase<unknown>(target)
  await migrate(database, [AUDIT_MIGRATIONS])
  return database
}

function event(i: number): AuditEvent {
  const person = i % PEOPLE
  return {
    type: 'EMPLOYEE_VIEWED',
    at: START + Math.floor((i / LOG_SIZE) * 365 * DAY),
    tenantId: 'office_1',
    actorId: `user_${i % 50}`,
    clientId: `client_${person % CLIENTS}`,
    subjectId: `person_${person}`,
    operation: i % 10 === 0 ? 'export' : 'read',
    result: 'success',
    purpose: 'social_insurance',
    document: 'kenpo_shikaku_shutoku',
    requestId: `req_${i}`,
    fields: ['address', 'birthDate'],
  }
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!)
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const value = await run()
  return [value, performance.now() - start]
}

function openLog(database: Database<unknown>, name: string): Promise<AuditLog> {
  return openAuditLog({
    db: database.db,
    origin: 'bench-audit',
    signingKeyPath: join(dir, 'keys', 'bench-audit.ed25519.pem'),
    witnessPath: join(dir, 'witness', `${name}.log`),
    checkpointEvery: { entries: 10_000, ms: 10_000 },
  })
}

/** 64 writers, each appending one entry at a time, for APPEND_SECONDS. */
async function appendThroughput(): Promise<number> {
  const database = await freshDatabase('append')
  const log = await openLog(database, 'append')
  let appended = 0
  const deadline = performance.now() + APPEND_SECONDS * 1000
  const writer = async (w: number) => {
    for (let i = 0; performance.now() < deadline; i++) {
      await log.append([event(w * 1_000_000 + i)])
      appended += 1
    }
  }
  const [, ms] = await timed(() => Promise.all(Array.from({ length: 64 }, (_, w) => writer(w))))
  await log.close()
  await database.close()
  return round(appended / (ms / 1000))
}

/**
 * The log of LOG_SIZE entries, through the real sequencer and summariser. Its secondary indexes are dropped
 * while it fills and rebuilt after (their definitions read back from the catalogue), as a bulk
 * load would: what is measured is reading the log, not building it.
 */
async function buildLog(database: Database<unknown>): Promise<void> {
  const { db } = database
  const key = await openSigningKey(join(dir, 'keys', 'bench-audit.ed25519.pem'), 'bench-audit', {
    create: true,
  })
  const sequencer = {
    signer: key.signer,
    witness: witnessFile(join(dir, 'witness', 'log.log')),
    checkpointEvery: { entries: 10_000, ms: 3_600_000 },
  }
  const { rows: indexes } = await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes
    where tablename = 'audit_entries' and indexname <> 'audit_entries_pkey'`.execute(db)
  for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(db)
  const chunk = 50_000
  for (let from = 0; from < LOG_SIZE; from += chunk) {
    const queued = Array.from({ length: Math.min(chunk, LOG_SIZE - from) }, (_, i) =>
      queuedEvent(event(from + i)),
    )
    await sql`insert into audit_queue (tenant_id, event)
      select tenant_id, decode(event, 'base64')
      from unnest(${queued.map((q) => q.tenantId)}::text[], ${queued.map((q) => q.bytes.toString('base64'))}::text[])
        as t(tenant_id, event)`.execute(db)
    await integrate(db, { ...sequencer, maxBatch: chunk })
    await summarise(db, { maxBatch: chunk })
  }
  await integrate(db, { ...sequencer, forceCheckpoint: true })
  await summarise(db)
  for (const index of indexes) await sql.raw(index.definition).execute(db)
  await sql`analyze audit_entries, audit_client_buckets`.execute(db)
}

/** CPU time (ms) of the server's backends serving `name`, read from /proc when the server is local. */
async function backendCpu(name: string): Promise<number | undefined> {
  return serverUrl === undefined ? undefined : backendCpuMs(serverUrl, `${databaseName}_${name}`)
}

async function verifyRate(log: AuditLog): Promise<number> {
  let best = 0
  for (let run = 0; run < VERIFY_RUNS; run++) {
    const cpu = process.cpuUsage()
    const backend = await backendCpu('log')
    const [report, verifyMs] = await timed(() => log.verify({ summaries: false }))
    if (!report.ok || report.entries !== LOG_SIZE) throw new Error(`verify failed: ${report.problem?.code}`)
    const { user, system } = process.cpuUsage(cpu)
    const backendAfter = await backendCpu('log')
    const rate = round(LOG_SIZE / (verifyMs / 1000))
    const server =
      backend === undefined || backendAfter === undefined ? '' : `, PostgreSQL ${backendAfter - backend} ms`
    console.log(
      `verify: ${rate} entries/s (${Math.round(verifyMs)} ms; CPU: this process ${Math.round((user + system) / 1000)} ms${server}; load ${loadavg()[0]!.toFixed(2)})`,
    )
    best = Math.max(best, rate)
  }
  return best
}

async function main(): Promise<Record<string, number>> {
  const results: Record<string, number> = {}
  if (!ONLY_VERIFY) {
    results.append_64_writers_per_s = await appendThroughput()
    console.log(`append: ${results.append_64_writers_per_s} entries/s`)
  }

  const database = await freshDatabase('log')
  try {
    const [, buildMs] = await timed(() => buildLog(database))
    results.build_log_s = round(buildMs / 1000)
    console.log(`built the log in ${results.build_log_s} s`)
    const log = await openLog(database, 'log')
    try {
      results.verify_entries_per_s = await verifyRate(log)
      if (ONLY_VERIFY) return results
      const [difference, summaryMs] = await timed(() => firstClientBucketDifference(database.db))
      if (difference !== undefined) throw new Error(`summary differs at level ${difference.level}`)
      results.summary_check_s = round(summaryMs / 1000)
      console.log(`per-client summary recomputed and compared in ${results.summary_check_s} s`)

      const inclusion: number[] = []
      for (let i = 0; i < 300; i++) {
        const position = Math.floor(Math.random() * LOG_SIZE)
        inclusion.push((await timed(() => log.inclusionProof(position)))[1])
      }
      results.inclusion_proof_p50_ms = percentile(inclusion, 50)
      results.inclusion_proof_p99_ms = percentile(inclusion, 99)

      const consistency: number[] = []
      for (let i = 0; i < 100; i++) {
        // The build checkpoints once per sequencer batch of 50,000 entries.
        const older = 50_000 * (1 + Math.floor(Math.random() * (LOG_SIZE / 50_000 - 1)))
        consistency.push((await timed(() => log.consistencyProof(older, LOG_SIZE)))[1])
      }
      results.consistency_proof_p50_ms = percentile(consistency, 50)

      const window = { from: new Date(START), to: new Date(START + 366 * DAY) }
      const subject: number[] = []
      for (let i = 0; i < 100; i++) {
        const person = `person_${Math.floor(Math.random() * PEOPLE)}`
        subject.push((await timed(() => log.accessesToSubject('office_1', person, window)))[1])
      }
      results.subject_query_p50_ms = percentile(subject, 50)

      // A month as an office asks for it, from midnight in Japan; then from any millisecond.
      for (const aligned of [true, false]) {
        const client: number[] = []
        for (let i = 0; i < 20; i++) {
          const day = dayOf(START) + 1 + Math.floor(Math.random() * 330)
          const from = aligned ? dayStartMs(day) : dayStartMs(day) + Math.floor(Math.random() * DAY)
          const month = { from: new Date(from), to: new Date(from + 30 * DAY) }
          const id = `client_${Math.floor(Math.random() * CLIENTS)}`
          client.push(
            (
              await timed(() =>
                log.accessesForClient('office_1', id, month, { operations: ['read', 'export'] }),
              )
            )[1],
          )
        }
        results[aligned ? 'client_query_p50_ms' : 'client_query_unaligned_p50_ms'] = percentile(client, 50)
      }
    } finally {
      await log.close()
    }
  } finally {
    await database.close()
  }
  return results
}

const cpu = cpus()
console.log(`CPU: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`)
console.log(`Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB (free ${(freemem() / 2 ** 30).toFixed(1)} GiB)`)
console.log(`Node: ${process.version}`)
if (serverUrl === undefined) {
  console.log(`Database: ${describeTarget({ kind: 'pglite', dataDir: dir })} (fsync: PGlite default)`)
} else {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  const setting = async (name: string) => (await client.query(`show ${name}`)).rows[0]?.[name] as string
  console.log(
    `Database: ${describeTarget({ kind: 'postgres', url: serverUrl })} ${await setting('server_version')}` +
      ` (fsync ${await setting('fsync')}, synchronous_commit on for these sessions)`,
  )
  await client.end()
}
console.log(`Log: ${LOG_SIZE.toLocaleString('en')} entries, ${PEOPLE} people, ${CLIENTS} clients, 64 writers`)

try {
  const results = await main()
  console.log(JSON.stringify({ bench: 'audit', results }))
} finally {
  if (serverUrl !== undefined) {
    for (const name of ['append', 'log'])
      await admin(`drop database if exists ${databaseName}_${name} with (force)`)
  }
  await rm(dir, { recursive: true, force: true })
}
