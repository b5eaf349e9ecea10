import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestContext } from 'node:test'
import { fileURLToPath } from 'node:url'
import {
  buildApp,
  ensureLocalSecret,
  loadServerConfig,
  openAppDatabase,
  SERVER_VERSION,
} from '@mamori/server'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { ServerAuditLog } from '../../packages/server/src/audit/server-audit-log.ts'
import { openServerAuditLog } from '../../packages/server/src/audit/server-audit-log.ts'
import type { SignedInUser, SignInAsOptions } from '../../packages/server/src/auth/testing.ts'
import { signInAs } from '../../packages/server/src/auth/testing.ts'
import type { VaultAccess } from '../../packages/server/src/my-number/vault-connection.ts'
import {
  buildClientBody,
  buildDependentBody,
  employeeBody,
  syntheticGenerator,
} from '../../packages/server/src/people/factories.ts'

/** The page as `npm test` builds it before the tests (pretest). */
const WEB_ROOT = fileURLToPath(new URL('../../packages/web/dist/', import.meta.url))

/** The server's clock: real time, plus what a test moved it forward (to let the re-authentication window lapse). */
export type TestClock = { now(): Date; advance(ms: number): void }

function testClock(): TestClock {
  let offsetMs = 0
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance: (ms) => {
      offsetMs += ms
    },
  }
}

export type OfficeServer = {
  url: string
  /** The server's audit log; `integrate()` sequences what is queued, as its background sequencer does. */
  audit: ServerAuditLog
  clock: TestClock
  app: FastifyInstance
  db: Kysely<unknown>
  /** A user of the office, signed in through the real routes, with a known TOTP secret. */
  addUser(options: Omit<SignInAsOptions, 'officeId'>): Promise<SignedInUser>
  admin: SignedInUser
  officeId: string
}

/**
 * The real app (buildApp) on the built page, on a PGlite database in a temp dir with its audit log,
 * listening on a free port; closed and removed when the test ends. Unlike startServer it keeps the
 * database in hand, so the test can make the office's first administrator the way the server's own
 * tests do (packages/server/src/auth/testing.ts): there is no sign-up screen for one.
 */
export async function startOfficeServer(
  t: TestContext,
  options: {
    /** The My Number vault (startTestVault); without it the relay answers VAULT_UNAVAILABLE. */
    vault?: VaultAccess
  } = {},
): Promise<OfficeServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mamori-e2e-'))
  const config = loadServerConfig(
    { MAMORI_DATA_DIR: dataDir, MAMORI_PORT: '0', MAMORI_LOG_LEVEL: 'silent' },
    dataDir,
  )
  const clock = testClock()
  const sessionKey = await ensureLocalSecret(config.paths.keys, 'session')
  const database = await openAppDatabase(config)
  const audit = await openServerAuditLog(database.db, config.paths)
  const app = await buildApp({
    db: database.db,
    databaseKind: 'pglite',
    version: SERVER_VERSION,
    sessionKey: sessionKey.secret,
    webRoot: WEB_ROOT,
    audit,
    now: clock.now,
    ...(options.vault === undefined ? {} : { vault: options.vault }),
  })
  // One hook, in this order: node:test runs after-hooks in the order they were added, and the
  // audit sequencer may still be writing to the database in dataDir until audit.close().
  t.after(async () => {
    await app.close()
    await audit.close()
    await database.close()
    await rm(dataDir, { recursive: true, force: true })
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address')
  const admin = await signInAs(app, database.db, { role: 'office_admin', now: clock.now })
  return {
    url: `http://127.0.0.1:${address.port}`,
    clock,
    audit,
    app,
    db: database.db,
    admin,
    officeId: admin.officeId,
    addUser: (options) =>
      signInAs(app, database.db, { ...options, officeId: admin.officeId, now: clock.now }),
  }
}

export type SeededClient = {
  id: string
  name: string
  employees: Array<{ id: string; familyName: string; givenName: string; familyNameKana: string }>
}

/**
 * Synthetic clients and employees (packages/rules generator, never real people) made through the
 * API as the administrator, so every row went through the same validation and audit as the page's.
 */
export async function seedClients(
  server: OfficeServer,
  options: { seed: string; employeesPerClient: readonly number[] },
): Promise<SeededClient[]> {
  const generator = syntheticGenerator(options.seed)
  const post = async <T>(url: string, payload: object): Promise<T> => {
    const response = await server.app.inject({ method: 'POST', url, headers: server.admin.headers, payload })
    if (response.statusCode !== 201) throw new Error(`seed ${url}: ${response.statusCode} ${response.body}`)
    return response.json<T>()
  }
  const seeded: SeededClient[] = []
  for (const employeeCount of options.employeesPerClient) {
    const client = await post<{ id: string; name: string }>('/api/clients', buildClientBody(generator))
    const employees: SeededClient['employees'] = []
    for (let e = 0; e < employeeCount; e++) {
      const person = generator.employee()
      const body = employeeBody(person, { employeeNumber: `E${String(e + 1).padStart(4, '0')}` })
      const created = await post<{ id: string }>(`/api/clients/${client.id}/employees`, body)
      if (e === 0) {
        await post(
          `/api/clients/${client.id}/employees/${created.id}/dependents`,
          buildDependentBody(generator, person),
        )
        await post(`/api/clients/${client.id}/employees/${created.id}/versions`, {
          validFrom: laterDate(person.hireDate),
          reason: 'address_change',
          address: `${person.address}（転居後）`,
        })
      }
      employees.push({
        id: created.id,
        familyName: person.familyName,
        givenName: person.givenName,
        familyNameKana: person.familyNameKana,
      })
    }
    seeded.push({ id: client.id, name: client.name, employees })
  }
  return seeded
}

/** A day a year after the hire date, so the history has a second version. */
function laterDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-')
  return `${Number(year) + 1}-${month}-${day === '29' && month === '02' ? '28' : day}`
}
