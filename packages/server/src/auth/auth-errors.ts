import { ServerError } from '../errors.ts'

/** The errors of sign-in and access, in one place so that each failure reads the same everywhere. */
export function signInFailed(): ServerError {
  return new ServerError({
    code: 'SIGN_IN_FAILED',
    message: 'sign-in refused',
    messageJa:
      'ログインIDまたはパスワードが正しくないか、アカウントが利用できません(連続して失敗するとしばらくロックされます)。',
  })
}

export function totpInvalid(): ServerError {
  return new ServerError({
    code: 'TOTP_INVALID',
    message: 'TOTP code refused',
    messageJa: '確認コードが正しくありません。認証アプリに表示されている最新の6桁を入力してください。',
    field: 'code',
  })
}

export function unauthenticated(): ServerError {
  return new ServerError({
    code: 'UNAUTHENTICATED',
    message: 'no active session',
    messageJa:
      'サインインしていないか、一定時間操作がなかったためサインアウトしました。もう一度サインインしてください。',
  })
}

export function forbidden(): ServerError {
  return new ServerError({
    code: 'FORBIDDEN',
    message: 'the actor may not use this route',
    messageJa: 'この操作を行う権限がありません。',
  })
}

export function csrfInvalid(): ServerError {
  return new ServerError({
    code: 'CSRF_INVALID',
    message: 'missing or wrong CSRF token',
    messageJa: '画面の有効期限が切れました。ページを再読み込みしてからもう一度操作してください。',
    field: 'x-csrf-token',
  })
}

export function reauthRequired(): ServerError {
  return new ServerError({
    code: 'REAUTH_REQUIRED',
    message: 'recent re-authentication required',
    messageJa: 'この操作の前に、パスワードと確認コードをもう一度入力してください。',
  })
}

export function notFound(field?: string): ServerError {
  return new ServerError({
    code: 'NOT_FOUND',
    message: 'not found in this office',
    messageJa: '対象が見つかりません。',
    ...(field === undefined ? {} : { field }),
  })
}

export function invitationInvalid(): ServerError {
  return new ServerError({
    code: 'INVITATION_INVALID',
    message: 'invitation unknown, used, revoked or expired',
    messageJa:
      '招待リンクが無効です(使用済み・期限切れ・取り消しのいずれか)。事務所に新しい招待を依頼してください。',
    field: 'token',
  })
}
