import { createHash } from 'node:crypto'
import { isValidMyNumber } from '@mamori/rules/mynumber/check-digit.ts'
import {
  fromBase64Url,
  type HpkeKey,
  type HpkeKeyPair,
  importPublicKey,
  type NumberBinding,
  numberSealInfo,
  openSealedFromVault,
  type RecipientBinding,
  recipientSealInfo,
  type SealedForRecipient,
  type SealedNumber,
  toBase64Url,
  VAULT_HPKE_SUITE,
  vaultHpkeSuite,
} from '../contract/hpke-seal.ts'
import { VaultError } from '../errors.ts'
import type { KeyProvider, WrapContext } from '../keys/key-provider.ts'
import { needs } from '../needs.ts'

/**
 * The vault side of HPKE (RFC 9180; suite and bindings in contract/hpke-seal.ts): the vault's
 * long-term X25519 key pair, opening numbers sealed to it, and sealing results to a requester.
 *
 * At rest the private key exists only wrapped by the KEK (wrap purpose 'hpke-private-key', bound
 * to the key id). The key id is derived from the public key (SHA-256, base64url, 22 characters),
 * so a stored public key swapped for another no longer matches its id, and the wrapped private key
 * is bound to that id: neither half can be replaced alone.
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
  const kem = vaultHpkeSuite().kem
  const keys = await kem.generateKeyPair()
  const publicKey = toBase64Url(new Uint8Array(await kem.serializePublicKey(keys.publicKey)))
  const keyId = keyIdOf(publicKey)
  const rawPrivate = new Uint8Array(await kem.serializePrivateKey(keys.privateKey))
  try {
    const wrappedPrivateKey = await provider.wrap(rawPrivate, hpkePrivateKeyWrapContext(keyId))
    return {
      keyPair: Object.freeze({ keyId, publicKey, keys }),
      stored: { keyId, publicKey, wrappedPrivateKey },
    }
  } finally {
    rawPrivate.fill(0)
  }
}

/**
 * Unwraps a stored key pair. HPKE_KEY_INVALID if the public key does not match its id or its
 * private half (checked by sealing a probe and opening it); KEY_UNWRAP_FAILED if the wrapped
 * private key was not made for this id.
 */
export async function openVaultKeyPair(
  provider: KeyProvider,
  stored: StoredVaultKeyPair,
): Promise<VaultKeyPair> {
  const rawPublic = fromBase64Url(stored.publicKey)
  if (rawPublic === undefined || keyIdOf(stored.publicKey) !== stored.keyId) {
    throw hpkeKeyInvalid('a stored public key does not match its key id')
  }
  const kem = vaultHpkeSuite().kem
  const rawPrivate = await provider.unwrap(stored.wrappedPrivateKey, hpkePrivateKeyWrapContext(stored.keyId))
  let privateKey: HpkeKey
  try {
    privateKey = await kem.deserializePrivateKey(rawPrivate)
  } catch {
    throw hpkeKeyInvalid('a stored private key is not an X25519 key')
  } finally {
    rawPrivate.fill(0)
  }
  const keyPair: VaultKeyPair = Object.freeze({
    keyId: stored.keyId,
    publicKey: stored.publicKey,
    keys: { privateKey, publicKey: await importPublicKey(rawPublic) },
  })
  const probe = { tenantId: 'probe', requestId: 'probe' }
  const sealed = await sealForRecipient(stored.publicKey, new Uint8Array([1]), probe)
  try {
    await openSealedFromVault(privateKey, sealed, probe)
  } catch {
    throw hpkeKeyInvalid('a stored private key does not match its public key')
  }
  return keyPair
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
 * digits), MY_NUMBER_CHECK_DIGIT. Postcondition: a valid 12-digit My Number.
 */
export async function openSealedNumber(
  keyPairs: VaultKeyPair | readonly VaultKeyPair[],
  sealed: SealedNumber,
  binding: NumberBinding,
): Promise<string> {
  const keyPair = (Array.isArray(keyPairs) ? keyPairs : [keyPairs]).find(
    (pair) => pair.keyId === sealed?.keyId,
  )
  if (keyPair === undefined) {
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
  let plaintext: Uint8Array
  try {
    plaintext = new Uint8Array(
      await vaultHpkeSuite().open(
        { recipientKey: keyPair.keys, enc, info: numberSealInfo(keyPair.keyId, binding) },
        ciphertext,
      ),
    )
  } catch {
    throw hpkeOpenFailed()
  }
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
  const sealed = await vaultHpkeSuite().seal(
    { recipientPublicKey: await importPublicKey(recipientPublicKey), info: recipientSealInfo(binding) },
    bytes,
  )
  return { enc: toBase64Url(new Uint8Array(sealed.enc)), ciphertext: toBase64Url(new Uint8Array(sealed.ct)) }
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
