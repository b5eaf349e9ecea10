import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core'
import { VaultError } from '../errors.ts'

/**
 * The device side of the vault's HPKE (RFC 9180): a My Number is sealed to the vault's public key
 * on the device of the person entering it (the browser page, or the `mamori` CLI on the user's
 * machine), so the app server only ever relays ciphertext. The vault opens it (crypto/hpke.ts);
 * merge results travel the other way, sealed by the vault to a key the requester's device made.
 *
 * Suite: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, base mode (RFC 9180 §5.1.1, §7).
 * AES-256-GCM rather than ChaCha20-Poly1305 because @hpke/core runs it on WebCrypto in both the
 * browser and Node, with no extra package.
 *
 * The binding (key id, tenant, subject, purpose) goes into HPKE's `info`, which enters the key
 * schedule (RFC 9180 §5.1): a ciphertext made for one subject or purpose opens for no other.
 *
 * Browser-safe and tiny on purpose: no node:* import, nothing of ours but the error class.
 */
export const VAULT_HPKE_SUITE = Object.freeze({
  kem: 'DHKEM(X25519, HKDF-SHA256)',
  kdf: 'HKDF-SHA256',
  aead: 'AES-256-GCM',
})

/** Who and what a sealed number is for; every member is bound into `info`. */
export type NumberBinding = { tenantId: string; subjectId: string; purpose: string }

/** Which request a merge result answers; bound into `info`, so a result opens only for its request. */
export type RecipientBinding = { tenantId: string; requestId: string }

/** A number sealed to the vault: the wire shape of ZSealedNumber. */
export type SealedNumber = { keyId: string; enc: string; ciphertext: string }

/** Bytes sealed by the vault to a requester's key: the wire shape of ZSealedForRecipient. */
export type SealedForRecipient = { enc: string; ciphertext: string }

/** WebCrypto key types as @hpke/core uses them (the browser's CryptoKey, Node's webcrypto.CryptoKey). */
export type HpkeKeyPair = Awaited<ReturnType<CipherSuite['kem']['generateKeyPair']>>
export type HpkeKey = HpkeKeyPair['privateKey']

const NUMBER_INFO_LABEL = 'mamori/vault/hpke/my-number/v1'
const RECIPIENT_INFO_LABEL = 'mamori/vault/hpke/for-recipient/v1'
const X25519_KEY_LENGTH = 32

let suite: CipherSuite | undefined

/** The one cipher suite of the vault's HPKE, shared by both sides. */
export function vaultHpkeSuite(): CipherSuite {
  suite ??= new CipherSuite({
    kem: new DhkemX25519HkdfSha256(),
    kdf: new HkdfSha256(),
    aead: new Aes256Gcm(),
  })
  return suite
}

/**
 * Seals a canonical 12-digit number (normalise typed input first, rules/text/normalize-digits.ts)
 * to the vault's published key. The check digit is the caller's to show to the person; the vault
 * checks it again after opening.
 */
export async function sealNumberForVault(
  publicKey: string | Uint8Array,
  keyId: string,
  number: string,
  binding: NumberBinding,
): Promise<SealedNumber> {
  if (typeof number !== 'string' || !/^[0-9]{12}$/.test(number)) {
    throw new VaultError({
      code: 'MY_NUMBER_FORMAT',
      message: 'the number to seal is not 12 ASCII digits',
      field: 'number',
    })
  }
  const recipientPublicKey = await importPublicKey(publicKey)
  const sealed = await vaultHpkeSuite().seal(
    { recipientPublicKey, info: numberSealInfo(keyId, binding) },
    new TextEncoder().encode(number),
  )
  return {
    keyId,
    enc: toBase64Url(new Uint8Array(sealed.enc)),
    ciphertext: toBase64Url(new Uint8Array(sealed.ct)),
  }
}

/** A device's key pair for receiving merge results; only the public half leaves the device. */
export async function createRecipientKeyPair(): Promise<{ publicKey: string; privateKey: HpkeKey }> {
  const hpke = vaultHpkeSuite()
  const pair = await hpke.kem.generateKeyPair()
  return {
    publicKey: toBase64Url(new Uint8Array(await hpke.kem.serializePublicKey(pair.publicKey))),
    privateKey: pair.privateKey,
  }
}

