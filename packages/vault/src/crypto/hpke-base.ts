import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPublicKey,
  createSecretKey,
  diffieHellman,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto'
import { VaultError } from '../errors.ts'
import { needs } from '../needs.ts'

/**
 * HPKE (RFC 9180) base mode, single shot, synchronous, on node:crypto KeyObjects: the vault's fast
 * path for what @hpke/core does on WebCrypto (which stays on the device, contract/hpke-seal.ts;
 * both produce and accept the same bytes). Only a composition of node:crypto primitives: X25519 by
 * `diffieHellman`, HKDF-SHA256 as HMAC-SHA256 per RFC 5869, AES-GCM by `createCipheriv`. Every
 * intermediate secret becomes a KeyObject before it keys an HMAC or the AEAD (its bytes are then
 * zeroed): node:crypto takes a KeyObject several times faster than a Buffer key.
 *
 * One KEM, DHKEM(X25519, HKDF-SHA256); one KDF, HKDF-SHA256; AEAD AES-128-GCM (so the RFC's own
 * Appendix A.1 vector applies) or AES-256-GCM (the vault's suite). Anything else is refused.
 * No PSK or Auth modes, no multi-message contexts, no Export: the vault needs none of them.
 */
export type HpkeSuite = { readonly kem: string; readonly kdf: string; readonly aead: string }

/** The recipient's X25519 private key as a KeyObject (created once) and pkRm = SerializePublicKey(pk(skR)). */
export type HpkeRecipientKey = { readonly privateKey: KeyObject; readonly publicKey: Buffer }

export type HpkeOpenInput = { enc: Uint8Array; ciphertext: Uint8Array; info: Uint8Array; aad?: Uint8Array }

export type HpkeSealInput = {
  plaintext: Uint8Array
  info: Uint8Array
  aad?: Uint8Array
  /**
   * Only for known-answer tests (RFC 9180 Appendix A gives skEm). A reused ephemeral key reuses
   * the AEAD key and nonce for the same recipient and info, so callers never pass one.
   */
  ephemeralPrivateKey?: KeyObject
}

// RFC 9180 §7.1 (KEM), §7.2 (KDF), §7.3 (AEAD) identifiers and sizes.
const KEM_X25519_HKDF_SHA256 = 0x0020
const KDF_HKDF_SHA256 = 0x0001
const N_SECRET = 32
const N_ENC = 32
const N_H = 32
const N_N = 12
const N_T = 16
const MODE_BASE = 0x00

type Aead = { id: number; cipher: 'aes-128-gcm' | 'aes-256-gcm'; nk: number }
const AEADS: ReadonlyMap<string, Aead> = new Map([
  ['AES-128-GCM', { id: 0x0001, cipher: 'aes-128-gcm', nk: 16 }],
  ['AES-256-GCM', { id: 0x0002, cipher: 'aes-256-gcm', nk: 32 }],
])

const HPKE_V1 = Buffer.from('HPKE-v1')
const EMPTY = Buffer.alloc(0)
/** RFC 5869 §2.2: an absent salt is HashLen zero bytes. */
const ZERO_SALT = createSecretKey(Buffer.alloc(N_H))
/** §4.1: suite_id = concat("KEM", I2OSP(kem_id, 2)). */
const KEM_SUITE_ID = Buffer.concat([Buffer.from('KEM'), i2osp2(KEM_X25519_HKDF_SHA256)])

type Suite = { aead: Aead; suiteId: Buffer; keyScheduleContextPrefix: Buffer }
const suites = new Map<Aead, Suite>()

/**
 * §5.2 Open with a context fresh from §5.1 SetupBaseR, at sequence number 0. Attacker-controlled
 * `enc` and `ciphertext`. Any failure (enc not 32 bytes, a low-order point, another recipient,
 * info or aad, a changed byte) is HPKE_OPEN_FAILED, one code for all: a finer answer would tell
 * an attacker which byte to work on next.
 */
