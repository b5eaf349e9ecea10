import { encodeBoundContext, needsId, needsVersion } from '../crypto/bound-context.ts'
import { VaultError } from '../errors.ts'
import { needs } from '../needs.ts'
import type { KeyProviderKind, WrapContext } from './key-provider.ts'

/**
 * The wrapped-key format shared by every key provider, version 1:
 *
 *   offset  0  1 byte   format (0x01)
 *   offset  1  4 bytes  KEK version, big-endian
 *   offset  5  12 bytes AES-GCM nonce (random, NIST SP 800-38D §8.2.2)
 *   offset 17  32 bytes ciphertext of the 256-bit key
 *   offset 49  16 bytes GCM tag
 *
 * AES-256-GCM, with associated data = bound context of (provider kind, the 5 header bytes, the
 * wrap context). The header is authenticated, so a version byte edited to point at another KEK
 * fails like any other tamper. 65 bytes in all; anything else is refused before decryption.
 */
export const WRAPPED_KEY_FORMAT = 1
export const WRAPPED_KEY_LENGTH = 65
export const WRAPPED_KEY_BYTES = 32
export const NONCE_LENGTH = 12
export const TAG_LENGTH = 16
const HEADER_LENGTH = 5

export type WrappedKeyParts = {
  header: Uint8Array
  kekVersion: number
  nonce: Uint8Array
  /** Ciphertext ‖ tag, as both node:crypto and PKCS#11 CKM_AES_GCM lay them out. */
  sealed: Uint8Array
}

export function wrappedKeyHeader(kekVersion: number): Uint8Array {
  needsVersion(kekVersion, 'kekVersion')
  const header = new Uint8Array(HEADER_LENGTH)
  header[0] = WRAPPED_KEY_FORMAT
  new DataView(header.buffer).setUint32(1, kekVersion)
  return header
}

export function encodeWrappedKey(header: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Uint8Array {
  needs(
    header.length === HEADER_LENGTH &&
      nonce.length === NONCE_LENGTH &&
      sealed.length === WRAPPED_KEY_BYTES + TAG_LENGTH,
    'wrapped key parts have the wrong lengths',
  )
  const out = new Uint8Array(WRAPPED_KEY_LENGTH)
  out.set(header, 0)
  out.set(nonce, HEADER_LENGTH)
  out.set(sealed, HEADER_LENGTH + NONCE_LENGTH)
  return out
}

/** Attacker-controlled input (a database row): any shape but ours is KEY_UNWRAP_FAILED. */
export function decodeWrappedKey(wrapped: Uint8Array): WrappedKeyParts {
  if (
    !(wrapped instanceof Uint8Array) ||
    wrapped.length !== WRAPPED_KEY_LENGTH ||
    wrapped[0] !== WRAPPED_KEY_FORMAT
  ) {
    throw unwrapFailed()
  }
  const kekVersion = new DataView(wrapped.buffer, wrapped.byteOffset, wrapped.byteLength).getUint32(1)
  if (kekVersion === 0) {
    throw unwrapFailed()
  }
  return {
    header: wrapped.subarray(0, HEADER_LENGTH),
    kekVersion,
    nonce: wrapped.subarray(HEADER_LENGTH, HEADER_LENGTH + NONCE_LENGTH),
    sealed: wrapped.subarray(HEADER_LENGTH + NONCE_LENGTH),
  }
}

/** The KEK version a wrapped key names: rotation rewraps rows below the provider's version. */
export function kekVersionOf(wrapped: Uint8Array): number {
  return decodeWrappedKey(wrapped).kekVersion
}

export function wrappedKeyAad(kind: KeyProviderKind, header: Uint8Array, context: WrapContext): Uint8Array {
  switch (context.purpose) {
    case 'data-key':
      needsId(context.tenantId, 'tenantId')
      needsId(context.keyId, 'keyId')
      needsVersion(context.version, 'version')
      return encodeBoundContext(AAD_LABEL, [
        kind,
        header,
        context.purpose,
        context.tenantId,
        context.keyId,
        context.version,
      ])
    case 'blind-index-key':
      needsVersion(context.version, 'version')
      return encodeBoundContext(AAD_LABEL, [kind, header, context.purpose, context.version])
    case 'hpke-private-key':
      needsId(context.keyId, 'keyId')
      return encodeBoundContext(AAD_LABEL, [kind, header, context.purpose, context.keyId])
    default:
      return needsNever(context)
  }
}

const AAD_LABEL = 'mamori/vault/wrapped-key/v1'

function needsNever(_context: never): never {
  needs(false, 'unknown wrap purpose', 'purpose')
}

/** Precondition of every `wrap`: the key to wrap is exactly 256 bits. */
export function needsWrappableKey(key: Uint8Array): void {
  needs(
    key instanceof Uint8Array && key.length === WRAPPED_KEY_BYTES,
    'the key to wrap must be 32 bytes',
    'key',
  )
}

export function unwrapFailed(): VaultError {
  return new VaultError({ code: 'KEY_UNWRAP_FAILED', message: 'wrapped key did not unwrap' })
}

export function kekVersionUnknown(): VaultError {
  return new VaultError({
    code: 'KEK_VERSION_UNKNOWN',
    message: 'wrapped key names a KEK version this provider does not hold',
  })
}
