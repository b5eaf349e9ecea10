import { VaultClientError } from '@mamori/vault-client'
import type { ServerErrorCode } from '../errors.ts'
import { ServerError } from '../errors.ts'
import { vaultUnavailable } from './vault-connection.ts'

type Mapped = { code: ServerErrorCode; messageJa: string; field?: string }

/**
 * The vault's refusals as the server's own codes and Japanese messages (docs/vault.md lists the
 * vault's). Configuration, key and integrity failures say only that the vault is unavailable.
 */
const MAPPED: Readonly<Record<string, Mapped>> = {
  HPKE_KEY_UNKNOWN: {
    code: 'MY_NUMBER_SEAL_INVALID',
    messageJa: '金庫の鍵が新しくなりました。画面を再読み込みしてから、もう一度入力してください。',
    field: 'sealed',
  },
  HPKE_OPEN_FAILED: {
    code: 'MY_NUMBER_SEAL_INVALID',
    messageJa:
      '暗号化された個人番号を確認できませんでした。画面を再読み込みしてから、もう一度入力してください。',
    field: 'sealed',
  },
  HPKE_KEY_INVALID: {
    code: 'REQUEST_INVALID',
    messageJa: '表示用の一時鍵が正しくありません。画面を再読み込みしてください。',
    field: 'recipientPublicKey',
  },
  MY_NUMBER_FORMAT: {
    code: 'MY_NUMBER_CHECK_DIGIT',
    messageJa: '個人番号は12桁の数字で入力してください。',
    field: 'sealed',
  },
  MY_NUMBER_CHECK_DIGIT: {
    code: 'MY_NUMBER_CHECK_DIGIT',
    messageJa: '個人番号が正しくありません（最後の検査用数字が合いません）。番号を確かめてください。',
    field: 'sealed',
  },
  ALREADY_REGISTERED: {
    code: 'MY_NUMBER_ALREADY_REGISTERED',
    messageJa:
      'この人の個人番号はすでに登録されています。誤って登録した場合は事務所の管理者に削除を依頼してください。',
  },
  DUPLICATE_NEEDS_APPROVAL: {
    code: 'MY_NUMBER_DUPLICATE_NEEDS_APPROVAL',
    messageJa:
      '同じ個人番号が事務所の別の人に登録されています。取り違えでないか確認し、別の担当者の承認を得てから登録してください。',
  },
  APPROVAL_NOT_FOUND: {
    code: 'MY_NUMBER_APPROVAL_NOT_FOUND',
    messageJa: '承認を待っている登録はありません。',
  },
  APPROVER_IS_REQUESTER: {
    code: 'MY_NUMBER_APPROVER_IS_REQUESTER',
    messageJa: '登録した本人は承認できません。別の担当者が承認してください。',
  },
  NOT_REGISTERED: {
    code: 'MY_NUMBER_NOT_REGISTERED',
    messageJa: 'この人の個人番号はまだ登録されていません。',
  },
  REVEAL_NOT_ALLOWED: { code: 'FORBIDDEN', messageJa: 'この個人番号を表示する権限がありません。' },
  REAUTHENTICATION_REQUIRED: {
    code: 'REAUTH_REQUIRED',
    messageJa: '個人番号を表示する前に、パスワードと確認コードをもう一度入力してください。',
  },
  RATE_LIMITED: {
    code: 'MY_NUMBER_RATE_LIMITED',
    messageJa: '短い時間に個人番号の操作が多すぎます。しばらく待ってからもう一度お試しください。',
  },
}

/** Whether the vault refused the request itself (so it is recorded as denied, not failed). */
export function isVaultRefusal(error: unknown): boolean {
  return error instanceof VaultClientError && MAPPED[error.code] !== undefined
}

export function fromVaultError(error: unknown): ServerError {
  if (error instanceof ServerError) return error
  if (!(error instanceof VaultClientError)) return vaultUnavailable(error)
  const mapped = MAPPED[error.code]
  if (mapped === undefined) return vaultUnavailable(error)
  return new ServerError({
    code: mapped.code,
    message: `the vault refused: ${error.code}`,
    messageJa: mapped.messageJa,
    ...(mapped.field === undefined ? {} : { field: mapped.field }),
  })
}
