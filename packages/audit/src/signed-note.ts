/**
 * C2SP signed notes with Ed25519, verification side; runs in the browser (WebCrypto).
 * https://c2sp.org/signed-note — checkpoints (checkpoint.ts) are notes of this format, so any
 * tlog tool can read ours and we can take witness cosignatures later without a format change.
 *
 *   <text, ending in a newline>
 *   <blank line>
 *   — <key name> <base64(4-byte key ID || 64-byte Ed25519 signature over the text)>
 *
 * The key ID is SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4]; it only tells
 * keys apart, the public key itself comes from configuration we trust.
 */
import { concatBytes, decodeBase64, encodeBase64, equalBytes } from './bytes.ts'
import { AuditError } from './errors.ts'

/** A trusted signer of notes: its name and 32-byte Ed25519 public key (RFC 8032). */
export type VerifierKey = { name: string; publicKey: Uint8Array }

export type NoteSignature = { name: string; keyId: Uint8Array; signature: Uint8Array }

export type Note = { text: string; signatures: NoteSignature[] }

/** Signature type 0x01 of c2sp.org/signed-note: Ed25519 over the note text. */
const ED25519 = 0x01
const PUBLIC_KEY_BYTES = 32
const SIGNATURE_BYTES = 64
const KEY_ID_BYTES = 4
/** Bounds on attacker-controlled notes; the spec requires accepting at least 16 signatures. */
const MAX_NOTE_LENGTH = 16_384
export const MAX_NOTE_SIGNATURES = 16
const MAX_KEY_NAME_LENGTH = 256

const EM_DASH = '\u2014'
const SIGNATURE_LINE = /^\u2014 ([^\s+]+) ([A-Za-z0-9+/=]+)$/u

export function isValidKeyName(name: string): boolean {
  return (
    typeof name === 'string' &&
    name.length > 0 &&
    name.length <= MAX_KEY_NAME_LENGTH &&
    name.isWellFormed() &&
    !/[\s+]/u.test(name) &&
    !hasForbiddenControl(name)
  )
}

/** c2sp.org/signed-note "Ed25519 signatures": the recommended key ID. */
export async function keyIdOf(key: VerifierKey): Promise<Uint8Array> {
  requireKey(key)
  const digest = await crypto.subtle.digest(
    'SHA-256',
    concatBytes(new TextEncoder().encode(key.name), Uint8Array.of(0x0a, ED25519), key.publicKey),
  )
  return new Uint8Array(digest, 0, KEY_ID_BYTES)
}

