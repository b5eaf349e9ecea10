import { z } from 'zod'
import { PURPOSES } from '../policy/purposes.ts'

/**
 * Every call names who acts, for which tenant (社労士 office), client (事業所) and subject (person),
 * for which 個人番号関係事務, under which request id. Ids are UUIDs: never names or numbers.
 */
export const ZPurpose = z.enum(PURPOSES.map((p) => p.purpose) as [string, ...string[]])

export const ZCallContext = z
  .strictObject({
    actorId: z.uuid(),
    tenantId: z.uuid(),
    clientId: z.uuid(),
    subjectId: z.uuid(),
    purpose: ZPurpose,
    requestId: z.uuid(),
  })
  .meta({ id: 'CallContext' })
export type TCallContext = z.infer<typeof ZCallContext>

const base64url = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, 'base64url')
  .max(4096)

/**
 * A number sealed with HPKE (RFC 9180) to the vault's public key on the device of the person
 * entering it. The app only relays these two fields; it cannot open them.
 */
export const ZSealedNumber = z
  .strictObject({
    keyId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    enc: base64url,
    ciphertext: base64url,
  })
  .meta({ id: 'SealedNumber' })
export type TSealedNumber = z.infer<typeof ZSealedNumber>

/** A document or value sealed by the vault to a key the requester supplied. */
export const ZSealedForRecipient = z
  .strictObject({
    enc: base64url,
    ciphertext: z.string().regex(/^[A-Za-z0-9_-]+$/),
  })
  .meta({ id: 'SealedForRecipient' })

/** The requester's HPKE public key (X25519, base64url of the 32 raw bytes). */
export const ZRecipientPublicKey = z.string().regex(/^[A-Za-z0-9_-]{43}$/)

/**
 * 本人確認 (番号法16条): which documents were seen for 番号確認 and 身元確認, by whom and when.
 * Never images. Source: my-number-rules.md 「本人確認 when receiving a number」.
 */
export const ZNumberCheckDocument = z.enum([
  'MY_NUMBER_CARD',
  'NOTIFICATION_CARD',
  'RESIDENCE_CERTIFICATE_WITH_NUMBER',
])
export const ZIdentityCheckDocument = z.enum([
  'MY_NUMBER_CARD',
  'DRIVERS_LICENSE',
  'PASSPORT',
  'RESIDENCE_CARD',
  'DISABILITY_HANDBOOK',
  'TWO_NON_PHOTO_DOCUMENTS',
  'KNOWN_EMPLOYEE',
])
export const ZIdentityCheck = z
  .strictObject({
    numberCheck: ZNumberCheckDocument,
    identityCheck: ZIdentityCheckDocument,
    checkedBy: z.uuid(),
    checkedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'IdentityCheck' })
export type TIdentityCheck = z.infer<typeof ZIdentityCheck>

/** Every refusal carries a stable code, a Japanese message and the request id; never a number. */
export const ZVaultErrorBody = z
  .strictObject({
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
    message: z.string(),
    field: z.string().optional(),
    requestId: z.string(),
  })
  .meta({ id: 'VaultError' })
export type TVaultErrorBody = z.infer<typeof ZVaultErrorBody>
