import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { decodeEntry } from '@mamori/audit/entry-encoding.ts'
import { describeOnEachDatabase } from '@mamori/db/testing'
import { createRecipientKeyPair, openSealedFromVault, sealNumberForVault } from '@mamori/vault-client'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { declaredRoutes } from '../access/access-hook.ts'
import { buildApp } from '../app.ts'
import { openServerAuditLog } from '../audit/server-audit-log.ts'
import type { SignedInUser } from '../auth/testing.ts'
import { signInAs } from '../auth/testing.ts'
import type { ServerTables } from '../db/tables.ts'
import { APP_DATABASE_MIGRATIONS, SERVER_VERSION } from '../main.ts'
import {
  buildClientBody,
  buildDependentBody,
  buildEmployeeBody,
  syntheticGenerator,
} from '../people/factories.ts'
import type { Call } from '../people/test-app.ts'
import { auditCount, callerFor } from '../people/test-app.ts'
import type { TestVault } from './testing.ts'
import { startTestVault } from './testing.ts'

/** Ids are UUIDs, whose last group is 12 digits about once in 280: taken out before looking. */
function outsideIds(text: string): string {
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
}

const PURPOSE = 'SOCIAL_INSURANCE_FILING'
const CHECKED = { numberCheck: 'MY_NUMBER_CARD', identityCheck: 'MY_NUMBER_CARD' }

/** A number with its check digit changed: well-formed, but not a valid My Number. */
function withWrongCheckDigit(number: string): string {
  return number.slice(0, 11) + String((Number(number[11]) + 1) % 10)
}

// One vault for both databases' suites: it starts in seconds, not milliseconds (its own PGlite).
let vaultDir: string
let vault: TestVault
before(async () => {
  vaultDir = await mkdtemp(join(tmpdir(), 'mamori-relay-vault-'))
  vault = await startTestVault(vaultDir)
})
after(async () => {
  await vault?.stop()
  await rm(vaultDir, { recursive: true, force: true })
})

