/**
 * bench:vault — the vault over its unix socket, as a separate process, with durable audit:
 * register and match throughput and p50/p99 latency at 64 requests in flight for 10 s, and a
 * merge of 10,000 documents (10 requests of 1,000 subjects), on
 *   pg_      the PostgreSQL server of MAMORI_BENCH_DATABASE_URL or MAMORI_TEST_DATABASE_URL, as it
 *            is configured (`pg_fsync_on` says whether it flushes; the test cluster does not),
 *   pgfsync_ a PostgreSQL cluster this bench starts with fsync=on and synchronous_commit=on (when
 *            a PostgreSQL server is installed): every commit waits for the disk,
 *   pglite_  PGlite, in the vault process;
 * and a plain Fastify hello-world over the same kind of socket as the reference. `_cpu_per_op_ms`
 * is the vault process's own CPU time per request (`_main_thread_cpu_per_op_ms` its main thread's,
 * without the crypto workers; `_client_cpu_per_op_ms` this bench's own): unlike the rates, it moves
 * less when other work loads the machine. Synthetic numbers only. Targets (issue 4): ≥ 5,000
 * ops/s with p99 ≤ 10 ms on the server; merge of 10,000 ≤ 2 s. With 64 requests always in flight
 * the mean latency is 64 / rate (Little's law), so p99 ≤ 10 ms needs well over 6,400 ops/s.
 *
 *   ./node_modules/.bin/node bench/vault.ts
 *   MAMORI_BENCH_VAULT_PROFILE_DIR=/tmp/prof …   writes the vault's --cpu-prof profiles there
 *   MAMORI_BENCH_VAULT_ONLY=pg,pglite …          runs only those variants
 */
