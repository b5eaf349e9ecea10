import { createCipheriv, createDecipheriv, type KeyObject, randomBytes } from 'node:crypto'

/**
 * AES-256-GCM on node:crypto KeyObjects (NIST SP 800-38D): the one AEAD of the vault's envelope
 * and of the local KEK. Random 96-bit nonces (§8.2.2); every key here seals far fewer than the
 * 2^32 messages that bound random nonces allow. Tags are always 128 bits: setAuthTag is given
 * exactly 16 bytes, so a truncated tag can never be accepted.
 */
export const GCM_NONCE_LENGTH = 12
export const GCM_TAG_LENGTH = 16

export function gcmNonce(): Buffer {
  return randomBytes(GCM_NONCE_LENGTH)
}

/** Returns ciphertext ‖ tag. */
export function gcmSeal(key: KeyObject, nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: GCM_TAG_LENGTH })
  cipher.setAAD(aad)
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()])
}

/** Opens ciphertext ‖ tag; undefined for any failure, so callers cannot tell tag from key from AAD. */
export function gcmOpen(
  key: KeyObject,
  nonce: Uint8Array,
  aad: Uint8Array,
  sealed: Uint8Array,
): Buffer | undefined {
  if (nonce.length !== GCM_NONCE_LENGTH || sealed.length < GCM_TAG_LENGTH) {
    return undefined
  }
  const tagAt = sealed.length - GCM_TAG_LENGTH
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: GCM_TAG_LENGTH })
    decipher.setAAD(aad)
    decipher.setAuthTag(sealed.subarray(tagAt))
    return Buffer.concat([decipher.update(sealed.subarray(0, tagAt)), decipher.final()])
  } catch {
    return undefined
  }
}
