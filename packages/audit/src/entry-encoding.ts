/**
 * The canonical byte encoding of an audit entry: the `d(i)` that RFC 9162 §2.1.1 hashes into
 * leaf i. Every value has exactly one encoding, and decoding accepts exactly the bytes that
 * encoding produces, so two parties who agree on an entry agree on its leaf hash.
 *
 *   byte 0        format version, 0x01
 *   bytes 1..4    n, the length of the JSON that follows, unsigned 32-bit big-endian
 *   bytes 5..5+n  canonical JSON of the entry, UTF-8 (RFC 3629), no byte order mark
 *
 * Canonical JSON is the integer-only subset of RFC 8785 (JCS): no whitespace; object members
 * sorted by the UTF-16 code units of their keys; strings escaped as ECMAScript JSON.stringify
 * does (`"` `\` and controls only; \b \t \n \f \r, else \u00xx lowercase); numbers are safe
 * integers (|n| ≤ 2^53 − 1) in plain decimal, never -0, fractions or exponents. Values are
 * null, booleans, those integers, well-formed strings, arrays and plain objects; the entry itself
 * is an object. Floats are refused because their decimal spelling is where JSON encoders differ.
 *
 * The version byte lets a later format coexist in one log; the length prefix makes entries
 * self-delimiting in exports and witness files, and is checked before any parsing.
 *
 * Entries carry ids, never a My Number, a name or an address: the log is kept forever and read
 * by auditors, and a person's deletion (crypto-shred) must leave it verifiable.
 */
import { equalBytes } from './bytes.ts'
import { AuditError } from './errors.ts'

export const ENTRY_FORMAT_VERSION = 0x01
export const MAX_ENTRY_JSON_BYTES = 65_536
/** The entry object is depth 1; its members' values depth 2, and so on. */
export const MAX_ENTRY_DEPTH = 16

const HEADER_BYTES = 5

export type EntryValue = null | boolean | number | string | readonly EntryValue[] | EntryObject
export type EntryObject = { readonly [key: string]: EntryValue }

export function encodeEntry(entry: EntryObject): Uint8Array {
  if (!isPlainObject(entry)) throw unsupported('the entry must be a plain object')
  const json = new TextEncoder().encode(canonicalJson(entry, 1))
  if (json.length > MAX_ENTRY_JSON_BYTES) {
    throw new AuditError({
      code: 'ENTRY_TOO_LARGE',
      message: `entry JSON exceeds ${MAX_ENTRY_JSON_BYTES} bytes`,
      messageJa: '監査エントリが大きすぎます。',
    })
  }
  const out = new Uint8Array(HEADER_BYTES + json.length)
  out[0] = ENTRY_FORMAT_VERSION
  new DataView(out.buffer).setUint32(1, json.length)
  out.set(json, HEADER_BYTES)
  return out
}

/**
 * Attacker-controlled: the bytes come from storage that may have been tampered with, or from
 * an export. Bounded before parsing; anything but the one canonical encoding is refused.
 */
export function decodeEntry(bytes: Uint8Array): EntryObject {
  if (!(bytes instanceof Uint8Array) || bytes.length < HEADER_BYTES) throw malformed('entry is truncated')
  if (bytes[0] !== ENTRY_FORMAT_VERSION) throw malformed('unknown entry format version')
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(1)
  if (length > MAX_ENTRY_JSON_BYTES) throw malformed('entry length exceeds the limit')
  if (length !== bytes.length - HEADER_BYTES) throw malformed('entry length prefix does not match')
  let value: unknown
  try {
    // ignoreBOM keeps a leading BOM in the text, where JSON.parse refuses it.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      bytes.subarray(HEADER_BYTES),
    )
    value = JSON.parse(text)
  } catch {
    throw malformed('entry is not UTF-8 JSON')
  }
  if (!isPlainObject(value)) throw malformed('entry is not a JSON object')
  // Re-encoding is the canonicality check: duplicate keys, order, spacing, escapes, 1.0, 1e2
  // and out-of-range integers all parse, and none of them re-encode to the same bytes.
  let canonical: Uint8Array
  try {
    canonical = encodeEntry(value as EntryObject)
  } catch {
    throw notCanonical()
  }
  if (!equalBytes(canonical, bytes)) throw notCanonical()
  return value as EntryObject
}

function canonicalJson(value: unknown, depth: number): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (!Number.isSafeInteger(value)) throw unsupported('numbers must be safe integers')
      if (Object.is(value, -0)) throw unsupported('-0 has no canonical encoding')
      return String(value)
    case 'string':
      // A lone surrogate cannot be UTF-8: TextEncoder would silently turn it into U+FFFD.
      if (!value.isWellFormed()) throw unsupported('strings must be well-formed UTF-16')
      return JSON.stringify(value)
    case 'object':
      break
    default:
      throw unsupported(`${typeof value} is not an entry value`)
  }
  if (depth > MAX_ENTRY_DEPTH) {
    throw new AuditError({
      code: 'ENTRY_TOO_DEEP',
      message: `entry nests deeper than ${MAX_ENTRY_DEPTH}`,
      messageJa: '監査エントリの入れ子が深すぎます。',
    })
  }
  if (Array.isArray(value)) {
    const items: string[] = []
    // Index loop, not map: map skips holes, which must be refused like undefined.
    for (let i = 0; i < value.length; i++) items.push(canonicalJson(value[i], depth + 1))
    return `[${items.join(',')}]`
  }
  if (!isPlainObject(value)) throw unsupported('objects must be plain objects')
  if (Object.getOwnPropertySymbols(value).length > 0) throw unsupported('symbol keys are not entry values')
  const members: string[] = []
  // Default sort compares UTF-16 code units, as RFC 8785 §3.2.3 requires.
  for (const key of Object.keys(value).sort()) {
    members.push(`${canonicalJson(key, depth)}:${canonicalJson(value[key], depth + 1)}`)
  }
  return `{${members.join(',')}}`
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function unsupported(message: string): AuditError {
  return new AuditError({
    code: 'ENTRY_VALUE_UNSUPPORTED',
    message,
    messageJa: '監査エントリに記録できない値が含まれています（小数、未定義値など）。',
  })
}

function malformed(message: string): AuditError {
  return new AuditError({
    code: 'ENTRY_MALFORMED',
    message,
    messageJa: '監査エントリの形式が不正です。記録が破損または改ざんされた可能性があります。',
  })
}

function notCanonical(): AuditError {
  return new AuditError({
    code: 'ENTRY_NOT_CANONICAL',
    message: 'entry bytes are not the canonical encoding of their value',
    messageJa: '監査エントリが正規の形式で記録されていません。記録が改ざんされた可能性があります。',
  })
}
