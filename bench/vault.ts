/**
 * bench:vault — the vault over its unix socket, as a separate process, with durable audit:
 * register and match throughput and p50/p99 latency at 64 requests in flight for 10 s, on the
 * PostgreSQL server (MAMORI_BENCH_DATABASE_URL or MAMORI_TEST_DATABASE_URL) and on PGlite; a
 * merge of 10,000 documents (10 requests of 1,000 subjects); and a plain Fastify hello-world over
 * the same kind of socket as the reference. Synthetic numbers only. Targets (issue 4): ≥ 5,000
 * ops/s with p99 ≤ 10 ms on the server; merge of 10,000 ≤ 2 s.
 *
 *   ./node_modules/.bin/node bench/vault.ts
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { Agent, request } from 'node:http'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { withDatabaseName } from '@mamori/db'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import { createRecipientKeyPair, createVaultClient, sealNumberForVault } from '@mamori/vault-client'
import pg from 'pg'

const IN_FLIGHT = 64
const DURATION_MS = 10_000
const VAULT_MAIN = new URL('../packages/vault/src/main.ts', import.meta.url).pathname
const generator = createSyntheticGenerator('bench-vault')

type Load = { ops_per_s: number; p50_ms: number; p99_ms: number; errors: number }

/** `IN_FLIGHT` workers calling `op(i)` until the time is up. */
async function load(op: (i: number) => Promise<unknown>, durationMs = DURATION_MS): Promise<Load> {
  const latencies: number[] = []
  let next = 0
  let errors = 0
  const end = performance.now() + durationMs
  const start = performance.now()
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (performance.now() < end) {
        const i = next++
        const t = performance.now()
        try {
          await op(i)
          latencies.push(performance.now() - t)
        } catch {
          errors++
        }
      }
    }),
  )
  const seconds = (performance.now() - start) / 1000
  latencies.sort((a, b) => a - b)
  const at = (q: number) =>
    round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0)
  return { ops_per_s: Math.round(latencies.length / seconds), p50_ms: at(0.5), p99_ms: at(0.99), errors }
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

async function startVaultProcess(dataDir: string, databaseUrl: string | undefined) {
  const child = spawn(process.execPath, [VAULT_MAIN], {
    env: {
      ...process.env,
      MAMORI_DATA_DIR: dataDir,
      MAMORI_VAULT_LOG_LEVEL: 'warn',
      ...(databaseUrl === undefined ? {} : { MAMORI_VAULT_DATABASE_URL: databaseUrl }),
      // The blast-radius limits would stop a load test at once: lifted for the bench only.
      MAMORI_VAULT_LIMIT_MATCH_ACTOR: '100000000',
      MAMORI_VAULT_LIMIT_MATCH_TENANT: '100000000',
      MAMORI_VAULT_LIMIT_MERGE_ACTOR: '100000000',
      MAMORI_VAULT_LIMIT_MERGE_TENANT: '100000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('unix:')) resolve()
    })
    child.on('exit', (code) => reject(new Error(`vault exited with ${code}`)))
  })
  const token = (await readFile(join(dataDir, 'keys', 'vault-service.token'), 'utf8')).trim()
  return {
    socketPath: join(dataDir, 'run', 'vault.sock'),
    token,
    stop: async () => {
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    },
  }
}

