/**
 * The one error class of @mamori/vault. Callers branch on `code`; one table (in the service's
 * error handler) maps codes to HTTP statuses. Neither message ever carries a My Number, a key, a
 * PIN or the bytes that failed: errors reach logs, and logs leak (style.md, convention 10).
 *
 * Refusals of sealed data are deliberately coarse. A failed open says SEAL_OPEN_FAILED whether the
 * tag, the nonce, the associated data or the key was wrong: a finer answer would tell an attacker
 * which byte to work on next.
 */
export type VaultErrorCode =
  /** A caller broke a documented precondition (a bug in our code, not tampering). */
  | 'ARGUMENT_INVALID'
  /** A sealed value did not open: tampered, truncated, another context, or another key. */
  | 'SEAL_OPEN_FAILED'
  /** A wrapped key did not unwrap: tampered, truncated, another context, or another KEK. */
  | 'KEY_UNWRAP_FAILED'
  /** A wrapped key names a KEK version the key provider does not hold. */
  | 'KEK_VERSION_UNKNOWN'
  /** The local KEK file or its directory is reachable by others, a symlink, or not ours. */
  | 'KEY_FILE_UNSAFE'
  /** The local KEK file exists but does not hold exactly one 256-bit key. */
  | 'KEY_FILE_INVALID'
  /** The PKCS#11 library, token, login or session failed. */
  | 'HSM_UNAVAILABLE'
  /** A KEK on the token is extractable or not sensitive, or two keys claim one version. */
  | 'HSM_KEY_UNSAFE'
  /** An HPKE-sealed number did not open: another tenant, subject or purpose, or tampered. */
  | 'HPKE_OPEN_FAILED'
  /** An HPKE public or private key is not a valid X25519 key, or a stored key pair does not match its id. */
  | 'HPKE_KEY_INVALID'
  /** A number was sealed to a vault public key this vault no longer (or never) held. */
  | 'HPKE_KEY_UNKNOWN'
  /** An opened number is not exactly 12 ASCII digits. */
  | 'MY_NUMBER_FORMAT'
  /** An opened number's 検査用数字 (check digit) does not match its first 11 digits. */
  | 'MY_NUMBER_CHECK_DIGIT'

const MESSAGES_JA: Readonly<Record<VaultErrorCode, string>> = {
  ARGUMENT_INVALID: '金庫への内部呼び出しの引数が不正です。管理者に連絡してください。',
  SEAL_OPEN_FAILED:
    '暗号化された個人番号を復号できませんでした。データが改ざんされたか、別の対象のものです。',
  KEY_UNWRAP_FAILED: 'データ鍵を復号できませんでした。鍵が改ざんされたか、別の用途のものです。',
  KEK_VERSION_UNKNOWN: 'データ鍵を包んだ鍵暗号化鍵の版が見つかりません。鍵の設定を確認してください。',
  KEY_FILE_UNSAFE:
    '鍵暗号化鍵のファイルまたはフォルダが所有者以外から読めるか、安全でない場所にあります。権限を 0600 / 0700 にしてください。',
  KEY_FILE_INVALID: '鍵暗号化鍵のファイルの内容が不正です。バックアップから復元してください。',
  HSM_UNAVAILABLE:
    'ハードウェアセキュリティモジュール (PKCS#11) に接続できません。設定と PIN を確認してください。',
  HSM_KEY_UNSAFE:
    'HSM 上の鍵暗号化鍵が取り出し可能であるか、同じ版の鍵が複数あります。HSM の鍵を確認してください。',
  HPKE_OPEN_FAILED: '送信された個人番号を復号できませんでした。入力画面からもう一度送信してください。',
  HPKE_KEY_INVALID: '金庫の公開鍵または秘密鍵の形式が不正です。',
  HPKE_KEY_UNKNOWN: '古い公開鍵で暗号化されています。入力画面を開き直してから、もう一度送信してください。',
  MY_NUMBER_FORMAT: '個人番号は12桁の数字で入力してください。',
  MY_NUMBER_CHECK_DIGIT: '個人番号の検査用数字（末尾の1桁）が一致しません。番号をご確認ください。',
}

export type VaultErrorInit = {
  code: VaultErrorCode
  /** English, for logs. Never contains a number, a key, a PIN or the offending bytes. */
  message: string
  /** Japanese, for users. Defaults to the code's standard message. */
  messageJa?: string
  /** The input field the error is about, when there is one. */
  field?: string
}

export class VaultError extends Error {
  readonly code: VaultErrorCode
  readonly messageJa: string
  readonly field: string | undefined

  constructor(init: VaultErrorInit) {
    super(init.message)
    this.name = 'VaultError'
    this.code = init.code
    this.messageJa = init.messageJa ?? MESSAGES_JA[init.code]
    this.field = init.field
  }
}

export function isVaultError(value: unknown): value is VaultError {
  return value instanceof VaultError
}
