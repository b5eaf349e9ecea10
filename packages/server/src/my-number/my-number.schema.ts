import { ZPurpose, ZRecipientPublicKey, ZSealedForRecipient, ZSealedNumber } from '@mamori/vault/contract'
import { z } from 'zod'
import { zUuid } from '../openapi/field-schemas.ts'

/**
 * Wire schemas of the My Number relay. The server never sees a number: it takes HPKE ciphertext
 * sealed in the page (or the CLI) to the vault's public key and hands it to the vault client;
 * a reveal comes back sealed to a key the page made. Only statuses and dates are plain here.
 */

const NUMBER_CHECK = ['MY_NUMBER_CARD', 'NOTIFICATION_CARD', 'RESIDENCE_CERTIFICATE_WITH_NUMBER'] as const
const IDENTITY_CHECK = [
  'MY_NUMBER_CARD',
  'DRIVERS_LICENSE',
  'PASSPORT',
  'RESIDENCE_CARD',
  'DISABILITY_HANDBOOK',
  'TWO_NON_PHOTO_DOCUMENTS',
  'KNOWN_EMPLOYEE',
] as const

export const ZMyNumberRegistration = z.strictObject({
  purpose: ZPurpose.describe(
    '番号を封かんしたときの利用目的（個人番号関係事務）。封かんの info に入っています。',
  ),
  sealed: ZSealedNumber,
  identityCheck: z.strictObject({
    numberCheck: z.enum(NUMBER_CHECK, { error: '番号確認の書類を選んでください。' }),
    identityCheck: z.enum(IDENTITY_CHECK, { error: '身元確認の書類を選んでください。' }),
  }),
  /** For the self-service page: a dependent of the signed-in employee instead of themself. */
  dependentId: zUuid.optional(),
})
export type MyNumberRegistration = z.infer<typeof ZMyNumberRegistration>

export const ZMyNumberRefusal = z.strictObject({
  requestedAt: z.iso.datetime({ offset: true, error: '提供を求めた日時を入力してください。' }),
  method: z.enum(['IN_PERSON', 'MAIL', 'EMAIL', 'ONLINE', 'PHONE'], {
    error: '求めた方法を選んでください。',
  }),
  answer: z.enum(['REFUSED', 'NOT_SUPPLIED', 'WILL_SUPPLY_LATER'], { error: '回答を選んでください。' }),
})

export const ZMyNumberReveal = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(4, { error: '表示する理由を4文字以上で入力してください。' })
    .max(500, { error: '理由は500文字以内で入力してください。' })
    .refine((text) => !/[0-9０-９]{12}/.test(text), { error: '理由に12桁の数字は書けません。' }),
  recipientPublicKey: ZRecipientPublicKey.describe('表示する画面が作った一時鍵（X25519、base64url）'),
  dependentId: zUuid.optional(),
})

export const ZPublicKey = z.object({ keyId: z.string(), publicKey: z.string() })

export const ZMyNumberStatus = z.object({
  subjectId: z.string(),
  registered: z.boolean(),
  registeredAt: z.string().nullable(),
  identityCheck: z
    .object({ numberCheck: z.string(), identityCheck: z.string(), checkedAt: z.string() })
    .nullable(),
  refusal: z.object({ requestedAt: z.string(), answer: z.string() }).nullable(),
})
export type MyNumberStatus = z.infer<typeof ZMyNumberStatus>

export const ZRegistered = z.object({ registeredAt: z.string() })
export const ZRefusalRecorded = z.object({ recordedAt: z.string() })
export const ZApproved = z.object({ approvedAt: z.string() })
export const ZRevealed = z.object({
  masked: z.string(),
  sealed: ZSealedForRecipient,
  requestId: z.string().describe('封かんに結び付けられた要求 ID（画面が開くときに使います）'),
})

export const ZSelfStatuses = z.object({ self: ZMyNumberStatus, dependents: z.array(ZMyNumberStatus) })

export const ZAccessHistory = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      subjectId: z.string(),
      actor: z.string().describe('操作した人の表示名（本人は「本人」）'),
      type: z.string(),
      operation: z.string(),
      result: z.string(),
      purpose: z.string().nullable(),
      document: z.string().nullable(),
      fields: z.array(z.string()),
    }),
  ),
})

export const ZStatusQuery = z.object({
  purpose: ZPurpose.optional().describe('省略時は社会保険の届出'),
})
export const ZHistoryQuery = z.object({
  days: z.coerce.number().int().min(1).max(3660).optional().describe('さかのぼる日数（省略時 365）'),
})

export const ZAccessReportQuery = z.object({
  days: z.coerce.number().int().min(1).max(3660).optional().describe('さかのぼる日数（省略時 30）'),
  scope: z
    .enum(['all', 'disclosure'], { error: '範囲は all か disclosure です。' })
    .optional()
    .describe('disclosure: 閲覧・出力・印刷だけ（漏えい等の範囲の確認に）'),
})

export const ZAccessReport = z.object({
  items: z.array(
    z.object({
      subjectId: z.string(),
      employeeId: z.string().nullable(),
      kind: z.enum(['employee', 'dependent', 'unknown']),
      fields: z.array(z.string()),
      operations: z.array(z.string()),
      actors: z.array(z.string()),
      entries: z.number(),
      firstAt: z.string(),
      lastAt: z.string(),
    }),
  ),
})
