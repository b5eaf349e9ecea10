import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { buildApp } from '../app.ts'
import { auditTypesFor, headersOf, signInAs } from '../auth/testing.ts'
import { totpCode, totpStep } from '../auth/totp.ts'
import type { ServerTables } from '../db/tables.ts'
import { APP_DATABASE_MIGRATIONS, SERVER_VERSION } from '../main.ts'

describeOnEachDatabase(
  'user administration and invitations',
  [...APP_DATABASE_MIGRATIONS],
  ({ db, backend }) => {
    let app: FastifyInstance
    const nowMs = Date.parse('2026-07-01T09:00:00+09:00')
    const now = (): Date => new Date(nowMs)
    before(async () => {
      app = await buildApp({
        db: db(),
        databaseKind: backend,
        version: SERVER_VERSION,
        sessionKey: randomBytes(32),
        now,
      })
    })
    after(() => app.close())

    async function accept(token: string, password: string) {
      return app.inject({ method: 'POST', url: '/api/invitations/accept', payload: { token, password } })
    }

    test('an invited user chooses a password, enrols TOTP with a first code, and the link is then used up', async () => {
      const admin = await signInAs(app, db(), { role: 'office_admin', now })
      const created = await app.inject({
        method: 'POST',
        url: '/api/users',
        headers: admin.headers,
        payload: { loginId: 'Suzuki.Staff', displayName: '鈴木', role: 'office_staff' },
      })
      assert.equal(created.statusCode, 201)
      const { invitationToken, userId } = created.json()
      assert.deepEqual(await auditTypesFor(db(), userId), ['USER_CREATED', 'INVITATION_CREATED'])
      const weak = await accept(invitationToken, 'password2024')
      assert.equal(weak.statusCode, 400)
      assert.equal(weak.json().field, 'password')
      const started = await accept(invitationToken, 'a long and private passphrase')
      assert.equal(started.statusCode, 200)
      const secret = new URL(started.json().otpauthUri).searchParams.get('secret')!
      const enrolled = await app.inject({
        method: 'POST',
        url: '/api/auth/totp',
        headers: headersOf(started),
        payload: { code: totpCode(secret, totpStep(nowMs)) },
      })
      assert.equal(enrolled.statusCode, 200)
      assert.equal(enrolled.json().userId, userId)
      assert.equal(enrolled.json().role, 'office_staff')
      assert.deepEqual((await auditTypesFor(db(), userId)).slice(2), [
        'INVITATION_ACCEPTED',
        'SIGN_IN_SUCCEEDED',
      ])
      const again = await accept(invitationToken, 'another long private passphrase')
      assert.equal(again.statusCode, 410)
      assert.equal(again.json().code, 'INVITATION_INVALID')
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { loginId: 'suzuki.staff', password: 'a long and private passphrase' },
      })
      assert.equal(signIn.statusCode, 200)
    })

    test('an employee invitation binds the new user to that one person', async () => {
      const typed = db() as Kysely<ServerTables>
      const admin = await signInAs(app, typed, { role: 'office_admin', now })
      const client = await typed
        .insertInto('clients')
        .values({
          office_id: admin.officeId,
          name: '架空食品株式会社',
          prefecture_code: 27,
          address: '大阪府大阪市架空区1-2-3',
          health_insurer: 'kyokai_kenpo',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const employee = await typed
        .insertInto('employees')
        .values({
          office_id: admin.officeId,
          client_id: client.id,
          birth_date: '1988-08-08',
          sex: 'male',
          hire_date: '2019-04-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const invited = await app.inject({
        method: 'POST',
        url: `/api/clients/${client.id}/employees/${employee.id}/invitation`,
        headers: admin.headers,
        payload: { loginId: 'tanaka.employee' },
      })
      assert.equal(invited.statusCode, 201)
      assert.deepEqual(await auditTypesFor(db(), invited.json().userId), ['USER_CREATED'])
      assert.deepEqual(await auditTypesFor(db(), employee.id), ['INVITATION_CREATED'])
      const started = await accept(invited.json().invitationToken, 'my own quiet passphrase here')
      const secret = new URL(started.json().otpauthUri).searchParams.get('secret')!
      const enrolled = await app.inject({
        method: 'POST',
        url: '/api/auth/totp',
        headers: headersOf(started),
        payload: { code: totpCode(secret, totpStep(nowMs)) },
      })
      assert.equal(enrolled.statusCode, 200)
      assert.equal(enrolled.json().role, 'employee')
      assert.equal(enrolled.json().personId, employee.id)
      const twice = await app.inject({
        method: 'POST',
        url: `/api/clients/${client.id}/employees/${employee.id}/invitation`,
        headers: admin.headers,
        payload: { loginId: 'tanaka.employee2' },
      })
      assert.equal(twice.statusCode, 409)
    })

    test('disabling a user ends their sessions at once; an administrator cannot disable themselves', async () => {
      const admin = await signInAs(app, db(), { role: 'office_admin', now })
      const staff = await signInAs(app, db(), { role: 'office_staff', officeId: admin.officeId, now })
      const self = await app.inject({
        method: 'POST',
        url: `/api/users/${admin.userId}/disable`,
        headers: admin.headers,
      })
      assert.equal(self.statusCode, 409)
      const disabled = await app.inject({
        method: 'POST',
        url: `/api/users/${staff.userId}/disable`,
        headers: admin.headers,
      })
      assert.equal(disabled.statusCode, 204)
      const after = await app.inject({ method: 'GET', url: '/api/auth/session', headers: staff.headers })
      assert.equal(after.statusCode, 401)
      const list = await app.inject({ method: 'GET', url: '/api/users', headers: admin.headers })
      const row = list.json().users.find((u: { id: string }) => u.id === staff.userId)
      assert.equal(row.disabled, true)
      assert.equal((await auditTypesFor(db(), staff.userId)).at(-1), 'USER_DISABLED')
    })

    test('role changes, client assignments and new invitation links are audit entries of the user', async () => {
      const admin = await signInAs(app, db(), { role: 'office_admin', now })
      const created = await app.inject({
        method: 'POST',
        url: '/api/users',
        headers: admin.headers,
        payload: { loginId: 'sato.hr', displayName: '佐藤', role: 'office_staff' },
      })
      const { userId } = created.json()
      const calls = [
        { method: 'PUT', url: `/api/users/${userId}/role`, payload: { role: 'client_hr' } },
        { method: 'PUT', url: `/api/users/${userId}/clients`, payload: { clientIds: [] } },
        { method: 'POST', url: `/api/users/${userId}/invitation` },
      ] as const
      for (const call of calls) {
        const response = await app.inject({ ...call, headers: admin.headers })
        assert.ok(response.statusCode < 300, `${call.url}: ${response.body}`)
      }
      assert.deepEqual(await auditTypesFor(db(), userId), [
        'USER_CREATED',
        'INVITATION_CREATED',
        'ROLE_CHANGED',
        'CLIENTS_ASSIGNED',
        'INVITATION_CREATED',
      ])
    })
  },
)
