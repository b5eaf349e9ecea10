import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app.ts'
import { APP_DATABASE_MIGRATIONS, SERVER_VERSION } from '../main.ts'
import { IDLE_TIMEOUT_MS, LOCK_DURATION_MS, REAUTH_WINDOW_MS } from './auth-deps.ts'
import { auditTypesFor, headersOf, signInAs } from './testing.ts'
import { totpCode, totpStep } from './totp.ts'

describeOnEachDatabase(
  'sign-in, sessions and re-authentication',
  [...APP_DATABASE_MIGRATIONS],
  ({ db, backend }) => {
    let app: FastifyInstance
    let nowMs = Date.parse('2026-05-11T09:00:00+09:00')
    const now = (): Date => new Date(nowMs)
    const advance = (ms: number): void => {
      nowMs += ms
    }
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

    test('an office user signs in with password then TOTP, and the session shows who they are', async () => {
      const admin = await signInAs(app, db(), { role: 'office_admin', now })
      const response = await app.inject({
        method: 'GET',
        url: '/api/auth/session',
        headers: { cookie: admin.cookie },
      })
      assert.equal(response.statusCode, 200)
      const body = response.json()
      assert.equal(body.userId, admin.userId)
      assert.equal(body.role, 'office_admin')
      assert.equal(body.loginId, admin.loginId)
      assert.equal(typeof body.displayName, 'string')
      assert.equal(typeof body.officeName, 'string')
      assert.equal(body.csrfToken, admin.csrfToken)
      // signInAs enrols (the invitation's TOTP step signs in) and then signs in with password + TOTP.
      assert.deepEqual(await auditTypesFor(db(), admin.userId), [
        'INVITATION_ACCEPTED',
        'SIGN_IN_SUCCEEDED',
        'SIGN_IN_SUCCEEDED',
      ])
    })

    test('the session cookie is HttpOnly, Secure, SameSite=Strict and signed; a forged one is no session', async () => {
      const staff = await signInAs(app, db(), { role: 'office_staff', now })
      const step = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { loginId: staff.loginId, password: staff.password },
      })
      const setCookie = String(step.headers['set-cookie'])
      assert.match(setCookie, /HttpOnly/)
      assert.match(setCookie, /Secure/)
      assert.match(setCookie, /SameSite=Strict/)
      const unsigned = staff.cookie.replace(/\.[^.]+$/, '')
      const forged = await app.inject({
        method: 'GET',
        url: '/api/auth/session',
        headers: { cookie: unsigned },
      })
      assert.equal(forged.statusCode, 401)
      assert.equal(forged.json().code, 'UNAUTHENTICATED')
    })

    test('a wrong password and an unknown login id fail alike, with no cookie', async () => {
      const staff = await signInAs(app, db(), { role: 'office_staff', now })
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { loginId: staff.loginId, password: 'not the password at all' },
      })
      const unknown = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { loginId: 'nobody-here', password: 'not the password at all' },
      })
      for (const response of [wrong, unknown]) {
        assert.equal(response.statusCode, 401)
        assert.equal(response.json().code, 'SIGN_IN_FAILED')
        assert.equal(response.headers['set-cookie'], undefined)
      }
      assert.equal(wrong.json().message, unknown.json().message)
      assert.equal((await auditTypesFor(db(), staff.userId)).at(-1), 'SIGN_IN_FAILED')
    })

    test('five failures lock the account for 15 minutes, end its sessions and raise an ACCOUNT_LOCKED alarm', async () => {
      const staff = await signInAs(app, db(), { role: 'office_staff', now })
      for (let i = 0; i < 5; i++) {
        await app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { loginId: staff.loginId, password: `wrong password ${i}` },
        })
      }
      const types = await auditTypesFor(db(), staff.userId)
      assert.equal(types.filter((t) => t === 'SIGN_IN_FAILED').length, 5)
      assert.equal(types.at(-1), 'ACCOUNT_LOCKED')
      const old = await app.inject({
        method: 'GET',
        url: '/api/auth/session',
        headers: { cookie: staff.cookie },
      })
      assert.equal(old.statusCode, 401)
      const right = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { loginId: staff.loginId, password: staff.password },
      })
      assert.equal(right.statusCode, 401)
      advance(LOCK_DURATION_MS + 1000)
      const later = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { loginId: staff.loginId, password: staff.password },
      })
      assert.equal(later.statusCode, 200)
    })

    test('a TOTP code is single use: replaying the code of the last sign-in is refused', async () => {
      const hr = await signInAs(app, db(), { role: 'client_hr', now })
      const used = hr.nextTotpCode()
      const first = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { loginId: hr.loginId, password: hr.password },
      })
      const ok = await app.inject({
        method: 'POST',
        url: '/api/auth/totp',
        headers: headersOf(first),
        payload: { code: used },
      })
      assert.equal(ok.statusCode, 200)
      const second = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { loginId: hr.loginId, password: hr.password },
      })
      const replay = await app.inject({
        method: 'POST',
        url: '/api/auth/totp',
        headers: headersOf(second),
        payload: { code: used },
      })
      assert.equal(replay.statusCode, 401)
      assert.equal(replay.json().code, 'TOTP_INVALID')
      const stale = totpCode(hr.totpSecret, totpStep(nowMs) - 5)
      const tooOld = await app.inject({
        method: 'POST',
        url: '/api/auth/totp',
        headers: headersOf(second),
        payload: { code: stale },
      })
      assert.equal(tooOld.statusCode, 401)
    })

    test('the password step alone gives no access to office routes', async () => {
      const admin = await signInAs(app, db(), { role: 'office_admin', now })
      const step = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { loginId: admin.loginId, password: admin.password },
      })
      const response = await app.inject({ method: 'GET', url: '/api/auth/session', headers: headersOf(step) })
      assert.equal(response.statusCode, 401)
    })

    test('sign-in rotates the token: the cookie of the password step stops working', async () => {
      const admin = await signInAs(app, db(), { role: 'office_admin', now })
      const step = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { loginId: admin.loginId, password: admin.password },
      })
      const done = await app.inject({
        method: 'POST',
        url: '/api/auth/totp',
        headers: headersOf(step),
        payload: { code: admin.nextTotpCode() },
      })
      assert.equal(done.statusCode, 200)
      assert.notEqual(headersOf(done).cookie, headersOf(step).cookie)
      const again = await app.inject({
        method: 'POST',
        url: '/api/auth/totp',
        headers: headersOf(step),
        payload: { code: admin.nextTotpCode() },
      })
      assert.equal(again.statusCode, 401)
    })

    test('a state change without the CSRF token of this session is refused', async () => {
      const admin = await signInAs(app, db(), { role: 'office_admin', now })
      const other = await signInAs(app, db(), { role: 'office_admin', now })
      const none = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-out',
        headers: { cookie: admin.cookie },
      })
      assert.equal(none.statusCode, 403)
      assert.equal(none.json().code, 'CSRF_INVALID')
      const foreign = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-out',
        headers: { cookie: admin.cookie, 'x-csrf-token': other.csrfToken },
      })
      assert.equal(foreign.statusCode, 403)
      const signedOut = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-out',
        headers: admin.headers,
      })
      assert.equal(signedOut.statusCode, 204)
      const after = await app.inject({ method: 'GET', url: '/api/auth/session', headers: admin.headers })
      assert.equal(after.statusCode, 401)
      assert.equal((await auditTypesFor(db(), admin.userId)).at(-1), 'SESSION_ENDED')
    })

    test('a session unused for 30 minutes ends; use keeps it alive until the 12-hour limit', async () => {
      const staff = await signInAs(app, db(), { role: 'office_staff', now })
      for (let i = 0; i < 30; i++) {
        advance(IDLE_TIMEOUT_MS - 60_000)
        const alive = await app.inject({ method: 'GET', url: '/api/auth/session', headers: staff.headers })
        if (alive.statusCode !== 200) {
          assert.ok(i * (IDLE_TIMEOUT_MS - 60_000) >= 11 * 3_600_000, `ended early, after ${i} uses`)
          break
        }
        assert.ok(i < 26, 'outlived the absolute timeout')
      }
      const idle = await signInAs(app, db(), { role: 'office_staff', now })
      advance(IDLE_TIMEOUT_MS)
      const response = await app.inject({ method: 'GET', url: '/api/auth/session', headers: idle.headers })
      assert.equal(response.statusCode, 401)
    })

    test('re-authentication needs the password and a fresh code, and lasts 5 minutes', async () => {
      const admin = await signInAs(app, db(), { role: 'office_admin', now })
      advance(REAUTH_WINDOW_MS + 1000)
      const session = await app.inject({ method: 'GET', url: '/api/auth/session', headers: admin.headers })
      assert.ok(Date.parse(session.json().reauthenticatedUntil) < nowMs)
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/auth/reauthenticate',
        headers: admin.headers,
        payload: { password: 'not the password at all', code: admin.nextTotpCode() },
      })
      assert.equal(wrong.statusCode, 401)
      const ok = await app.inject({
        method: 'POST',
        url: '/api/auth/reauthenticate',
        headers: admin.headers,
        payload: { password: admin.password, code: admin.nextTotpCode() },
      })
      assert.equal(ok.statusCode, 204)
      const fresh = await app.inject({ method: 'GET', url: '/api/auth/session', headers: admin.headers })
      assert.ok(Date.parse(fresh.json().reauthenticatedUntil) > nowMs)
      assert.deepEqual((await auditTypesFor(db(), admin.userId)).slice(-2), [
        'SIGN_IN_FAILED',
        'REAUTHENTICATED',
      ])
    })
  },
)
