import { randomBytes } from 'node:crypto'
import { decodeEntry } from '@mamori/audit/entry-encoding.ts'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Role } from '../access/access.ts'
import { CSRF_HEADER } from '../access/access-hook.ts'
import type { ServerTables } from '../db/tables.ts'
import { insertInvitation } from '../invitations/invitations.repo.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { insertUser, replaceClientAssignments } from '../users/users.repo.ts'
import { SESSION_COOKIE } from './session-cookie.ts'
import { newOfficeToken } from './tokens.ts'
import { totpCode, totpStep } from './totp.ts'

/**
 * Test support: a synthetic user of any role, signed in through the real HTTP routes (invitation
 * acceptance, TOTP enrolment, then password + TOTP sign-in), ready for `app.inject`:
 *
 *   const admin = await signInAs(app, db(), { role: 'office_admin' })
 *   await app.inject({ method: 'POST', url: '/api/…', headers: admin.headers, payload })
 *
 * Test code only: it writes users straight into the database.
 */
export type SignInAsOptions = {
  role: Role
  /** The office to create the user in; a new synthetic office when absent. */
  officeId?: string
  /** Clients assigned to office staff and client HR contacts. */
  clientIds?: readonly string[]
  /** The employee (person) an employee user is; required for role 'employee'. */
  personId?: string
  /** The app's clock, when the test gave buildApp one. */
  now?: () => Date
}

export type SignedInUser = {
  userId: string
  officeId: string
  role: Role
  loginId: string
  password: string
  totpSecret: string
  /** `mamori_session=…` for a Cookie header. */
  cookie: string
  csrfToken: string
  /** Cookie and CSRF headers for app.inject. */
  headers: { cookie: string; 'x-csrf-token': string }
  /** A TOTP code not used before (codes are single use), for re-authentication. */
  nextTotpCode(): string
}

export async function signInAs(
  app: FastifyInstance,
  database: Kysely<ServerTables> | Kysely<unknown>,
  options: SignInAsOptions,
): Promise<SignedInUser> {
  const db = database as Kysely<ServerTables>
  if (options.role === 'employee' && options.personId === undefined) {
    throw new Error('signInAs: an employee user needs personId (an employee of the office)')
  }
  const now = options.now ?? (() => new Date())
  const officeId = options.officeId ?? (await createSyntheticOffice(db))
  const loginId = `test-${options.role.replace('_', '-')}-${randomBytes(6).toString('hex')}`
  const password = `${randomBytes(12).toString('base64url')} synthetic`
  const invitation = await withTenant(db, officeId, async (trx) => {
    const userId = await insertUser(trx, officeId, {
      loginId,
      displayName: `テスト利用者 ${options.role}`,
      role: options.role,
      personId: options.personId ?? null,
    })
    await replaceClientAssignments(trx, officeId, userId, options.clientIds ?? [])
    const { token, hash } = newOfficeToken(officeId)
    const at = now()
    await insertInvitation(trx, officeId, {
      userId,
      tokenHash: hash,
      createdBy: null,
      at,
      expiresAt: new Date(at.getTime() + 3_600_000),
    })
    return { userId, token }
  })

  const accepted = expectOk(
    await app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token: invitation.token, password },
    }),
    'accept the invitation',
  )
  const totpSecret = new URL(accepted.json<{ otpauthUri: string }>().otpauthUri).searchParams.get('secret')!
  let lastStep = -1
  const nextTotpCode = (): string => {
    lastStep = Math.max(lastStep + 1, totpStep(now().getTime()) - 1)
    return totpCode(totpSecret, lastStep)
  }
  expectOk(
    await app.inject({
      method: 'POST',
      url: '/api/auth/totp',
      headers: headersOf(accepted),
      payload: { code: nextTotpCode() },
    }),
    'confirm TOTP enrolment',
  )
  const passwordStep = expectOk(
    await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { loginId, password } }),
    'sign in with the password',
  )
  const signedIn = expectOk(
    await app.inject({
      method: 'POST',
      url: '/api/auth/totp',
      headers: headersOf(passwordStep),
      payload: { code: nextTotpCode() },
    }),
    'sign in with TOTP',
  )
  const headers = headersOf(signedIn)
  return {
    userId: invitation.userId,
    officeId,
    role: options.role,
    loginId,
    password,
    totpSecret,
    cookie: headers.cookie,
    csrfToken: headers[CSRF_HEADER],
    headers,
    nextTotpCode,
  }
}

/** A new office with a synthetic name, for tests that need one. */
export async function createSyntheticOffice(db: Kysely<ServerTables> | Kysely<unknown>): Promise<string> {
  const row = await (db as Kysely<ServerTables>)
    .insertInto('offices')
    .values({ name: `テスト社労士事務所 ${randomBytes(3).toString('hex')}` })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The session cookie a response set and the CSRF token its body carries. */
export function headersOf(response: LightMyRequestResponse): SignedInUser['headers'] {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)
  if (cookie === undefined) throw new Error('the response set no session cookie')
  return {
    cookie: `${SESSION_COOKIE}=${cookie.value}`,
    [CSRF_HEADER]: response.json<{ csrfToken: string }>().csrfToken,
  }
}

function expectOk(response: LightMyRequestResponse, what: string): LightMyRequestResponse {
  if (response.statusCode !== 200) {
    throw new Error(`signInAs could not ${what}: ${response.statusCode} ${response.body}`)
  }
  return response
}

/**
 * The types of the audit entries recorded so far (still queued: tests run no sequencer) that
 * name `id` as their actor or subject, in the order they were recorded.
 */
export async function auditTypesFor(db: Kysely<unknown>, id: string): Promise<string[]> {
  const { rows } = await sql<{ event: Uint8Array }>`select event from audit_queue order by id`.execute(db)
  return rows
    .map((row) => decodeEntry(new Uint8Array(row.event)))
    .filter((entry) => entry.actorId === id || entry.subjectId === id)
    .map((entry) => String(entry.type))
}
