import { readFileSync } from 'node:fs'

/**
 * What a password must be (NIST SP 800-63B §3.1.1.2): long enough, not a known common one, not
 * built from the user's own login id or office name. No composition rule (upper, digit, symbol):
 * those push people to `Password1!` and add no strength. A passphrase of several words passes by
 * its length alone.
 */
export const MIN_PASSWORD_LENGTH = 12
/** argon2 hashes any length, but a megabyte of password is a denial of service, not a password. */
export const MAX_PASSWORD_LENGTH = 128

export type PasswordRefusal = 'too_short' | 'too_long' | 'common' | 'contains_identity' | 'pattern'

export type PasswordContext = { loginId: string; officeName?: string; displayName?: string }

const COMMON: ReadonlySet<string> = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#')),
)

/** Returns why the password is refused, or null when it is acceptable. */
export function checkPassword(password: string, context: PasswordContext): PasswordRefusal | null {
  const normalised = password.normalize('NFKC')
  const length = [...normalised].length
  if (length < MIN_PASSWORD_LENGTH) return 'too_short'
  if (length > MAX_PASSWORD_LENGTH) return 'too_long'
  const lower = normalised.toLowerCase()
  if (isCommon(lower)) return 'common'
  if (containsIdentity(lower, context)) return 'contains_identity'
  if (isPattern(lower)) return 'pattern'
  return null
}

export const PASSWORD_REFUSAL_JA: Readonly<Record<PasswordRefusal, string>> = {
  too_short: `パスワードは ${MIN_PASSWORD_LENGTH} 文字以上にしてください。単語をいくつか並べた文(パスフレーズ)がおすすめです。`,
  too_long: `パスワードは ${MAX_PASSWORD_LENGTH} 文字以内にしてください。`,
  common: 'よく使われていて推測されやすいパスワードです。別のパスワードにしてください。',
  contains_identity: 'ログインID・氏名・事務所名を含むパスワードは使えません。',
  pattern: '同じ文字の繰り返しや連続した文字だけのパスワードは使えません。',
}

/** A listed password, or a listed stem padded only with digits and symbols (`password2024!`). */
function isCommon(lower: string): boolean {
  if (COMMON.has(lower)) return true
  const stem = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
  if (stem !== '' && COMMON.has(stem)) return true
  const compact = lower.replace(/[\s\-_.]+/g, '')
  return COMMON.has(compact)
}

function containsIdentity(lower: string, context: PasswordContext): boolean {
  const login = context.loginId.toLowerCase()
  const candidates = [login, login.split('@')[0] ?? '', context.officeName, context.displayName]
  return candidates.some((c) => c !== undefined && [...c].length >= 4 && lower.includes(c.toLowerCase()))
}

/** One repeated character or unit (`aaaa…`, `abcabc…`), or one ascending or descending run. */
function isPattern(lower: string): boolean {
  const chars = [...lower]
  for (let unit = 1; unit <= 3; unit++) {
    if (chars.every((c, i) => c === chars[i % unit])) return true
  }
  const codes = chars.map((c) => c.codePointAt(0) ?? 0)
  // Digits wrap around (`…7890123`), as they do on a keyboard row.
  const modulus = /^[0-9]+$/.test(lower) ? 10 : Number.POSITIVE_INFINITY
  const steps = codes.slice(1).map((code, i) => {
    const step = code - (codes[i] ?? 0)
    return modulus === 10 ? (step + 10) % 10 : step
  })
  const down = modulus === 10 ? 9 : -1
  return steps.every((s) => s === 1) || steps.every((s) => s === down)
}
