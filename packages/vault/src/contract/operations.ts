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

/** approve: a second user approves the open request to register a number already on file for another subject. */
export const ZApproveRequest = z.strictObject({ context: ZCallContext })
export const ZApproveResponse = z.strictObject({
  approvedAt: z.iso.datetime({ offset: true }),
  requestedBy: z.uuid(),
})

/** delete-client: crypto-shred every subject of one client at contract end; a count, never a list of numbers. */
export const ZDeleteClientRequest = z.strictObject({
  context: ZCallContext.omit({ subjectId: true }),
  reason: z.enum(['RETENTION_ENDED', 'CONTRACT_ENDED']),
})
export const ZDeleteClientResponse = z.strictObject({
  disposedSubjects: z.number().int().nonnegative(),
  disposedAt: z.iso.datetime({ offset: true }),
})

/**
 * deletion-due: each subject's deletion due date from the retention rules (my-number-rules.md
 * 「Retention and deletion」), for a person to approve. The app supplies the facts it holds: when
 * the relationship ended and which records carry the number, with their completion (or, for tax
 * declarations, submission deadline) dates.
 */
export const ZRetainedRecordKind = z.enum([
  'TAX_DECLARATION',
  'WITHHOLDING_LEDGER',
  'EMPLOYMENT_INSURANCE',
  'LABOR_INSURANCE',
  'HEALTH_PENSION_INSURANCE',
])
const ZIsoDate = z.iso.date()
export const ZDeletionDueRequest = z.strictObject({
  context: ZCallContext.omit({ subjectId: true }),
  subjects: z
    .array(
      z.strictObject({
        subjectId: z.uuid(),
        relationshipEndedOn: ZIsoDate.nullable(),
        records: z.array(z.strictObject({ kind: ZRetainedRecordKind, date: ZIsoDate })).max(1000),
      }),
    )
    .min(1)
    .max(1000),
})
export const ZDeletionDueResponse = z.strictObject({
  subjects: z.array(
    z.strictObject({
      subjectId: z.uuid(),
      /** null while the relationship continues: numbers may be kept while filings remain likely. */
      dueOn: ZIsoDate.nullable(),
      /** The record kind whose retention period ends last, or null when none applies. */
      lastRetainedBy: ZRetainedRecordKind.nullable(),
    }),
  ),
})

/** An operator's act on the whole vault (KEK rotation): who and under which request id. */
export const ZOperatorContext = z.strictObject({ actorId: z.uuid(), requestId: z.uuid() })

/** rotate: a new KEK version, then every wrapped key rewrapped online; resumable after a crash. */
export const ZRotateRequest = z.strictObject({ context: ZOperatorContext })
export const ZRotateResponse = z.strictObject({
  kekVersion: z.number().int().positive(),
  rewrapped: z.number().int().nonnegative(),
  resumed: z.boolean(),
})

/** The HPKE public key devices seal numbers to. */
export const ZPublicKeyResponse = z.strictObject({
  keyId: z.string(),
  publicKey: z.string(),
  suite: z.strictObject({ kem: z.string(), kdf: z.string(), aead: z.string() }),
})

/** For `mamori doctor`: rate-limit alarms of the last 24 hours and the state of key rotation. */
export const ZHealthReportResponse = z.strictObject({
  alarms: z.array(
    z.strictObject({
      tenantId: z.string(),
      actorId: z.string(),
      operation: z.string(),
      scope: z.enum(['ACTOR', 'TENANT']),
      count: z.number().int().positive(),
      lastRaisedAt: z.iso.datetime({ offset: true }),
    }),
  ),
  keys: z.strictObject({
    provider: z.string(),
    kekVersion: z.number().int().positive(),
    keysUnderOlderKek: z.number().int().nonnegative(),
    rotationUnfinished: z.boolean(),
  }),
})

export type TApproveRequest = z.infer<typeof ZApproveRequest>
export type TApproveResponse = z.infer<typeof ZApproveResponse>
export type TDeleteClientRequest = z.infer<typeof ZDeleteClientRequest>
export type TDeleteClientResponse = z.infer<typeof ZDeleteClientResponse>
export type TDeletionDueRequest = z.infer<typeof ZDeletionDueRequest>
export type TDeletionDueResponse = z.infer<typeof ZDeletionDueResponse>
export type TRetainedRecordKind = z.infer<typeof ZRetainedRecordKind>
export type TOperatorContext = z.infer<typeof ZOperatorContext>
export type TRotateRequest = z.infer<typeof ZRotateRequest>
export type TRotateResponse = z.infer<typeof ZRotateResponse>
export type TPublicKeyResponse = z.infer<typeof ZPublicKeyResponse>
export type THealthReportResponse = z.infer<typeof ZHealthReportResponse>
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
