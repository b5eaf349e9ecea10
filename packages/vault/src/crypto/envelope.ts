import { isValidMyNumber } from '@mamori/rules/mynumber/check-digit.ts'
import { VaultError } from '../errors.ts'
import { needs } from '../needs.ts'
import { GCM_NONCE_LENGTH, GCM_TAG_LENGTH, gcmNonce, gcmOpen, gcmSeal } from './aes-gcm.ts'
import { encodeBoundContext, needsId } from './bound-context.ts'
import type { DataKey } from './data-keys.ts'

/**
 * Envelope encryption of one value (a My Number) under a data key, AES-256-GCM.
 *
 * Sealed layout, format 1:
 *
 *   offset  0  1 byte   format (0x01)
 *   offset  1  4 bytes  data-key version, big-endian
 *   offset  5  12 bytes nonce (random)
 *   offset 17  n bytes  ciphertext (n = length of the value; 12 for a My Number)
 *   offset 17+n 16 bytes GCM tag
 *
 * Associated data = encodeBoundContext('mamori/vault/sealed/v1', [header (the first 5 bytes),
 * tenant id, data-key id, subject id, field, data-key version]): each member length-prefixed, so a
 * sealed value copied to another subject, tenant, field or key version, or with its header edited,
 * does not open. Every failure is one code, SEAL_OPEN_FAILED.
 */
export type SealContext = { tenantId: string; subjectId: string; field: string }

export const SEALED_FORMAT = 1
const HEADER_LENGTH = 5
const MIN_SEALED_LENGTH = HEADER_LENGTH + GCM_NONCE_LENGTH + GCM_TAG_LENGTH
const AAD_LABEL = 'mamori/vault/sealed/v1'

/**
 * Precondition: `dataKey` belongs to `context.tenantId`: a tenant's data key never seals another
 * tenant's value.
 */
export function sealValue(dataKey: DataKey, context: SealContext, value: Uint8Array): Uint8Array {
  needs(value instanceof Uint8Array, 'the value to seal must be bytes', 'value')
  const header = new Uint8Array(HEADER_LENGTH)
  header[0] = SEALED_FORMAT
  new DataView(header.buffer).setUint32(1, dataKey.version)
  const aad = sealedAad(dataKey, context, header)
  const nonce = gcmNonce()
  const body = gcmSeal(dataKey.key, nonce, aad, value)
  const out = new Uint8Array(HEADER_LENGTH + GCM_NONCE_LENGTH + body.length)
  out.set(header, 0)
  out.set(nonce, HEADER_LENGTH)
  out.set(body, HEADER_LENGTH + GCM_NONCE_LENGTH)
  return out
}

/** Attacker-controlled `sealed` (a database row): SEAL_OPEN_FAILED unless sealed by `sealValue` here. */
export function openValue(dataKey: DataKey, context: SealContext, sealed: Uint8Array): Buffer {
  if (!(sealed instanceof Uint8Array) || sealed.length < MIN_SEALED_LENGTH || sealed[0] !== SEALED_FORMAT) {
    throw sealOpenFailed()
  }
  const header = sealed.subarray(0, HEADER_LENGTH)
  if (dataKeyVersionOf(sealed) !== dataKey.version) {
    throw sealOpenFailed()
  }
  const value = gcmOpen(
    dataKey.key,
    sealed.subarray(HEADER_LENGTH, HEADER_LENGTH + GCM_NONCE_LENGTH),
    sealedAad(dataKey, context, header),
    sealed.subarray(HEADER_LENGTH + GCM_NONCE_LENGTH),
  )
  if (value === undefined) {
    throw sealOpenFailed()
  }
  return value
}

/** Seals a valid 12-digit My Number (precondition: checked by the caller after HPKE open). */
export function sealNumber(dataKey: DataKey, context: SealContext, number: string): Uint8Array {
  needs(isValidMyNumber(number), 'only a valid 12-digit My Number is sealed', 'number')
  return sealValue(dataKey, context, Buffer.from(number, 'latin1'))
}

/** Opens a sealed My Number; postcondition: 12 digits with a valid check digit, or SEAL_OPEN_FAILED. */
export function openNumber(dataKey: DataKey, context: SealContext, sealed: Uint8Array): string {
  const value = openValue(dataKey, context, sealed)
  const number = value.toString('latin1')
  value.fill(0)
  if (!isValidMyNumber(number)) {
    throw sealOpenFailed()
  }
  return number
}

/** The data-key version a sealed value names, so the service can fetch that key; 0 if malformed. */
export function dataKeyVersionOf(sealed: Uint8Array): number {
  if (!(sealed instanceof Uint8Array) || sealed.length < HEADER_LENGTH) {
    return 0
  }
  return new DataView(sealed.buffer, sealed.byteOffset, sealed.byteLength).getUint32(1)
}

function sealedAad(dataKey: DataKey, context: SealContext, header: Uint8Array): Uint8Array {
  needsId(context.tenantId, 'tenantId')
  needsId(context.subjectId, 'subjectId')
  needsId(context.field, 'field')
  needs(dataKey.tenantId === context.tenantId, "a data key seals only its own tenant's values", 'tenantId')
  return encodeBoundContext(AAD_LABEL, [
    header,
    context.tenantId,
    dataKey.keyId,
    context.subjectId,
    context.field,
    dataKey.version,
  ])
}

function sealOpenFailed(): VaultError {
  return new VaultError({ code: 'SEAL_OPEN_FAILED', message: 'sealed value did not open' })
}