describeOnEachDatabase('My Number relay', [...APP_DATABASE_MIGRATIONS], ({ db, backend }) => {
  const generator = syntheticGenerator(`my-number-relay-${backend}`)
  let app: FastifyInstance
  let admin: SignedInUser
  let staff: SignedInUser
  let asAdmin: Call
  let asStaff: Call
  let clientId: string
  let publicKey: { keyId: string; publicKey: string }

  const seal = (number: string, subjectId: string, tenantId = admin.officeId) =>
    sealNumberForVault(publicKey.publicKey, publicKey.keyId, number, {
      tenantId,
      subjectId,
      purpose: PURPOSE,
    })

  async function newEmployee(): Promise<string> {
    const response = await asAdmin('POST', `/api/clients/${clientId}/employees`, buildEmployeeBody(generator))
    assert.equal(response.statusCode, 201, response.body)
    return response.json().id
  }

  before(async () => {
    app = await buildApp({
      db: db(),
      databaseKind: backend,
      version: SERVER_VERSION,
      sessionKey: randomBytes(32),
      vault: vault.access,
    })
    admin = await signInAs(app, db(), { role: 'office_admin' })
    asAdmin = callerFor(app, admin)
    const client = await asAdmin('POST', '/api/clients', buildClientBody(generator))
    clientId = client.json().id
    staff = await signInAs(app, db(), {
      role: 'office_staff',
      officeId: admin.officeId,
      clientIds: [clientId],
    })
    asStaff = callerFor(app, staff)
    const key = await asAdmin('GET', '/api/vault/public-key')
    assert.equal(key.statusCode, 200, key.body)
    publicKey = key.json()
  })
  after(async () => {
    await app?.close()
  })

  test('a number sealed on the device is registered through the server; status and the mirror say so', async () => {
    const employeeId = await newEmployee()
    const number = generator.myNumber()
    const url = `/api/clients/${clientId}/employees/${employeeId}/my-number`
    const put = await asStaff('PUT', url, {
      purpose: PURPOSE,
      sealed: await seal(number, employeeId),
      identityCheck: CHECKED,
    })
    assert.equal(put.statusCode, 200, put.body)
    const status = await asStaff('GET', url)
    assert.equal(status.statusCode, 200, status.body)
    assert.equal(status.json().registered, true)
    assert.equal(status.json().identityCheck.numberCheck, 'MY_NUMBER_CARD')
    const employee = await asStaff('GET', `/api/clients/${clientId}/employees/${employeeId}`)
    assert.match(JSON.stringify(employee.json()), /registered/)
    assert.doesNotMatch(outsideIds(put.body + status.body + employee.body), /[0-9]{12}/)
    const again = await asStaff('PUT', url, {
      purpose: PURPOSE,
      sealed: await seal(number, employeeId),
      identityCheck: CHECKED,
    })
    assert.equal(again.statusCode, 409)
    assert.equal(again.json().code, 'MY_NUMBER_ALREADY_REGISTERED')
  })

  test('refusals of the vault come back as the server codes with Japanese messages, and are audited as denied', async () => {
    const employeeId = await newEmployee()
    const url = `/api/clients/${clientId}/employees/${employeeId}/my-number`
    const wrong = await asStaff('PUT', url, {
      purpose: PURPOSE,
      sealed: await seal(withWrongCheckDigit(generator.myNumber()), employeeId),
      identityCheck: CHECKED,
    })
    assert.equal(wrong.statusCode, 422)
    assert.equal(wrong.json().code, 'MY_NUMBER_CHECK_DIGIT')
    assert.match(wrong.json().message, /個人番号が正しくありません/)
    const otherSubject = await asStaff('PUT', url, {
      purpose: PURPOSE,
      sealed: await seal(generator.myNumber(), crypto.randomUUID()),
      identityCheck: CHECKED,
    })
    assert.equal(otherSubject.statusCode, 422)
    assert.equal(otherSubject.json().code, 'MY_NUMBER_SEAL_INVALID')
    const { rows } = await sql<{ event: Uint8Array }>`select event from audit_queue order by id`.execute(db())
    const relayed = rows
      .map((row) => decodeEntry(new Uint8Array(row.event)))
      .filter((e) => e.subjectId === employeeId && e.type === 'MY_NUMBER_REGISTRATION_RELAYED')
    assert.deepEqual(
      relayed.map((e) => e.result),
      ['denied', 'denied'],
    )
  })

  test('the same number for a second person needs a second user: dual control through the relay', async () => {
    const first = await newEmployee()
    const second = await newEmployee()
    const number = generator.myNumber()
    const base = `/api/clients/${clientId}/employees`
    const register = async (call: Call, subject: string, approvedBy?: string) =>
      call('PUT', `${base}/${subject}/my-number`, {
        purpose: PURPOSE,
        sealed: await seal(number, subject),
        identityCheck: CHECKED,
        ...(approvedBy === undefined ? {} : { approvedBy }),
      })
    assert.equal((await register(asStaff, first)).statusCode, 200)
    const duplicate = await register(asStaff, second)
    assert.equal(duplicate.json().code, 'MY_NUMBER_DUPLICATE_NEEDS_APPROVAL')
    const selfApproval = await asStaff('POST', `${base}/${second}/my-number/approve`)
    assert.equal(selfApproval.json().code, 'MY_NUMBER_APPROVER_IS_REQUESTER')
    const approval = await asAdmin('POST', `${base}/${second}/my-number/approve`)
    assert.equal(approval.statusCode, 200, approval.body)
    const approved = await register(asStaff, second, admin.userId)
    assert.equal(approved.statusCode, 200, approved.body)
  })

  test('a dependent has its own number; a refusal is recorded with how it was asked', async () => {
    const employeeId = await newEmployee()
    const dependent = await asAdmin(
      'POST',
      `/api/clients/${clientId}/employees/${employeeId}/dependents`,
      buildDependentBody(generator, generator.employee(), { dependentFrom: '2021-01-01' }),
    )
    assert.equal(dependent.statusCode, 201, dependent.body)
    const url = `/api/clients/${clientId}/employees/${employeeId}/dependents/${dependent.json().id}/my-number`
    const refusal = await asStaff('POST', `${url}/refusal`, {
      requestedAt: '2026-04-01T10:00:00+09:00',
      method: 'IN_PERSON',
      answer: 'NOT_SUPPLIED',
    })
    assert.equal(refusal.statusCode, 200, refusal.body)
    const status = await asStaff('GET', url)
    assert.equal(status.json().registered, false)
    assert.equal(status.json().refusal.answer, 'NOT_SUPPLIED')
  })

  test('a reveal reaches only the page that made the one-time key, and never passes the server in plaintext', async () => {
    const employeeId = await newEmployee()
    const number = generator.myNumber()
    const url = `/api/clients/${clientId}/employees/${employeeId}/my-number`
    await asStaff('PUT', url, {
      purpose: PURPOSE,
      sealed: await seal(number, employeeId),
      identityCheck: CHECKED,
    })
    const reauth = await asAdmin('POST', '/api/auth/reauthenticate', {
      password: admin.password,
      code: admin.nextTotpCode(),
    })
    assert.equal(reauth.statusCode, 204, reauth.body)
    const pair = await createRecipientKeyPair()
    const reveal = await asAdmin('POST', `${url}/reveal`, {
      reason: '資格取得届の確認のため',
      recipientPublicKey: pair.publicKey,
    })
    assert.equal(reveal.statusCode, 200, reveal.body)
    assert.doesNotMatch(outsideIds(reveal.body), /[0-9]{12}/)
    // Bound to the office and the request: the page opens it with the request id of the answer.
    const opened = await openSealedFromVault(pair.privateKey, reveal.json().sealed, {
      tenantId: admin.officeId,
      requestId: reveal.json().requestId,
    })
    assert.equal(new TextDecoder().decode(opened), number)
    const byStaff = await asStaff('POST', `${url}/reveal`, {
      reason: '確認のため',
      recipientPublicKey: pair.publicKey,
    })
    assert.equal(byStaff.statusCode, 403)
  })

  test('the access history lists the relayed calls, newest first, by display name', async () => {
    const employeeId = await newEmployee()
    const url = `/api/clients/${clientId}/employees/${employeeId}/my-number`
    await asStaff('PUT', url, {
      purpose: PURPOSE,
      sealed: await seal(generator.myNumber(), employeeId),
      identityCheck: CHECKED,
    })
    await asStaff('GET', url)
    // The history reads the integrated log: run the server's sequencer until the queue is empty.
    const logDir = await mkdtemp(join(tmpdir(), 'mamori-relay-log-'))
    const log = await openServerAuditLog(db(), { keys: logDir, witness: logDir })
    await waitForIntegration(db(), admin.officeId)
    await log.close()
    await rm(logDir, { recursive: true, force: true })
    const history = await asAdmin('GET', `/api/clients/${clientId}/employees/${employeeId}/access-history`)
    assert.equal(history.statusCode, 200, history.body)
    const types = history.json().items.map((i: { type: string }) => i.type)
    assert.ok(types.includes('MY_NUMBER_REGISTRATION_RELAYED'), types.join())
    assert.ok(types.includes('MY_NUMBER_STATUS_VIEWED'), types.join())
    const report = await asAdmin('GET', `/api/clients/${clientId}/access-report?days=1`)
    assert.equal(report.statusCode, 200, report.body)
    const mine = report.json().items.find((i: { subjectId: string }) => i.subjectId === employeeId)
    assert.equal(mine.kind, 'employee')
    assert.ok(mine.fields.includes('myNumber'))
    assert.ok(mine.operations.includes('create'))
    const disclosure = await asAdmin('GET', `/api/clients/${clientId}/access-report?days=1&scope=disclosure`)
    const read = disclosure.json().items.find((i: { subjectId: string }) => i.subjectId === employeeId)
    assert.deepEqual(read.operations, ['read'])
    const byStaff = await asStaff('GET', `/api/clients/${clientId}/access-report`)
    assert.equal(byStaff.statusCode, 403)
  })

  test('every relay route writes an audit entry, whether the vault answers yes or no', async () => {
    const employeeId = await newEmployee()
    const dependent = await asAdmin(
      'POST',
      `/api/clients/${clientId}/employees/${employeeId}/dependents`,
      buildDependentBody(generator, generator.employee(), { dependentFrom: '2021-01-01' }),
    )
    const dependentId: string = dependent.json().id
    const self = await signInAs(app, db(), {
      role: 'employee',
      officeId: admin.officeId,
      personId: employeeId,
    })
    const asSelf = callerFor(app, self)
    // A second administrator: TOTP codes are single use, and the first one re-authenticated already.
    const walker = await signInAs(app, db(), { role: 'office_admin', officeId: admin.officeId })
    const asWalker = callerFor(app, walker)
    for (const user of [walker, self]) {
      const reauth = await callerFor(app, user)('POST', '/api/auth/reauthenticate', {
        password: user.password,
        code: user.nextTotpCode(),
      })
      assert.equal(reauth.statusCode, 204, reauth.body)
    }
    const pair = await createRecipientKeyPair()
    const bodyFor = async (url: string, subjectId: string): Promise<unknown> => {
      if (url.endsWith('/refusal'))
        return { requestedAt: '2026-04-01T10:00:00+09:00', method: 'MAIL', answer: 'REFUSED' }
      if (url.endsWith('/reveal')) return { reason: '届出の確認のため', recipientPublicKey: pair.publicKey }
      return { purpose: PURPOSE, sealed: await seal(generator.myNumber(), subjectId), identityCheck: CHECKED }
    }
    const routes = declaredRoutes(app).filter(
      (r) => r.method !== 'HEAD' && /\/(my-number|access-history)(\/|$)/.test(r.url),
    )
    assert.ok(routes.length >= 15, `found ${routes.length} relay routes`)
    for (const route of routes) {
      const own = route.url.startsWith('/api/me/')
      const url = route.url
        .replace(':clientId', clientId)
        .replace(':employeeId', employeeId)
        .replace(':dependentId', dependentId)
      const subjectId = url.includes('/dependents/') ? dependentId : employeeId
      const before = await auditCount(db() as Kysely<ServerTables>, admin.officeId)
      const payload = route.method === 'GET' ? undefined : await bodyFor(url, subjectId)
      const response = await (own ? asSelf : asWalker)(route.method as 'GET', url, payload)
      assert.ok(
        response.statusCode < 500,
        `${route.method} ${route.url}: ${response.statusCode} ${response.body}`,
      )
      assert.ok(
        (await auditCount(db() as Kysely<ServerTables>, admin.officeId)) > before,
        `${route.method} ${route.url} wrote no audit entry`,
      )
    }
  })
})

/** The history reads integrated entries: wait until the sequencer has taken the office's queue. */
async function waitForIntegration(db: Kysely<unknown>, officeId: string): Promise<void> {
  for (;;) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from audit_queue where tenant_id = ${officeId}`.execute(db)
    if (rows[0]!.n === 0) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
