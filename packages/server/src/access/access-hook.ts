import cookie from '@fastify/cookie'
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify'
import type { AuthDeps } from '../auth/auth-deps.ts'
import { REAUTH_WINDOW_MS } from '../auth/auth-deps.ts'
import { csrfInvalid, forbidden, notFound, reauthRequired, unauthenticated } from '../auth/auth-errors.ts'
import { cookieSigner } from '../auth/cookie-signer.ts'
import type { CurrentSession } from '../auth/resolve-session.ts'
import { resolveSession } from '../auth/resolve-session.ts'
import { clearSessionCookie, sessionCookieToken } from '../auth/session-cookie.ts'
import { csrfTokenMatches } from '../auth/tokens.ts'
import type { Actor, RouteAccess } from './access.ts'
import { isRole, mayAccessClient } from './access.ts'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; required on every route (see access.ts). */
    access?: RouteAccess
  }
  interface FastifyRequest {
    /** The signed-in user, for routes that require one; null otherwise. */
    actor: Actor | null
    /** The request's session, active or in a sign-in step; null when there is none. */
    authSession: CurrentSession | null
  }
}

export type DeclaredRoute = { method: string; url: string; access: RouteAccess }

const DECLARED = new WeakMap<FastifyInstance, DeclaredRoute[]>()

/** Every route registered on the app with its access declaration (for the authorization matrix). */
export function declaredRoutes(app: FastifyInstance): readonly DeclaredRoute[] {
  return DECLARED.get(app) ?? []
}

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS'])
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
export const CSRF_HEADER = 'x-csrf-token'

/**
 * Installs sessions and access control on the root instance, before any route: every route must
 * declare `config.access` (registration fails otherwise), and every request is checked against it
 * in onRequest, before its body is parsed or validated, so a refused caller learns nothing from
 * validation errors.
 */
export async function registerAccessControl(app: FastifyInstance, deps: AuthDeps): Promise<void> {
  const declared: DeclaredRoute[] = []
  DECLARED.set(app, declared)
  await app.register(cookie, { secret: cookieSigner(deps.sessionKey) })
  app.decorateRequest('actor', null)
  app.decorateRequest('authSession', null)

  app.addHook('onRoute', (route: RouteOptions) => {
    const access = checkDeclaration(route)
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const method of methods) declared.push({ method, url: route.url, access })
  })

  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access
    if (access === undefined) return // only the not-found handler: it answers 404 anyway
    const token = sessionCookieToken(request)
    const clientId = 'scope' in access && access.scope === 'client' ? routeClientId(request) : undefined
    let clientInOffice: boolean | null = null
    if (token !== null) {
      const resolved = await resolveSession(deps, token, request.id, clientId)
      if (resolved === null) clearSessionCookie(reply)
      else {
        request.authSession = resolved.session
        request.actor = resolved.actor
        clientInOffice = resolved.clientInOffice
      }
    }
    if ('public' in access) return
    const session = request.authSession
    if (session === null) throw unauthenticated()
    if (!SAFE_METHODS.has(request.method)) {
      const presented = request.headers[CSRF_HEADER]
      if (
        typeof presented !== 'string' ||
        !csrfTokenMatches(deps.sessionKey, session.tokenSecret, presented)
      ) {
        throw csrfInvalid()
      }
    }
    if ('signInStep' in access) {
      if (session.stage === 'active') throw forbidden()
      return
    }
    const actor = request.actor
    if (actor === null) throw unauthenticated()
    if (!access.roles.includes(actor.role)) throw forbidden()
    if (access.scope === 'client') checkClient(actor, clientId, clientInOffice)
    if (access.reauth === true) {
      const at = deps.now().getTime()
      const last = session.reauthenticatedAt?.getTime()
      if (last === undefined || at - last > REAUTH_WINDOW_MS) throw reauthRequired()
    }
  })
}

/** The route's :clientId when it is a UUID (anything else names no client, so 404 below). */
function routeClientId(request: FastifyRequest): string | undefined {
  const clientId = (request.params as Record<string, string | undefined>).clientId
  return clientId !== undefined && UUID.test(clientId) ? clientId : undefined
}

/**
 * Staff and HR contacts reach only their assigned clients; an administrator any client of the
 * office, as found in the session's own query (assignments reference clients of the same office).
 */
function checkClient(actor: Actor, clientId: string | undefined, clientInOffice: boolean | null): void {
  if (clientId === undefined || !mayAccessClient(actor, clientId)) throw notFound('clientId')
  if (actor.role === 'office_admin' && clientInOffice !== true) throw notFound('clientId')
}

/** A route's access declaration, checked once at registration so a mistake fails at start. */
function checkDeclaration(route: RouteOptions): RouteAccess {
  const access = route.config?.access
  const name = `${String(route.method)} ${route.url}`
  if (access === undefined) {
    throw new Error(`route ${name} declares no config.access (see packages/server/src/access/access.ts)`)
  }
  if ('roles' in access) {
    if (access.roles.length === 0 || !access.roles.every((r) => isRole(r))) {
      throw new Error(`route ${name}: config.access.roles must list known roles`)
    }
    const hasClientParam = /(^|\/):clientId(\/|$)/.test(route.url)
    if ((access.scope === 'client') !== hasClientParam) {
      throw new Error(`route ${name}: scope 'client' goes with a :clientId parameter, and only with it`)
    }
  }
  return access
}
