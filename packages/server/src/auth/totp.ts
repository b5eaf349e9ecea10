import { HOTP, Secret, TOTP } from 'otpauth'

/**
 * RFC 6238 TOTP with the parameters every authenticator app supports: HMAC-SHA1, 6 digits, 30 s.
 * A code is accepted for its step and one step either side (§5.2 recommends at most one step of
 * network delay), and only for a step later than the last accepted one, so a code seen over a
 * shoulder or replayed from a log cannot be used again.
 */
export const TOTP_PERIOD_S = 30
const DIGITS = 6
const WINDOW = 1
const ISSUER = 'Mamori'

/** A new 160-bit secret (RFC 4226 §4 recommends 160 bits), base32 as authenticator apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

/** The otpauth:// URI an authenticator app reads from a QR code; shown once at enrolment. */
export function totpUri(secret: string, label: string): string {
  return new TOTP({
    issuer: ISSUER,
    label,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: DIGITS,
    period: TOTP_PERIOD_S,
  }).toString()
}

export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_S)
}

/**
 * The step the code belongs to, or null when it matches no step in the window or only steps at
 * or before `lastStep` (already used). Attacker-controlled `code`: anything but six digits fails.
 */
export function acceptTotp(input: {
  secret: string
  code: string
  nowMs: number
  lastStep: number | null
}): number | null {
  if (!/^[0-9]{6}$/.test(input.code)) return null
  const current = totpStep(input.nowMs)
  const secret = Secret.fromBase32(input.secret)
  for (let delta = -WINDOW; delta <= WINDOW; delta++) {
    const step = current + delta
    if (input.lastStep !== null && step <= input.lastStep) continue
    const expected = HOTP.generate({ secret, counter: step, algorithm: 'SHA1', digits: DIGITS })
    if (timingSafeEqualText(expected, input.code)) return step
  }
  return null
}

/** The code for a step: for tests and the demo's printed instructions, never sent by the server. */
export function totpCode(secret: string, step: number): string {
  return HOTP.generate({
    secret: Secret.fromBase32(secret),
    counter: step,
    algorithm: 'SHA1',
    digits: DIGITS,
  })
}

function timingSafeEqualText(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}
