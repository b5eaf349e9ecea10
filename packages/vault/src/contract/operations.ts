import { z } from 'zod'
import {
  ZCallContext,
  ZIdentityCheck,
  ZRecipientPublicKey,
  ZSealedForRecipient,
  ZSealedNumber,
} from './common.ts'

/**
 * The vault's operations, one request and one response schema each. The server reaches the vault
 * only through these (via the client); no operation lists or exports numbers in bulk.
 */

/** register: seal a subject's number; a number already held for another subject needs a second user. */
export const ZRegisterRequest = z.strictObject({
  context: ZCallContext,
  sealed: ZSealedNumber,
  identityCheck: ZIdentityCheck,
  /** Dual control: a second user who approved registering a number already on file for someone else. */
  approvedBy: z.uuid().optional(),
})
export const ZRegisterResponse = z.strictObject({ registeredAt: z.iso.datetime({ offset: true }) })

/** status: registered or not, when, by whom, 本人確認 — never a digit. */
export const ZStatusRequest = z.strictObject({ context: ZCallContext })
export const ZStatusResponse = z.strictObject({
  registered: z.boolean(),
  registeredAt: z.iso.datetime({ offset: true }).nullable(),
  registeredBy: z.uuid().nullable(),
  identityCheck: ZIdentityCheck.nullable(),
  refusal: z
    .strictObject({
      requestedAt: z.iso.datetime({ offset: true }),
      answer: z.enum(['REFUSED', 'NOT_SUPPLIED', 'WILL_SUPPLY_LATER']),
    })
    .nullable(),
})

/** match: is this candidate the number on file for the subject — yes or no, audited. */
export const ZMatchRequest = z.strictObject({ context: ZCallContext, candidate: ZSealedNumber })
export const ZMatchResponse = z.strictObject({ matches: z.boolean() })

/**
 * merge: fill `{{MY_NUMBER:<subjectId>}}` placeholders of a document of a type on the legal list,
 * returned sealed to the requester's key. The context's subject is ignored: each placeholder names one.
 */
export const ZMergeSubject = z.strictObject({ subjectId: z.uuid(), isEmployee70OrOver: z.boolean() })
export const ZMergeRequest = z.strictObject({
  context: ZCallContext.omit({ subjectId: true }),
  documentType: z.string().max(64),
  template: z.string().max(1_000_000),
  subjects: z.array(ZMergeSubject).min(1).max(1000),
  recipientPublicKey: ZRecipientPublicKey,
})
export const ZMergeResponse = z.strictObject({ document: ZSealedForRecipient })

/**
 * reveal to a human: the subject themself, or an office administrator after re-authentication,
 * with a reason. Without `reveal: true` the answer is fully masked.
 */
export const ZRevealRequest = z.strictObject({
  context: ZCallContext,
  viewer: z.enum(['SELF', 'OFFICE_ADMIN']),
  reason: z.string().min(4).max(500),
  reauthenticatedAt: z.iso.datetime({ offset: true }),
  recipientPublicKey: ZRecipientPublicKey,
})
export const ZRevealResponse = z.strictObject({
  masked: z.literal('************'),
  sealed: ZSealedForRecipient,
})

/** refusal: the number was requested and refused or not supplied (提供を求めた経過). */
export const ZRefusalRequest = z.strictObject({
  context: ZCallContext,
  requestedAt: z.iso.datetime({ offset: true }),
  method: z.enum(['IN_PERSON', 'MAIL', 'EMAIL', 'ONLINE', 'PHONE']),
  answer: z.enum(['REFUSED', 'NOT_SUPPLIED', 'WILL_SUPPLY_LATER']),
})
export const ZRefusalResponse = z.strictObject({ recordedAt: z.iso.datetime({ offset: true }) })

/** delete: crypto-shred one subject, leaving a disposal record (what, when, how, who; never the number). */
export const ZDeleteRequest = z.strictObject({
  context: ZCallContext,
  reason: z.enum(['RETENTION_ENDED', 'CONTRACT_ENDED', 'SUBJECT_REQUEST', 'REGISTERED_IN_ERROR']),
})
export const ZDeleteResponse = z.strictObject({
  disposalId: z.uuid(),
  disposedAt: z.iso.datetime({ offset: true }),
})

export type TRegisterRequest = z.infer<typeof ZRegisterRequest>
export type TRegisterResponse = z.infer<typeof ZRegisterResponse>
export type TStatusRequest = z.infer<typeof ZStatusRequest>
export type TStatusResponse = z.infer<typeof ZStatusResponse>
export type TMatchRequest = z.infer<typeof ZMatchRequest>
export type TMatchResponse = z.infer<typeof ZMatchResponse>
export type TMergeRequest = z.infer<typeof ZMergeRequest>
export type TMergeResponse = z.infer<typeof ZMergeResponse>
export type TRevealRequest = z.infer<typeof ZRevealRequest>
export type TRevealResponse = z.infer<typeof ZRevealResponse>
export type TRefusalRequest = z.infer<typeof ZRefusalRequest>
export type TRefusalResponse = z.infer<typeof ZRefusalResponse>
export type TDeleteRequest = z.infer<typeof ZDeleteRequest>
export type TDeleteResponse = z.infer<typeof ZDeleteResponse>
