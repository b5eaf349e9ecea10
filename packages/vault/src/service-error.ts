/**
 * Refusals of the vault service (operations and HTTP), beside the crypto layer's VaultError
 * (errors.ts). Each code is stable: callers (the vault client, then the server) branch on it.
 * Messages never carry a number, a key or a name: only the code, a Japanese sentence for users
 * and the field the refusal concerns.
 */
export type ServiceErrorCode =
  /** No valid service token or client certificate: the caller is not a known service. */
  | 'SERVICE_UNAUTHENTICATED'
  /** The request names no call context, or one missing an id (actor, tenant, client, subject, request). */
  | 'CONTEXT_MISSING'
  /** The purpose is not one of the 個人番号関係事務 (policy/purposes.ts). */
  | 'PURPOSE_UNKNOWN'
  /** Any other field of the request breaks its schema. */
  | 'REQUEST_INVALID'
  | 'NOT_FOUND'
  /** The subject already has a number on file; delete it (REGISTERED_IN_ERROR) first. */
  | 'ALREADY_REGISTERED'
  /** The same number is on file for another subject of the tenant: a second user must approve. */
  | 'DUPLICATE_NEEDS_APPROVAL'
  /** `approvedBy` names no approval of this very number for this subject by that user. */
  | 'APPROVAL_NOT_FOUND'
  /** Dual control: the approver is the user who asked. */
  | 'APPROVER_IS_REQUESTER'
  /** No number is on file for the subject. */
  | 'NOT_REGISTERED'
  /** merge: the document type is not on the legal list. */
  | 'DOCUMENT_NOT_ON_LEGAL_LIST'
  /** merge: the document type does not serve the stated purpose. */
  | 'PURPOSE_MISMATCH'
  /** merge: 算定・月変・賞与 carry a number only for a 70歳以上被用者. */
  | 'SUBJECT_NOT_70_OR_OVER'
  /** merge: a placeholder names a subject not listed, or a listed subject has no placeholder. */
  | 'TEMPLATE_SUBJECTS_MISMATCH'
  /** reveal: 本人 view by someone else than the subject. */
  | 'REVEAL_NOT_ALLOWED'
  /** reveal: the office administrator did not re-authenticate within the last few minutes. */
  | 'REAUTHENTICATION_REQUIRED'
  /** A per-user or per-office limit on merge, reveal or match was exceeded. */
  | 'RATE_LIMITED'
  /** A KEK rotation is already running. */
  | 'ROTATION_IN_PROGRESS'
  /** The audit entry could not be written durably, so the operation did not happen. */
  | 'AUDIT_UNAVAILABLE'
  /** A MAMORI_VAULT_* setting is wrong; `messageJa` lists every problem. */
  | 'CONFIG_INVALID'
  | 'INTERNAL'

const MESSAGES_JA: Readonly<Record<ServiceErrorCode, string>> = {
  SERVICE_UNAUTHENTICATED: '金庫への接続が認証されていません。サービスの鍵または証明書を確認してください。',
  CONTEXT_MISSING: '操作者・事務所・事業所・対象者・受付番号のいずれかが指定されていません。',
  PURPOSE_UNKNOWN: '利用目的が個人番号関係事務として定められたものではありません。',
  REQUEST_INVALID: '金庫への要求の形式が不正です。',
  NOT_FOUND: '指定された金庫の操作はありません。',
  ALREADY_REGISTERED: 'この方の個人番号はすでに登録されています。誤りの場合は削除してから登録してください。',
  DUPLICATE_NEEDS_APPROVAL:
    '同じ個人番号が事務所内の別の方に登録されています。登録するには別の担当者の承認が必要です。',
  APPROVAL_NOT_FOUND: 'この登録に対する承認が見つかりません。承認者に承認を依頼してください。',
  APPROVER_IS_REQUESTER: '登録を依頼した本人は承認できません。別の担当者が承認してください。',
  NOT_REGISTERED: 'この方の個人番号は登録されていません。',
  DOCUMENT_NOT_ON_LEGAL_LIST: 'この書類には法令上、個人番号を記載できません。',
  PURPOSE_MISMATCH: 'この書類はお示しの利用目的の事務に当たりません。',
  SUBJECT_NOT_70_OR_OVER: 'この届出に個人番号を記載できるのは70歳以上被用者だけです。',
  TEMPLATE_SUBJECTS_MISMATCH: '書類の差し込み箇所と対象者の一覧が一致しません。',
  REVEAL_NOT_ALLOWED: '個人番号を表示できるのはご本人か、再認証した事務所の管理者だけです。',
  REAUTHENTICATION_REQUIRED: '個人番号を表示するには、もう一度ログインして本人確認を行ってください。',
  RATE_LIMITED:
    '短時間に多くの個人番号を扱ったため、一時的に停止しました。しばらくしてからやり直してください。',
  ROTATION_IN_PROGRESS: '鍵の更新がすでに実行中です。完了するまでお待ちください。',
  AUDIT_UNAVAILABLE:
    '監査記録を書き込めなかったため、操作を行いませんでした。時間をおいてやり直してください。',
  CONFIG_INVALID: '金庫の設定に誤りがあります。',
  INTERNAL: '金庫で問題が発生しました。管理者に受付番号をお伝えください。',
}

export type ServiceErrorInit = { code: ServiceErrorCode; message: string; messageJa?: string; field?: string }

export class ServiceError extends Error {
  readonly code: ServiceErrorCode
  readonly messageJa: string
  readonly field: string | undefined

  constructor(init: ServiceErrorInit) {
    super(init.message)
    this.name = 'ServiceError'
    this.code = init.code
    this.messageJa = init.messageJa ?? MESSAGES_JA[init.code]
    this.field = init.field
  }
}

export function serviceMessageJa(code: ServiceErrorCode): string {
  return MESSAGES_JA[code]
}

export function refuse(code: ServiceErrorCode, message: string, field?: string): ServiceError {
  return new ServiceError(field === undefined ? { code, message } : { code, message, field })
}