/** Opens what the vault sealed to this device for `binding`'s request; HPKE_OPEN_FAILED otherwise. */
export async function openSealedFromVault(
  privateKey: HpkeKey,
  sealed: SealedForRecipient,
  binding: RecipientBinding,
): Promise<Uint8Array> {
  const enc = fromBase64Url(sealed.enc)
  const ciphertext = fromBase64Url(sealed.ciphertext)
  if (enc === undefined || enc.length !== X25519_KEY_LENGTH || ciphertext === undefined) {
    throw hpkeOpenFailed()
  }
  try {
    const plaintext = await vaultHpkeSuite().open(
      { recipientKey: privateKey, enc, info: recipientSealInfo(binding) },
      ciphertext,
    )
    return new Uint8Array(plaintext)
  } catch {
    throw hpkeOpenFailed()
  }
}

export function numberSealInfo(keyId: string, binding: NumberBinding): Uint8Array {
  return encodeBoundContext(NUMBER_INFO_LABEL, [keyId, binding.tenantId, binding.subjectId, binding.purpose])
}

export function recipientSealInfo(binding: RecipientBinding): Uint8Array {
  return encodeBoundContext(RECIPIENT_INFO_LABEL, [binding.tenantId, binding.requestId])
}

/** Imports a raw X25519 public key (32 bytes, or their base64url); HPKE_KEY_INVALID otherwise. */
export async function importPublicKey(publicKey: string | Uint8Array): Promise<HpkeKey> {
  const raw = typeof publicKey === 'string' ? fromBase64Url(publicKey) : publicKey
  if (!(raw instanceof Uint8Array) || raw.length !== X25519_KEY_LENGTH) {
    throw hpkeKeyInvalid()
  }
  try {
    return await vaultHpkeSuite().kem.deserializePublicKey(raw)
  } catch {
    throw hpkeKeyInvalid()
  }
}

/**
 * The one encoding of "what this ciphertext is about" that every AEAD, MAC and HPKE context in the
 * vault binds. For the label and then each field: a 4-byte big-endian length, then the bytes
 * (strings as UTF-8, numbers as 4-byte big-endian unsigned integers). Length prefixes make it
 * injective: ("ab", "c") and ("a", "bc") differ. The label separates domains, so bytes bound for
 * one use never authenticate as another (the idea of RFC 9180 §5.1's labelled KDF).
 */
export type BoundField = string | number | Uint8Array

export function encodeBoundContext(label: string, fields: readonly BoundField[]): Uint8Array {
  const encodedLabel = encoder.encode(label)
  const parts: (Uint8Array | number)[] = [encodedLabel]
  let length = 4 + encodedLabel.length
  for (const field of fields) {
    const part = typeof field === 'string' ? encoder.encode(field) : field
    parts.push(part)
    length += 4 + (typeof part === 'number' ? 4 : part.length)
  }
  const out = new Uint8Array(length)
  const view = new DataView(out.buffer)
  let offset = 0
  for (const part of parts) {
    if (typeof part === 'number') {
      view.setUint32(offset, 4)
      view.setUint32(offset + 4, part)
      offset += 8
    } else {
      view.setUint32(offset, part.length)
      out.set(part, offset + 4)
      offset += 4 + part.length
    }
  }
  return out
}

const encoder = new TextEncoder()

export function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) {
    binary += String.fromCharCode(byte)
  }
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

/**
 * Attacker-controlled input: strict base64url without padding, canonical (the unused low bits of
 * the last character are zero), or undefined. One byte string has exactly one accepted encoding.
 */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    return undefined
  }
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i)
  }
  return toBase64Url(bytes) === text ? bytes : undefined
}

function hpkeOpenFailed(): VaultError {
  return new VaultError({
    code: 'HPKE_OPEN_FAILED',
    message: 'HPKE ciphertext did not open',
    field: 'sealed',
  })
}

function hpkeKeyInvalid(): VaultError {
  return new VaultError({
    code: 'HPKE_KEY_INVALID',
    message: 'not a raw X25519 public key',
    field: 'publicKey',
  })
}
