import assert from 'node:assert/strict'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Database } from '@mamori/db'
import { openDatabase } from '@mamori/db'
import { buildApp, ensureLocalSecret, lockDataDir, SERVER_VERSION } from '@mamori/server'
import { sql } from 'kysely'
import { Secret, TOTP } from 'otpauth'
import { headersOf } from '../../../server/src/auth/testing.ts'
import { run } from '../run-for-test.ts'
import { demoOfficeData } from './demo-office.ts'

let dir: string
let env: Record<string, string>
let first: Awaited<ReturnType<typeof run>>

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mamori-demo-'))
  env = { MAMORI_DATA_DIR: dir, MAMORI_PORT: '8181' }
  first = await run(['demo'], env)
})
after(() => rm(dir, { recursive: true, force: true }))

/** The app database of the data directory, opened while no command holds it. */
async function withAppDatabase<T>(work: (database: Database<unknown>) => Promise<T>): Promise<T> {
  const database = await openDatabase<unknown>({ kind: 'pglite', dataDir: join(dir, 'app', 'pgdata') })
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}

type Counts = { offices: number; clients: number; employees: number; dependents: number; registered: number }

async function counts(): Promise<Counts> {
  return withAppDatabase(async ({ db }) => {
    const { rows } = await sql<Counts>`
      select (select count(*) from offices)::int as offices,
             (select count(*) from clients)::int as clients,
             (select count(*) from employees)::int as employees,
             (select count(*) from dependents)::int as dependents,
             (select count(*) from my_number_statuses where status = 'registered')::int as registered`.execute(
      db,
    )
    return rows[0]!
  })
}

function printed(label: RegExp): string {
  const value = label.exec(first.out)?.[1]
  assert.ok(value !== undefined, `the demo printed no ${label}`)
  return value
}

test('mamori demo seeds 3 clients, 300 employees and their dependents, and prints the way in', async () => {
  assert.equal(first.code, 0, first.err)
  const expectedDependents = demoOfficeData().clients.reduce(
    (sum, c) => sum + c.employees.reduce((n, e) => n + e.dependents.length, 0),
    0,
  )
  assert.ok(expectedDependents > 0)
  assert.deepEqual(await counts(), {
    offices: 1,
    clients: 3,
    employees: 300,
    dependents: expectedDependents,
    registered: 300 + expectedDependents,
  })
  assert.match(first.out, new RegExp(`個人番号: ${300 + expectedDependents}件を金庫に登録`))
  assert.match(first.out, /顧問先（事業所）: 3件/)
  assert.match(first.out, new RegExp(`社員: 300人、被扶養者: ${expectedDependents}人`))
  assert.match(first.out, /http:\/\/127\.0\.0\.1:8181\//)
  assert.match(printed(/otpauth URI: (otpauth:\S+)/), /^otpauth:\/\/totp\/Mamori:demo-admin\?/)
})

/** Every file under `root`, recursively. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

test('no demo My Number is in plaintext anywhere: not in stdout or stderr, nor in any file of the data directory (both databases, logs, keys)', async () => {
  const numbers = new Set(
    demoOfficeData().clients.flatMap((c) =>
      c.employees.flatMap((e) => [e.myNumber, ...e.dependents.map((d) => d.myNumber)]),
    ),
  )
  const leaked = (text: string) => [...text.matchAll(/\d{12}/g)].filter((m) => numbers.has(m[0])).length
  assert.equal(leaked(first.out), 0)
  assert.equal(leaked(first.err), 0)
  const files = await filesUnder(dir)
  assert.ok(
    files.some((f) => f.includes(join('vault', 'pgdata'))),
    'the vault kept its database here',
  )
  assert.ok(files.some((f) => f.includes(join('app', 'pgdata'))))
  for (const file of files) assert.equal(leaked((await readFile(file)).toString('latin1')), 0, file)
})

test('the administrator signs in with the printed password and a code from the printed TOTP secret', async () => {
  const loginId = printed(/ログインID（login id）: (\S+)/)
  const password = printed(/パスワード（password）: (\S+)/)
  const secret = printed(/TOTP の秘密鍵（secret for an authenticator app）: ([A-Z2-7]+)/)
  const sessionKey = await ensureLocalSecret(join(dir, 'keys'), 'session')
  await withAppDatabase(async ({ db }) => {
    const app = await buildApp({
      db,
      databaseKind: 'pglite',
      version: SERVER_VERSION,
      sessionKey: sessionKey.secret,
    })
    try {
      const step = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { loginId, password },
      })
      assert.equal(step.statusCode, 200, step.body)
      const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate()
      const signedIn = await app.inject({
        method: 'POST',
        url: '/api/auth/totp',
        headers: headersOf(step),
        payload: { code },
      })
      assert.equal(signedIn.statusCode, 200, signedIn.body)
      const clients = await app.inject({ method: 'GET', url: '/api/clients', headers: headersOf(signedIn) })
      assert.equal(clients.statusCode, 200, clients.body)
      assert.equal(clients.json<{ items: unknown[] }>().items.length, 3)
    } finally {
      await app.close()
    }
  })
})

test('a second mamori demo says the demo office exists, exits 0 and adds nothing', async () => {
  const before = await counts()
  const second = await run(['demo'], env)
  assert.equal(second.code, 0, second.err)
  assert.match(second.out, /デモ事務所はすでに作成済みです。何も変更していません/)
  assert.doesNotMatch(second.out, /パスワード（password）/)
  assert.deepEqual(await counts(), before)
})

test('mamori demo refuses while another process holds the data directory', async () => {
  const lock = await lockDataDir(dir)
  try {
    const refused = await run(['demo'], env)
    assert.equal(refused.code, 1)
    assert.match(refused.err, /\[DATA_DIR_IN_USE\].*使用中です/)
  } finally {
    await lock.release()
  }
})