export function hpkeBaseOpen(suite: HpkeSuite, recipient: HpkeRecipientKey, input: HpkeOpenInput): Buffer {
  const { aead, suiteId, keyScheduleContextPrefix } = resolveSuite(suite)
  const { enc, ciphertext, info, aad = EMPTY } = input
  if (enc.length !== N_ENC || ciphertext.length < N_T) {
    throw hpkeOpenFailed()
  }
  // §4.1 Decap: pkE = DeserializePublicKey(enc); dh = DH(skR, pkE); kem_context = enc ‖ pkRm.
  const dh = x25519(recipient.privateKey, enc)
  if (dh === undefined) {
    throw hpkeOpenFailed()
  }
  const sharedSecret = extractAndExpand(dh, enc, recipient.publicKey)
  const { key, baseNonce } = keyScheduleBase(suiteId, keyScheduleContextPrefix, aead, sharedSecret, info)
  // §5.2 ComputeNonce(0) = base_nonce XOR I2OSP(0, Nn) = base_nonce; AEAD Open with tag length Nt.
  const tagAt = ciphertext.length - N_T
  let plaintext: Buffer | undefined
  try {
    const decipher = createDecipheriv(aead.cipher, key, baseNonce, { authTagLength: N_T })
    decipher.setAAD(aad)
    decipher.setAuthTag(ciphertext.subarray(tagAt))
    plaintext = decipher.update(ciphertext.subarray(0, tagAt))
    // GCM's final() checks the tag and adds no bytes: the plaintext is never copied, so the
    // caller can zero the only copy, and an unauthenticated one is zeroed here.
    decipher.final()
    return plaintext
  } catch {
    plaintext?.fill(0)
    throw hpkeOpenFailed()
  }
}

/**
 * §5.1.1 SetupBaseS then §5.2 Seal at sequence number 0, to a serialized X25519 public key (pkRm,
 * 32 bytes). HPKE_KEY_INVALID if it is not 32 bytes or is a low-order point (§7.1.4: the DH
 * output would be all zero).
 */
export function hpkeBaseSeal(
  suite: HpkeSuite,
  recipientPublicKey: Uint8Array,
  input: HpkeSealInput,
): { enc: Buffer; ciphertext: Buffer } {
  const { aead, suiteId, keyScheduleContextPrefix } = resolveSuite(suite)
  const { plaintext, info, aad = EMPTY } = input
  if (!(recipientPublicKey instanceof Uint8Array) || recipientPublicKey.length !== N_ENC) {
    throw hpkeKeyInvalid()
  }
  // §4.1 Encap: skE, pkE = GenerateKeyPair(); dh = DH(skE, pkR); enc = SerializePublicKey(pkE).
  const ephemeral = input.ephemeralPrivateKey ?? generateKeyPairSync('x25519').privateKey
  const enc = serializePublicKey(ephemeral)
  const dh = x25519(ephemeral, recipientPublicKey)
  if (dh === undefined) {
    throw hpkeKeyInvalid()
  }
  const sharedSecret = extractAndExpand(dh, enc, recipientPublicKey)
  const { key, baseNonce } = keyScheduleBase(suiteId, keyScheduleContextPrefix, aead, sharedSecret, info)
  const cipher = createCipheriv(aead.cipher, key, baseNonce, { authTagLength: N_T })
  cipher.setAAD(aad)
  return { enc, ciphertext: Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]) }
}

/** The recipient side of an X25519 private key: keeps the KeyObject, serializes its public key once. */
export function hpkeRecipientKey(privateKey: KeyObject): HpkeRecipientKey {
  needs(
    privateKey.type === 'private' && privateKey.asymmetricKeyType === 'x25519',
    'an HPKE recipient key must be an X25519 private KeyObject',
    'privateKey',
  )
  return Object.freeze({ privateKey, publicKey: serializePublicKey(privateKey) })
}

function resolveSuite(suite: HpkeSuite): Suite {
  const aead = AEADS.get(suite.aead)
  needs(
    suite.kem === 'DHKEM(X25519, HKDF-SHA256)' && suite.kdf === 'HKDF-SHA256' && aead !== undefined,
    'HPKE suite must be DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM or AES-256-GCM',
    'suite',
  )
  let resolved = suites.get(aead)
  if (resolved === undefined) {
    // §5.1: suite_id = concat("HPKE", I2OSP(kem_id, 2), I2OSP(kdf_id, 2), I2OSP(aead_id, 2)).
    const suiteId = Buffer.concat([
      Buffer.from('HPKE'),
      i2osp2(KEM_X25519_HKDF_SHA256),
      i2osp2(KDF_HKDF_SHA256),
      i2osp2(aead.id),
    ])
    // §5.1 in mode_base psk_id is empty, so concat(mode, psk_id_hash) is the same for every message.
    const pskIdHash = labeledExtract(suiteId, ZERO_SALT, 'psk_id_hash', EMPTY)
    resolved = { aead, suiteId, keyScheduleContextPrefix: Buffer.concat([Buffer.of(MODE_BASE), pskIdHash]) }
    suites.set(aead, resolved)
  }
  return resolved
}

/** §4.1 ExtractAndExpand(dh, kem_context), kem_context = concat(enc, pkRm). */
function extractAndExpand(dh: Buffer, enc: Uint8Array, pkRm: Uint8Array): KeyObject {
  const eaePrk = labeledExtract(KEM_SUITE_ID, ZERO_SALT, 'eae_prk', dh)
  dh.fill(0)
  return secretKey(labeledExpand(KEM_SUITE_ID, secretKey(eaePrk), 'shared_secret', [enc, pkRm], N_SECRET))
}