async function benchVault(label: string, databaseUrl: string | undefined): Promise<Record<string, number>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mamori-bench-vault-'))
  const vault = await startVaultProcess(dataDir, databaseUrl)
  const client = createVaultClient({
    transport: 'socket',
    socketPath: vault.socketPath,
    serviceToken: vault.token,
  })
  try {
    const { keyId, publicKey } = await client.publicKey()
    const tenantId = randomUUID()
    const clientId = randomUUID()
    const actorId = randomUUID()
    const context = (subjectId: string) => ({
      actorId,
      tenantId,
      clientId,
      subjectId,
      purpose: 'SOCIAL_INSURANCE_FILING',
      requestId: randomUUID(),
    })
    const identityCheck = {
      numberCheck: 'MY_NUMBER_CARD' as const,
      identityCheck: 'MY_NUMBER_CARD' as const,
      checkedBy: actorId,
      checkedAt: '2026-04-01T10:00:00+09:00',
    }
    // Sealing is the device's work: done before the clock starts, so the bench measures the vault.
    const prepared = 12_000
    process.stdout.write(`  [${label}] sealing ${prepared} numbers on the "devices"…\n`)
    const subjects: {
      subjectId: string
      number: string
      sealed: Awaited<ReturnType<typeof sealNumberForVault>>
    }[] = []
    for (let i = 0; i < prepared; i++) {
      const subjectId = randomUUID()
      const number = generator.myNumber()
      subjects.push({
        subjectId,
        number,
        sealed: await sealNumberForVault(publicKey, keyId, number, context(subjectId)),
      })
    }
    process.stdout.write(`  [${label}] register: ${IN_FLIGHT} in flight for ${DURATION_MS / 1000} s…\n`)
    const registered: typeof subjects = []
    let taken = 0
    const registerNext = async () => {
      const s = subjects[taken++]
      if (s === undefined) throw new Error('out of prepared numbers')
      await client.register({ context: context(s.subjectId), sealed: s.sealed, identityCheck })
      registered.push(s)
    }
    const register = await load(registerNext)
    // The merge needs 10,000 numbers on file: top up, untimed, if the timed phase registered fewer.
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (registered.length < 10_000 && taken < subjects.length) await registerNext().catch(() => {})
      }),
    )
    const pool = registered.slice(0, 2000)
    process.stdout.write(`  [${label}] match: ${IN_FLIGHT} in flight for ${DURATION_MS / 1000} s…\n`)
    const match = await load((i) => {
      const s = pool[i % pool.length] as (typeof pool)[number]
      return client.match({ context: context(s.subjectId), candidate: s.sealed })
    })
    process.stdout.write(`  [${label}] merge of 10,000 documents…\n`)
    const device = await createRecipientKeyPair()
    const mergeStart = performance.now()
    for (let batch = 0; batch < 10; batch++) {
      const group = registered.slice(batch * 1000, batch * 1000 + 1000)
      if (group.length < 1000)
        throw new Error(`only ${registered.length} numbers registered; merge needs 10,000`)
      const { subjectId: _, ...mergeContext } = context(randomUUID())
      await client.merge({
        context: mergeContext,
        documentType: 'NENKIN_2200700_ACQUISITION',
        template: group.map((s) => `2200700,${s.subjectId},{{MY_NUMBER:${s.subjectId}}}`).join('\n'),
        subjects: group.map((s) => ({ subjectId: s.subjectId, isEmployee70OrOver: false })),
        recipientPublicKey: device.publicKey,
      })
    }
    const mergeSeconds = (performance.now() - mergeStart) / 1000
    const prefix = label
    return {
      [`${prefix}_register_ops_per_s`]: register.ops_per_s,
      [`${prefix}_register_p50_ms`]: register.p50_ms,
      [`${prefix}_register_p99_ms`]: register.p99_ms,
      [`${prefix}_match_ops_per_s`]: match.ops_per_s,
      [`${prefix}_match_p50_ms`]: match.p50_ms,
      [`${prefix}_match_p99_ms`]: match.p99_ms,
      [`${prefix}_merge_10000_s`]: round(mergeSeconds),
      [`${prefix}_errors_ratio`]: round(
        (register.errors + match.errors) / Math.max(1, register.ops_per_s + match.ops_per_s),
      ),
    }
  } finally {
    client.close()
    await vault.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

/** Plain Fastify answering {"hello":"world"} on a unix socket in its own process: the ceiling. */
async function benchHelloWorld(): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'mamori-bench-hello-'))
  const socketPath = join(dir, 'hello.sock')
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import Fastify from 'fastify'; const app = Fastify(); app.get('/', async () => ({ hello: 'world' })); await app.listen({ path: ${JSON.stringify(socketPath)} }); console.log('ready')`,
    ],
    { cwd: new URL('../packages/vault/', import.meta.url).pathname, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT })
  const get = () =>
    new Promise<void>((resolve, reject) => {
      const req = request({ socketPath, path: '/', agent }, (res) => {
        res.resume()
        res.on('end', resolve)
      })
      req.on('error', reject)
      req.end()
    })
  const result = await load(get, 5000)
  agent.destroy()
  child.kill('SIGTERM')
  await rm(dir, { recursive: true, force: true })
  return result.ops_per_s
}

async function fsyncOf(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ fsync: string; synchronous_commit: string }>(
      "select current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit",
    )
    return `fsync=${rows[0]?.fsync}, synchronous_commit=${rows[0]?.synchronous_commit}`
  } finally {
    await client.end()
  }
}

const cpu = cpus()
console.log(
  `machine: ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}`,
)
const results: Record<string, number> = {}
results.fastify_hello_world_per_s = await benchHelloWorld()
console.log(`fastify hello world over a unix socket: ${results.fastify_hello_world_per_s} req/s`)

const adminUrl = process.env.MAMORI_BENCH_DATABASE_URL || process.env.MAMORI_TEST_DATABASE_URL
if (adminUrl) {
  const name = `mamori_bench_vault_${process.pid}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  try {
    const url = withDatabaseName(adminUrl, name)
    console.log(
      `database: PostgreSQL server (${await fsyncOf(url)}${(await fsyncOf(url)).includes('fsync=off') ? '; a throwaway test cluster: commits are not flushed to disk, figures are optimistic' : ''})`,
    )
    Object.assign(results, await benchVault('postgres', url))
  } finally {
    await sleep(200)
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.end()
  }
} else {
  console.log(
    'database: PostgreSQL server skipped (set MAMORI_BENCH_DATABASE_URL or MAMORI_TEST_DATABASE_URL)',
  )
}
console.log('database: PGlite (embedded, in the vault process, data in a temporary directory)')
Object.assign(results, await benchVault('pglite', undefined))
console.log(JSON.stringify({ bench: 'vault', results }))
