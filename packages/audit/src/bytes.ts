/**
 * Byte helpers for code that also runs in the browser: Uint8Array only, no Buffer.
 */

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let length = 0
  for (const part of parts) length += part.length
  const out = new Uint8Array(length)
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/** Standard base64 with padding (RFC 4648 §4), as signed notes and checkpoints use. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/**
 * Strict RFC 4648 §4 base64: padding required, no whitespace, and only the one canonical
 * spelling of each byte string (`atob` alone tolerates all three), so that a signed note or
 * checkpoint has exactly one valid form. Attacker-controlled input: `undefined` on anything else.
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!BASE64.test(text)) return undefined
  const binary = atob(text)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  // Non-zero bits in the last character's unused low bits decode to the same bytes.
  if (encodeBase64(out) !== text) return undefined
  return out
}