/** The verifier key string of golang.org/x/mod/sumdb/note: `name+hex key ID+base64(0x01 || key)`. */
export async function formatVerifierKey(key: VerifierKey): Promise<string> {
  const id = await keyIdOf(key)
  const hex = Array.from(id, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${key.name}+${hex}+${encodeBase64(concatBytes(Uint8Array.of(ED25519), key.publicKey))}`
}

/**
 * Parses a verifier key string from configuration. Its key ID must match the name and key,
 * so a mistyped name or a key for another algorithm is refused here, not at first verification.
 */
export async function parseVerifierKey(text: string): Promise<VerifierKey> {
  const parts = typeof text === 'string' && text.length <= 1024 ? text.split('+') : []
  // The base64 may itself contain '+': everything after the second '+' is the key.
  const [name, hex, ...rest] = parts
  const material = decodeBase64(rest.join('+'))
  if (
    name === undefined ||
    hex === undefined ||
    !isValidKeyName(name) ||
    !/^[0-9a-f]{8}$/.test(hex) ||
    material === undefined ||
    material.length !== 1 + PUBLIC_KEY_BYTES ||
    material[0] !== ED25519
  ) {
    throw keyMalformed()
  }
  const key = { name, publicKey: material.slice(1) }
  if ((await formatVerifierKey(key)) !== text) throw keyMalformed()
  return key
}

/**
 * Splits a signed note into its text and signature lines, refusing anything outside the spec.
 * Attacker-controlled: the text returned here is NOT verified; use openNote.
 */
export function parseNote(note: string): Note {
  if (typeof note !== 'string' || note.length > MAX_NOTE_LENGTH) throw noteMalformed('note is too long')
  if (!note.isWellFormed() || hasForbiddenControl(note)) throw noteMalformed('note has forbidden characters')
  if (!note.endsWith('\n')) throw noteMalformed('note does not end in a newline')
  // The text is separated from the signatures by the last empty line in the note.
  const split = note.lastIndexOf('\n\n')
  if (split < 0) throw noteMalformed('note has no signature block')
  const text = note.slice(0, split + 1)
  const lines = note.slice(split + 2, -1).split('\n')
  if (lines.length > MAX_NOTE_SIGNATURES) throw noteMalformed('note has too many signatures')
  const signatures = lines.map((line) => {
    const match = SIGNATURE_LINE.exec(line)
    const blob = match ? decodeBase64(match[2]!) : undefined
    if (!match || blob === undefined || blob.length <= KEY_ID_BYTES || !isValidKeyName(match[1]!)) {
      throw noteMalformed('note has a malformed signature line')
    }
    return { name: match[1]!, keyId: blob.slice(0, KEY_ID_BYTES), signature: blob.slice(KEY_ID_BYTES) }
  })
  return { text, signatures }
}

/**
 * Returns the note's text once a signature by `key` verifies. Per the spec: signatures by other
 * keys are ignored (witnesses may cosign); a signature that claims to be `key` and fails rejects
 * the whole note; no signature by `key` rejects it.
 */
export async function openNote(note: string, key: VerifierKey): Promise<string> {
  const { text, signatures } = parseNote(note)
  const id = await keyIdOf(key)
  const ours = signatures.filter((s) => s.name === key.name && equalBytes(s.keyId, id))
  if (ours.length === 0) throw signatureInvalid('note is not signed by the trusted key')
  const publicKey = await importEd25519(key.publicKey)
  const message = new TextEncoder().encode(text)
  for (const s of ours) {
    const valid =
      s.signature.length === SIGNATURE_BYTES &&
      (await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, s.signature.slice(), message))
    if (!valid) throw signatureInvalid('signature by the trusted key does not verify')
  }
  return text
}

/** The line a signer appends; sign-checkpoint.ts is its only writer. */
export function signatureLine(name: string, keyId: Uint8Array, signature: Uint8Array): string {
  return `${EM_DASH} ${name} ${encodeBase64(concatBytes(keyId, signature))}\n`
}

/** Controls other than newline are forbidden by the spec; none may hide in what we display. */
function hasForbiddenControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20 && c !== 0x0a) return true
  }
  return false
}

/** Browsers may refuse a key that is not a curve point where Node accepts it; both are malformed. */
async function importEd25519(publicKey: Uint8Array) {
  try {
    return await crypto.subtle.importKey('raw', publicKey.slice(), { name: 'Ed25519' }, false, ['verify'])
  } catch {
    throw keyMalformed()
  }
}

function requireKey(key: VerifierKey): void {
  if (
    !(key.publicKey instanceof Uint8Array && key.publicKey.length === PUBLIC_KEY_BYTES) ||
    !isValidKeyName(key.name)
  ) {
    throw keyMalformed()
  }
}

function keyMalformed(): AuditError {
  return new AuditError({
    code: 'VERIFIER_KEY_MALFORMED',
    message: 'verifier key is not an Ed25519 signed-note key',
    messageJa: '検証用の公開鍵の形式が不正です。設定を確認してください。',
    field: 'publicKey',
  })
}

function noteMalformed(message: string): AuditError {
  return new AuditError({
    code: 'CHECKPOINT_MALFORMED',
    message,
    messageJa: 'チェックポイントの形式が不正です。',
    field: 'checkpoint',
  })
}

function signatureInvalid(message: string): AuditError {
  return new AuditError({
    code: 'CHECKPOINT_SIGNATURE_INVALID',
    message,
    messageJa: 'チェックポイントの署名を検証できません。ログが改ざんされたか、別の鍵で署名されています。',
    field: 'checkpoint',
  })
}
