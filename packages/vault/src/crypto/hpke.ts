import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto'
import { isValidMyNumber } from '@mamori/rules/mynumber/check-digit.ts'
import {
  fromBase64Url,
  type HpkeKeyPair,
  type NumberBinding,
  numberSealInfo,
  type RecipientBinding,
  recipientSealInfo,
  type SealedForRecipient,
  type SealedNumber,
  toBase64Url,
  VAULT_HPKE_SUITE,
} from '../contract/hpke-seal.ts'
import { VaultError } from '../errors.ts'
import type { KeyProvider, WrapContext } from '../keys/key-provider.ts'
import { needs } from '../needs.ts'
import { type HpkeRecipientKey, hpkeBaseOpen, hpkeBaseSeal, hpkeRecipientKey } from './hpke-base.ts'

/**
 * The vault side of HPKE (RFC 9180; suite and bindings in contract/hpke-seal.ts): the vault's
 * long-term X25519 key pair, opening numbers sealed to it, and sealing results to a requester.
 *
 * At rest the private key exists only wrapped by the KEK (wrap purpose 'hpke-private-key', bound
 * to the key id). The key id is derived from the public key (SHA-256, base64url, 22 characters),
 * so a stored public key swapped for another no longer matches its id, and the wrapped private key
 * is bound to that id: neither half can be replaced alone.
 *
 * The vault opens and seals on node:crypto (hpke-base.ts), synchronously and several times faster
 * than @hpke/core on WebCrypto; devices keep @hpke/core (contract/hpke-seal.ts). Both make and
 * accept the same bytes.
 */
export type VaultKeyPair = {
  readonly keyId: string
  /** Raw X25519 public key, base64url: what devices seal to. */
  readonly publicKey: string
  readonly keys: HpkeKeyPair
}

/** What the vault keeps of a key pair (a file or its database); safe to store, never secret. */
export type StoredVaultKeyPair = { keyId: string; publicKey: string; wrappedPrivateKey: Uint8Array }

/** What the vault publishes for devices. */
export type PublishedVaultKey = { keyId: string; publicKey: string; suite: typeof VAULT_HPKE_SUITE }

const KEY_ID_LENGTH = 22

export async function createVaultKeyPair(
  provider: KeyProvider,
): Promise<{ keyPair: VaultKeyPair; stored: StoredVaultKeyPair }> {
  const recipient = hpkeRecipientKey(generateKeyPairSync('x25519').privateKey)
  const publicKey = toBase64Url(recipient.publicKey)
  const keyId = keyIdOf(publicKey)
  const rawPrivate = recipient.privateKey.export({ format: 'raw-private' })
  try {
    const wrappedPrivateKey = await provider.wrap(rawPrivate, hpkePrivateKeyWrapContext(keyId))
    return {
      keyPair: vaultKeyPair(keyId, publicKey, recipient),
      stored: { keyId, publicKey, wrappedPrivateKey },
    }
  } finally {
    rawPrivate.fill(0)
  }
}

/**
 * Unwraps a stored key pair. HPKE_KEY_INVALID if the public key does not match its id or its
 * private half (the public key derived from the private one differs); KEY_UNWRAP_FAILED if the
 * wrapped private key was not made for this id.
 */
export async function openVaultKeyPair(
  provider: KeyProvider,
  stored: StoredVaultKeyPair,
): Promise<VaultKeyPair> {
  const rawPublic = fromBase64Url(stored.publicKey)
  if (rawPublic === undefined || keyIdOf(stored.publicKey) !== stored.keyId) {
    throw hpkeKeyInvalid('a stored public key does not match its key id')
  }
  const rawPrivate = await provider.unwrap(stored.wrappedPrivateKey, hpkePrivateKeyWrapContext(stored.keyId))
  let recipient: HpkeRecipientKey
  try {
    recipient = hpkeRecipientKey(
      createPrivateKey({
        key: Buffer.from(rawPrivate.buffer, rawPrivate.byteOffset, rawPrivate.byteLength),
        format: 'raw-private',
        asymmetricKeyType: 'x25519',
      }),
    )
  } catch {
    throw hpkeKeyInvalid('a stored private key is not an X25519 key')
  } finally {
    rawPrivate.fill(0)
  }
  if (!recipient.publicKey.equals(rawPublic)) {
    throw hpkeKeyInvalid('a stored private key does not match its public key')
  }
  return vaultKeyPair(stored.keyId, stored.publicKey, recipient)
}

export function publishVaultKey(keyPair: VaultKeyPair): PublishedVaultKey {
  return { keyId: keyPair.keyId, publicKey: keyPair.publicKey, suite: VAULT_HPKE_SUITE }
}

export function hpkePrivateKeyWrapContext(keyId: string): WrapContext {
  return { purpose: 'hpke-private-key', keyId }
}

/**
 * Opens a number a device sealed to one of `keyPairs` for exactly `binding` (tenant, subject,
 * purpose). Attacker-controlled `sealed`. Refusals: HPKE_KEY_UNKNOWN (no key pair with its id),
 * HPKE_OPEN_FAILED (tampered, or sealed for another binding), MY_NUMBER_FORMAT (not 12 ASCII
 * digits), MY_NUMBER_CHECK_DIGIT. Precondition: each key pair came from createVaultKeyPair or
 * openVaultKeyPair (ARGUMENT_INVALID otherwise). Postcondition: a valid 12-digit My Number.
 */
