import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto'

export type UnsignResult =
  | { valid: true; renew: false; value: string }
  | { valid: false; renew: false; value: null }

export type CookieSigner = {
  sign(value: string): string
  unsign(signed: string): UnsignResult
}

const INVALID: UnsignResult = { valid: false, renew: false, value: null }

/**
 * The session cookie's signer for @fastify/cookie: the same format as its built-in one
 * (`value.` + HMAC-SHA-256 in base64 without padding, so cookies already issued stay valid), with
 * the key held once as a KeyObject. Every request checks its cookie, and an HMAC on a raw Buffer
 * key imports that key again each time (several times slower).
 */
export function cookieSigner(key: Uint8Array): CookieSigner {
  const secret = createSecretKey(key)
  const mac = (value: string) =>
    createHmac('sha256', secret).update(value).digest('base64').replace(/=+$/, '')
  return {
    sign: (value) => `${value}.${mac(value)}`,
    unsign: (signed) => {
      const dot = signed.lastIndexOf('.')
      if (dot === -1 || dot === signed.length - 1) return INVALID
      const value = signed.slice(0, dot)
      const given = Buffer.from(signed.slice(dot + 1))
      const expected = Buffer.from(mac(value))
      return given.length === expected.length && timingSafeEqual(given, expected)
        ? { valid: true, renew: false, value }
        : INVALID
    },
  }
}
