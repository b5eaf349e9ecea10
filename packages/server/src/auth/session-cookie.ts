import type { CookieSerializeOptions } from '@fastify/cookie'
import type { FastifyReply, FastifyRequest } from 'fastify'

export const SESSION_COOKIE = 'mamori_session'

/**
 * HttpOnly (no script reads it), Secure, SameSite=Strict (never sent on a request started by
 * another site), signed with the session key, and with no expiry of its own: the server ends
 * sessions (idle and absolute timeouts), the browser drops the cookie when it closes. Secure is
 * never relaxed: browsers treat http://127.0.0.1 and http://localhost as secure contexts and keep
 * Secure cookies there, so local use over plain HTTP works without weakening the flag.
 */
const OPTIONS: CookieSerializeOptions = {
  path: '/',
  httpOnly: true,
  secure: true,
  sameSite: 'strict',
  signed: true,
}

export function setSessionCookie(reply: FastifyReply, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, OPTIONS)
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, OPTIONS)
}

/** The session token of the request, when its signature is good. */
export function sessionCookieToken(request: FastifyRequest): string | null {
  const raw = request.cookies[SESSION_COOKIE]
  if (raw === undefined) return null
  const unsigned = request.unsignCookie(raw)
  return unsigned.valid && unsigned.value !== null ? unsigned.value : null
}