import { execFileSync, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises'
import { Agent, request } from 'node:http'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { withDatabaseName } from '@mamori/db'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import { createRecipientKeyPair, createVaultClient } from '@mamori/vault-client'
import pg from 'pg'
import {
  fromBase64Url,
  numberSealInfo,
  toBase64Url,
  VAULT_HPKE_SUITE,
} from '../packages/vault/src/contract/hpke-seal.ts'
import { hpkeBaseSeal } from '../packages/vault/src/crypto/hpke-base.ts'

const IN_FLIGHT = 64
const DURATION_MS = 10_000
/** Numbers sealed ahead of the register phase; it ends early if the vault registers them all. */
const PREPARED = 12_000
const VAULT_MAIN = new URL('../packages/vault/src/main.ts', import.meta.url).pathname
const PROFILE_DIR = process.env.MAMORI_BENCH_VAULT_PROFILE_DIR
const ONLY = process.env.MAMORI_BENCH_VAULT_ONLY?.split(',').map((s) => s.trim())
const generator = createSyntheticGenerator('bench-vault')

type Load = { ops: number; ops_per_s: number; p50_ms: number; p99_ms: number; errors: number }

/** `IN_FLIGHT` workers calling `op(i)` until the time is up or `op` says there is no more work. */
async function load(op: (i: number) => Promise<unknown> | 'done', durationMs = DURATION_MS): Promise<Load> {
  const latencies: number[] = []
  let next = 0
  let errors = 0
  let done = false
  const end = performance.now() + durationMs
  const start = performance.now()
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (!done && performance.now() < end) {
        const t = performance.now()
        const call = op(next++)
        if (call === 'done') {
          done = true
          break
        }
        try {
          await call
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
  return {
    ops: latencies.length,
    ops_per_s: Math.round(latencies.length / seconds),
    p50_ms: at(0.5),
    p99_ms: at(0.99),
    errors,
  }
}

/** The 1-minute load average: the machine is shared, and the rates move with it. */
function load1(): number {
  return round(loadavg()[0] ?? 0)
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}

/**
 * User + system CPU time so far, in ms (clock ticks of 10 ms): of the whole process
 * (/proc/PID/stat), and of its main thread alone (/proc/PID/task/PID/stat), whose thread id is the
 * process id; the rest is the vault's crypto workers and Node's own threads.
 */
function cpuMs(pid: number): { process: number; main: number } {
  const ticks = (path: string) => {
    const fields = readFileSync(path, 'utf8').split(') ')[1]?.split(' ') ?? []
    return (Number(fields[11]) + Number(fields[12])) * 10
  }
  return { process: ticks(`/proc/${pid}/stat`), main: ticks(`/proc/${pid}/task/${pid}/stat`) }
}

/** This bench's own CPU ms (the client's: sending, validating, receiving) per op since `before`. */
function clientCpuPerOp(before: NodeJS.CpuUsage, ops: number): number {
  const used = process.cpuUsage(before)
  return Math.round(((used.user + used.system) / 1000 / Math.max(1, ops)) * 1000) / 1000
}

/** CPU ms per op since `before`, of the process and of its main thread. */
function cpuPerOp(pid: number, before: { process: number; main: number }, ops: number) {
  const now = cpuMs(pid)
  const per = (ms: number) => Math.round((ms / Math.max(1, ops)) * 1000) / 1000
  return { process: per(now.process - before.process), main: per(now.main - before.main) }
}

/**
 * What a device does before anything leaves it: HPKE-seal the number to the vault's key, bound
 * to tenant, subject and purpose. Untimed. On node:crypto (the vault's hpke-base.ts, which
 * hpke-base.test.ts shows makes the bytes @hpke/core makes and opens), to keep the bench short.
 */
function sealOnDevice(
  publicKey: string,
  keyId: string,
  number: string,
  binding: { tenantId: string; subjectId: string; purpose: string },
) {
  const { enc, ciphertext } = hpkeBaseSeal(VAULT_HPKE_SUITE, fromBase64Url(publicKey) as Uint8Array, {
    plaintext: new TextEncoder().encode(number),
    info: numberSealInfo(keyId, binding),
  })
  return { keyId, enc: toBase64Url(enc), ciphertext: toBase64Url(ciphertext) }
}

async function startVaultProcess(dataDir: string, databaseUrl: string | undefined) {
  const child = spawn(
    process.execPath,
    [...(PROFILE_DIR === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`]), VAULT_MAIN],
    {
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
    },
  )
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('unix:')) resolve()
    })
    child.on('exit', (code) => reject(new Error(`vault exited with ${code}`)))
  })
  const token = (await readFile(join(dataDir, 'keys', 'vault-service.token'), 'utf8')).trim()
  return {
    pid: child.pid as number,
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
    const subjects = Array.from({ length: PREPARED }, () => {
      const subjectId = randomUUID()
      const binding = { tenantId, subjectId, purpose: 'SOCIAL_INSURANCE_FILING' }
      return { subjectId, sealed: sealOnDevice(publicKey, keyId, generator.myNumber(), binding) }
    })
    const registered: typeof subjects = []
    const registerOne = (s: (typeof subjects)[number]) =>
      client.register({ context: context(s.subjectId), sealed: s.sealed, identityCheck }).then(() => {
        registered.push(s)
      })
    let cpu = cpuMs(vault.pid)
    let clientCpu = process.cpuUsage()
    const register = await load((i) => {
      const s = subjects[i]
      return s === undefined ? 'done' : registerOne(s)
    })
    const registerCpu = cpuPerOp(vault.pid, cpu, register.ops)
    const registerClientCpu = clientCpuPerOp(clientCpu, register.ops)
    process.stdout.write(
      `  [${label}] register: ${register.ops} ops at ${IN_FLIGHT} in flight, ${register.ops_per_s}/s, p50 ${register.p50_ms} ms, p99 ${register.p99_ms} ms, ${register.errors} errors; vault CPU ${registerCpu.process} ms/op (main thread ${registerCpu.main}), client ${registerClientCpu}; load ${load1()}\n`,
    )
    // The merge needs 10,000 numbers on file: top up, untimed, if the timed phase registered fewer.
    let taken = register.ops + register.errors
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (registered.length < 10_000 && taken < subjects.length)
          await registerOne(subjects[taken++] as (typeof subjects)[number]).catch(() => {})
      }),
    )
    const pool = registered.slice(0, 2000)
    cpu = cpuMs(vault.pid)
    clientCpu = process.cpuUsage()
    const match = await load((i) => {
      const s = pool[i % pool.length] as (typeof pool)[number]
      return client.match({ context: context(s.subjectId), candidate: s.sealed })
    })
    const matchCpu = cpuPerOp(vault.pid, cpu, match.ops)
    const matchClientCpu = clientCpuPerOp(clientCpu, match.ops)
    process.stdout.write(
      `  [${label}] match: ${match.ops_per_s}/s, p50 ${match.p50_ms} ms, p99 ${match.p99_ms} ms, ${match.errors} errors; vault CPU ${matchCpu.process} ms/op (main thread ${matchCpu.main}), client ${matchClientCpu}; load ${load1()}\n`,
    )
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
    process.stdout.write(`  [${label}] merge of 10,000: ${round(mergeSeconds)} s\n`)
    return {
      [`${label}_register_per_s`]: register.ops_per_s,
      [`${label}_register_p50_ms`]: register.p50_ms,
      [`${label}_register_p99_ms`]: register.p99_ms,
      [`${label}_register_cpu_per_op_ms`]: registerCpu.process,
      [`${label}_register_main_thread_cpu_per_op_ms`]: registerCpu.main,
      [`${label}_register_client_cpu_per_op_ms`]: registerClientCpu,
      [`${label}_match_per_s`]: match.ops_per_s,
      [`${label}_match_p50_ms`]: match.p50_ms,
      [`${label}_match_p99_ms`]: match.p99_ms,
      [`${label}_match_cpu_per_op_ms`]: matchCpu.process,
      [`${label}_match_main_thread_cpu_per_op_ms`]: matchCpu.main,
      [`${label}_match_client_cpu_per_op_ms`]: matchClientCpu,
      [`${label}_merge_10k_s`]: round(mergeSeconds),
      [`${label}_errors_ratio`]: round(
        (register.errors + match.errors) /
          Math.max(1, register.ops + match.ops + register.errors + match.errors),
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

async function durability(url: string): Promise<{ fsync: boolean; synchronousCommit: boolean }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ fsync: string; synchronous_commit: string }>(
      "select current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit",
    )
    return { fsync: rows[0]?.fsync === 'on', synchronousCommit: rows[0]?.synchronous_commit !== 'off' }
  } finally {
    await client.end()
  }
}

/** Runs the variant on a fresh database of the server at `adminUrl`, dropped afterwards. */
async function onServer(label: string, adminUrl: string): Promise<Record<string, number>> {
  const name = `mamori_bench_vault_${process.pid}_${label}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  try {
    const url = withDatabaseName(adminUrl, name)
    const { fsync, synchronousCommit } = await durability(url)
    console.log(
      `database [${label}]: PostgreSQL server, fsync=${fsync ? 'on' : 'off'}, synchronous_commit=${synchronousCommit ? 'on' : 'off'}${fsync && synchronousCommit ? '' : ' (commits are not flushed to disk: figures are optimistic)'}`,
    )
    return {
      ...(await benchVault(label, url)),
      [`${label}_fsync_on`]: fsync ? 1 : 0,
      [`${label}_synchronous_commit_on`]: synchronousCommit ? 1 : 0,
    }
  } finally {
    await sleep(200)
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.end()
  }
}

/**
 * A PostgreSQL cluster of our own on a unix socket with fsync and synchronous_commit on (the
 * test cluster runs with both off), or undefined when no server is installed.
 */
async function startDurableCluster(): Promise<{ url: string; stop: () => Promise<void> } | undefined> {
  const root = '/usr/lib/postgresql'
  const version = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(a) - Number(b))
        .at(-1)
    : undefined
  if (version === undefined) return undefined
  const bin = join(root, version, 'bin')
  const dir = await mkdtemp(join(tmpdir(), 'mamori-bench-pg-'))
  // PostgreSQL refuses to run as root: root runs it as the postgres system user.
  const asOwner = (command: string, args: string[]) =>
    process.getuid?.() === 0
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], { stdio: 'ignore' })
      : execFileSync(join(bin, command), args, { stdio: 'ignore' })
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString())
    await chown(dir, uid, gid)
  }
  const data = join(dir, 'data')
  asOwner('initdb', ['-D', data, '-A', 'trust', '-U', 'mamori_bench', '-E', 'UTF8', '--locale=C.UTF-8'])
  const port = 20000 + Math.floor(Math.random() * 20000)
  asOwner('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    'start',
    '-o',
    `-c listen_addresses='' -c unix_socket_directories='${dir}' -p ${port} -c fsync=on -c synchronous_commit=on -c max_connections=100`,
  ])
  return {
    url: `postgresql://mamori_bench@localhost/postgres?host=${dir}&port=${port}`,
    stop: async () => {
      asOwner('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
      await rm(dir, { recursive: true, force: true })
    },
  }
}

const runs = (label: string) => ONLY === undefined || ONLY.includes(label)
const cpu = cpus()
console.log(
  `machine: ${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${process.platform}`,
)
const results: Record<string, number> = {}
results.hello_world_per_s = await benchHelloWorld()
console.log(`fastify hello world over a unix socket: ${results.hello_world_per_s} req/s`)

const adminUrl = process.env.MAMORI_BENCH_DATABASE_URL || process.env.MAMORI_TEST_DATABASE_URL
if (runs('pg')) {
  if (adminUrl) Object.assign(results, await onServer('pg', adminUrl))
  else console.log('database [pg]: skipped (set MAMORI_BENCH_DATABASE_URL or MAMORI_TEST_DATABASE_URL)')
}
if (runs('pgfsync')) {
  const cluster = await startDurableCluster()
  if (cluster === undefined) console.log('database [pgfsync]: skipped (no PostgreSQL server installed)')
  else {
    try {
      Object.assign(results, await onServer('pgfsync', cluster.url))
    } finally {
      await cluster.stop()
    }
  }
}
if (runs('pglite')) {
  console.log('database [pglite]: PGlite (embedded, in the vault process, data in a temporary directory)')
  Object.assign(results, await benchVault('pglite', undefined))
}
console.log(JSON.stringify({ bench: 'vault', results }))
