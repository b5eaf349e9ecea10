import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { Actor } from '../access/access.ts'
import { ROLES } from '../access/access.ts'
import { acceptInvitation } from '../invitations/accept-invitation.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import {
  ZAcceptInvitationRequest,
  ZAcceptInvitationResponse,
  ZReauthenticateRequest,
  ZSessionResponse,
  ZSignInRequest,
  ZSignInStepResponse,
  ZTotpRequest,
} from './auth.schema.ts'
import type { AuthDeps } from './auth-deps.ts'
import { REAUTH_WINDOW_MS } from './auth-deps.ts'
import { unauthenticated } from './auth-errors.ts'
import { completeSignIn } from './complete-sign-in.ts'
import { reauthenticate } from './reauthenticate.ts'
import type { CurrentSession } from './resolve-session.ts'
import { resolveSession } from './resolve-session.ts'
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts'
import { signInWithPassword } from './sign-in.ts'
import { signOut } from './sign-out.ts'
import { csrfTokenFor, parseOfficeToken } from './tokens.ts'

/**
 * Sign-in (password, then TOTP), the current session, re-authentication, sign-out, and the
 * acceptance of an invitation. Every state change issues a new token in a new cookie.
 */
export const authRoutes: FastifyPluginAsync<AuthDeps> = async (plugin, deps) => {
  plugin.setValidatorCompiler(validatorCompiler)
  plugin.setSerializerCompiler(serializerCompiler)
  const app = plugin.withTypeProvider<ZodTypeProvider>()
  const csrfOf = (token: string): string => csrfTokenFor(deps.sessionKey, parseOfficeToken(token)!.secret)

  app.post(
    '/auth/sign-in',
    {
      config: { access: { public: true } },
      schema: { body: ZSignInRequest, response: { 200: ZSignInStepResponse } },
    },
    async (request, reply) => {
      const { token } = await signInWithPassword(deps, {
        ...request.body,
        requestId: request.id,
        log: request.log,
      })
      setSessionCookie(reply, token)
      return { next: 'totp' as const, csrfToken: csrfOf(token) }
    },
  )

  app.post(
    '/auth/totp',
    {
      config: { access: { signInStep: true } },
      schema: { body: ZTotpRequest, response: { 200: ZSessionResponse } },
    },
    async (request, reply) => {
      const { token } = await completeSignIn(deps, currentSession(request), {
        code: request.body.code,
        requestId: request.id,
      })
      setSessionCookie(reply, token)
      const resolved = await resolveSession(deps, token, request.id)
      if (resolved?.actor == null) throw unauthenticated()
      return await sessionView(deps, resolved.session, resolved.actor)
    },
  )

  app.get(
    '/auth/session',
    {
      config: { access: { roles: ROLES, scope: 'self' } },
      schema: { response: { 200: ZSessionResponse } },
    },
    async (request) => {
      if (request.actor === null) throw unauthenticated()
      return await sessionView(deps, currentSession(request), request.actor)
    },
  )

  app.post(
    '/auth/reauthenticate',
    {
      config: { access: { roles: ROLES, scope: 'self' } },
      schema: { body: ZReauthenticateRequest },
    },
    async (request, reply) => {
      await reauthenticate(deps, currentSession(request), { ...request.body, requestId: request.id })
      return reply.status(204).send()
    },
  )

  app.post(
    '/auth/sign-out',
    { config: { access: { roles: ROLES, scope: 'self' } } },
    async (request, reply) => {
      await signOut(deps, currentSession(request), request.id)
      clearSessionCookie(reply)
      return reply.status(204).send()
    },
  )

  app.post(
    '/invitations/accept',
    {
      config: { access: { public: true } },
      schema: { body: ZAcceptInvitationRequest, response: { 200: ZAcceptInvitationResponse } },
    },
    async (request, reply) => {
      const accepted = await acceptInvitation(deps, request.body)
      setSessionCookie(reply, accepted.token)
      return {
        next: 'totp_enrolment' as const,
        otpauthUri: accepted.otpauthUri,
        csrfToken: csrfOf(accepted.token),
      }
    },
  )
}

/** The signed-in user as the page shows them: who, in which office, with which role. */
async function sessionView(deps: AuthDeps, session: CurrentSession, actor: Actor) {
  const names = await withTenant(deps.db, actor.officeId, (trx) =>
    trx
      .selectFrom('users')
      .innerJoin('offices', 'offices.id', 'users.office_id')
      .select(['users.display_name', 'users.login_id', 'offices.name as office_name'])
      .where('users.office_id', '=', actor.officeId)
      .where('users.id', '=', actor.userId)
      .executeTakeFirstOrThrow(),
  )
  return {
    userId: actor.userId,
    displayName: names.display_name,
    loginId: names.login_id,
    officeName: names.office_name,
    officeId: actor.officeId,
    role: actor.role,
    clientIds: [...actor.clientIds],
    ...(actor.personId === undefined ? {} : { personId: actor.personId }),
    csrfToken: csrfTokenFor(deps.sessionKey, session.tokenSecret),
    reauthenticatedUntil:
      session.reauthenticatedAt === null
        ? null
        : new Date(session.reauthenticatedAt.getTime() + REAUTH_WINDOW_MS).toISOString(),
  }
}

function currentSession(request: FastifyRequest): CurrentSession {
  if (request.authSession === null) throw unauthenticated()
  return request.authSession
}