/**
 * §5.1 KeySchedule for mode_base (psk = psk_id = "", so VerifyPSKInputs holds). exporter_secret
 * is not derived: no Export here.
 */
function keyScheduleBase(
  suiteId: Buffer,
  keyScheduleContextPrefix: Buffer,
  aead: Aead,
  sharedSecret: KeyObject,
  info: Uint8Array,
): { key: KeyObject; baseNonce: Buffer } {
  const infoHash = labeledExtract(suiteId, ZERO_SALT, 'info_hash', info)
  const keyScheduleContext = [keyScheduleContextPrefix, infoHash]
  const secret = secretKey(labeledExtract(suiteId, sharedSecret, 'secret', EMPTY))
  return {
    key: secretKey(labeledExpand(suiteId, secret, 'key', keyScheduleContext, aead.nk)),
    baseNonce: labeledExpand(suiteId, secret, 'base_nonce', keyScheduleContext, N_N),
  }
}

/**
 * §4 LabeledExtract(salt, label, ikm): HKDF-Extract(salt, concat("HPKE-v1", suite_id, label, ikm)),
 * where HKDF-Extract(salt, IKM) = HMAC-Hash(salt, IKM) (RFC 5869 §2.2).
 */
function labeledExtract(suiteId: Buffer, salt: KeyObject, label: string, ikm: Uint8Array): Buffer {
  return createHmac('sha256', salt)
    .update(HPKE_V1)
    .update(suiteId)
    .update(label, 'latin1')
    .update(ikm)
    .digest()
}

/**
 * §4 LabeledExpand(prk, label, info, L): HKDF-Expand(prk, concat(I2OSP(L, 2), "HPKE-v1", suite_id,
 * label, info), L). Every L here is at most Hash.Nh, so HKDF-Expand (RFC 5869 §2.3) is its first
 * block, T(1) = HMAC-Hash(PRK, info ‖ 0x01), truncated to L.
 */
function labeledExpand(
  suiteId: Buffer,
  prk: KeyObject,
  label: string,
  info: readonly Uint8Array[],
  length: number,
): Buffer {
  const hmac = createHmac('sha256', prk).update(i2osp2(length)).update(HPKE_V1).update(suiteId)
  hmac.update(label, 'latin1')
  for (const part of info) {
    hmac.update(part)
  }
  const block = hmac.update(COUNTER_1).digest()
  if (length === N_H) {
    return block
  }
  const out = Buffer.from(block.subarray(0, length))
  block.fill(0)
  return out
}

const COUNTER_1 = Buffer.of(1)

/** A KeyObject holding `bytes`, which are zeroed: from here on the secret lives only in the KeyObject. */
function secretKey(bytes: Buffer): KeyObject {
  const key = createSecretKey(bytes)
  bytes.fill(0)
  return key
}

/**
 * §7.1.1 DH(sk, pk) on X25519 (RFC 7748), pk given serialized. Undefined if pk is not a key or the
 * shared secret is all zero (a low-order point): §7.1.4 requires aborting then. OpenSSL refuses
 * that case itself; the check here keeps the rule where the RFC is cited.
 */
function x25519(privateKey: KeyObject, publicKey: Uint8Array): Buffer | undefined {
  let dh: Buffer
  try {
    dh = diffieHellman({ privateKey, publicKey: createPublicKey(x25519PublicKeyPem(publicKey)) })
  } catch {
    return undefined
  }
  let any = 0
  for (const byte of dh) {
    any |= byte
  }
  return any === 0 ? undefined : dh
}

/**
 * DeserializePublicKey (§7.1.1) as the PEM text (RFC 7468) of its SubjectPublicKeyInfo (RFC 8410
 * §4: the DER prefix, then the 32 bytes). Text rather than `{ format: 'raw-public' }`: given an
 * options object, node 24's createPublicKey tells it from a KeyObject or CryptoKey by throwing and
 * catching twice, which costs more than the parse and was half the time of an open.
 */
function x25519PublicKeyPem(publicKey: Uint8Array): string {
  const spki = Buffer.concat([X25519_SPKI_PREFIX, publicKey]).toString('base64')
  return `-----BEGIN PUBLIC KEY-----\n${spki}\n-----END PUBLIC KEY-----\n`
}

const X25519_SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex')

/** §7.1.1 SerializePublicKey for X25519: the 32-byte u-coordinate (RFC 7748 §5). */
function serializePublicKey(key: KeyObject): Buffer {
  return (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'raw-public' })
}

/** I2OSP(n, 2): big-endian 2 bytes (RFC 8017 §4.1). */
function i2osp2(n: number): Buffer {
  return Buffer.of(n >> 8, n & 0xff)
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