export async function openSealedNumber(
  keyPairs: VaultKeyPair | readonly VaultKeyPair[],
  sealed: SealedNumber,
  binding: NumberBinding,
): Promise<string> {
  const keyPair = (Array.isArray(keyPairs) ? keyPairs : [keyPairs]).find(
    (pair) => pair.keyId === sealed?.keyId,
  )
  return openWith(
    keyPair === undefined ? undefined : recipientKeyOf(keyPair),
    keyPair?.keyId,
    sealed,
    binding,
  )
}

/**
 * The private halves of the vault's key pairs by key id, as node:crypto KeyObjects: what a crypto
 * worker (service/crypto-pool.ts) receives to open numbers with `openSealedNumberWith`. A KeyObject
 * crosses to a worker thread as a handle to the same key; its bytes never enter JavaScript.
 */
export type VaultRecipientKeys = ReadonlyMap<string, KeyObject>

export function vaultRecipientKeys(keyPairs: readonly VaultKeyPair[]): VaultRecipientKeys {
  return new Map(keyPairs.map((pair) => [pair.keyId, recipientKeyOf(pair).privateKey]))
}

/** `openSealedNumber`, synchronous, for the keys of `vaultRecipientKeys`; the same refusals. */
export function openSealedNumberWith(
  recipients: ReadonlyMap<string, HpkeRecipientKey>,
  sealed: SealedNumber,
  binding: NumberBinding,
): string {
  const keyId = sealed?.keyId
  return openWith(recipients.get(keyId), keyId, sealed, binding)
}

/** Each private key of `vaultRecipientKeys` made an HPKE recipient key again (its public key serialized once). */
export function hpkeRecipients(keys: VaultRecipientKeys): ReadonlyMap<string, HpkeRecipientKey> {
  return new Map([...keys].map(([keyId, privateKey]) => [keyId, hpkeRecipientKey(privateKey)]))
}

function openWith(
  recipient: HpkeRecipientKey | undefined,
  keyId: string | undefined,
  sealed: SealedNumber,
  binding: NumberBinding,
): string {
  if (recipient === undefined || keyId === undefined) {
    throw new VaultError({
      code: 'HPKE_KEY_UNKNOWN',
      message: 'sealed to a key this vault does not hold',
      field: 'sealed',
    })
  }
  const enc = fromBase64Url(sealed.enc)
  const ciphertext = fromBase64Url(sealed.ciphertext)
  if (enc === undefined || ciphertext === undefined) {
    throw hpkeOpenFailed()
  }
  const plaintext = hpkeBaseOpen(VAULT_HPKE_SUITE, recipient, {
    enc,
    ciphertext,
    info: numberSealInfo(keyId, binding),
  })
  const number = plaintext.length === 12 ? String.fromCharCode(...plaintext) : ''
  plaintext.fill(0)
  if (!/^[0-9]{12}$/.test(number)) {
    throw new VaultError({
      code: 'MY_NUMBER_FORMAT',
      message: 'the sealed value is not 12 ASCII digits',
      field: 'sealed',
    })
  }
  if (!isValidMyNumber(number)) {
    throw new VaultError({
      code: 'MY_NUMBER_CHECK_DIGIT',
      message: 'the check digit does not match',
      field: 'sealed',
    })
  }
  return number
}

/**
 * Seals bytes (a merged document) to the requester's public key for one request; the device
 * opens it with `openSealedFromVault` and the same binding. HPKE_KEY_INVALID for a bad key.
 */
export async function sealForRecipient(
  recipientPublicKey: string | Uint8Array,
  bytes: Uint8Array,
  binding: RecipientBinding,
): Promise<SealedForRecipient> {
  needs(bytes instanceof Uint8Array, 'the bytes to seal must be a Uint8Array', 'bytes')
  const rawPublic =
    typeof recipientPublicKey === 'string' ? fromBase64Url(recipientPublicKey) : recipientPublicKey
  if (rawPublic === undefined) {
    throw hpkeKeyInvalid('not a raw X25519 public key')
  }
  const { enc, ciphertext } = hpkeBaseSeal(VAULT_HPKE_SUITE, rawPublic, {
    plaintext: bytes,
    info: recipientSealInfo(binding),
  })
  return { enc: toBase64Url(enc), ciphertext: toBase64Url(ciphertext) }
}

/**
 * The node:crypto private key of each key pair, kept beside it so the type of VaultKeyPair stays
 * as it was; `keys` holds CryptoKeys over the same key (toCryptoKey shares it), not a copy.
 */
const recipientKeys = new WeakMap<VaultKeyPair, HpkeRecipientKey>()

function vaultKeyPair(keyId: string, publicKey: string, recipient: HpkeRecipientKey): VaultKeyPair {
  const keyPair: VaultKeyPair = Object.freeze({
    keyId,
    publicKey,
    keys: {
      privateKey: recipient.privateKey.toCryptoKey('X25519', false, ['deriveBits']),
      publicKey: createPublicKey(recipient.privateKey).toCryptoKey('X25519', true, []),
    },
  })
  recipientKeys.set(keyPair, recipient)
  return keyPair
}

function recipientKeyOf(keyPair: VaultKeyPair): HpkeRecipientKey {
  const recipient = recipientKeys.get(keyPair)
  needs(
    recipient !== undefined,
    'a vault key pair must come from createVaultKeyPair or openVaultKeyPair',
    'keyPairs',
  )
  return recipient
}

function keyIdOf(publicKey: string): string {
  return createHash('sha256').update(publicKey).digest('base64url').slice(0, KEY_ID_LENGTH)
}

function hpkeOpenFailed(): VaultError {
  return new VaultError({
    code: 'HPKE_OPEN_FAILED',
    message: 'HPKE ciphertext did not open',
    field: 'sealed',
  })
}

function hpkeKeyInvalid(message: string): VaultError {
  return new VaultError({ code: 'HPKE_KEY_INVALID', message })
}
