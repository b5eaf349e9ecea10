import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Bearer tokens (session cookies, invitation links): `<office id>.<32 random bytes, base64url>`.
 * The office id lets the server open the right tenant before it knows the user, so lookups stay
 * under row-level security; the random part is what proves possession, and only its SHA-256 is
 * stored. A guessed office id gains nothing without the 256-bit random part.
 */
export type OfficeToken = { officeId: string; secret: string }

const PATTERN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/

export function newOfficeToken(officeId: string): { token: string; hash: Buffer } {
  const secret = randomBytes(32).toString('base64url')
  return { token: `${officeId}.${secret}`, hash: hashTokenSecret(secret) }
}

/** Attacker-controlled input: anything not exactly of the issued form is null. */
export function parseOfficeToken(token: string): OfficeToken | null {
  const match = PATTERN.exec(token)
  if (match === null) return null
  return { officeId: match[1]!, secret: match[2]! }
}

export function hashTokenSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest()
}

/**
 * The CSRF token of a session: an HMAC of the session token under the server's session key. It is
 * bound to the session (a token from another session never matches), needs no storage, and cannot
 * be derived by a page that cannot read the HttpOnly cookie.
 */
export function csrfTokenFor(sessionKey: Uint8Array, sessionSecret: string): string {
  return createHmac('sha256', sessionKey).update(`mamori-csrf\0${sessionSecret}`).digest('base64url')
}

export function csrfTokenMatches(sessionKey: Uint8Array, sessionSecret: string, presented: string): boolean {
  const expected = Buffer.from(csrfTokenFor(sessionKey, sessionSecret))
  const given = Buffer.from(presented)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
