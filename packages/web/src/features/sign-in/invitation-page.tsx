import type { FormEvent } from 'react'
import { useState } from 'react'
import { Button, Cluster, FormControl, Input, Stack, Text } from 'smarthr-ui'
import { formErrorsOf } from '../../api/api-error.ts'
import { acceptInvitation, submitTotp } from '../../api/auth.ts'
import { api } from '../../api/client.ts'
import { ErrorNotice } from '../../components/error-notice.tsx'
import { PublicFrame } from '../../components/public-frame.tsx'
import { asApiError } from '../../components/use-load.ts'
import { groupedSecret, parseOtpauthUri } from '../../format/otpauth.ts'
import { navigate } from '../../router/router.tsx'
import { useSession } from '../../session/session-context.tsx'
import { isTotpCode, TotpCodeInput } from './totp-code-input.tsx'

type Errors = { byField: Record<string, string[]>; general: string | null }
const NO_ERRORS: Errors = { byField: {}, general: null }

/** The invitation token travels in the link's fragment, so it never reaches a server log or a Referer. */
function tokenFromLocation(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? ''
}

/**
 * Accepting an office user's invitation: choose a password, register the TOTP secret in an
 * authenticator app (shown as text and as the otpauth URI; no QR code without a library for it),
 * then confirm with the first code, which also signs in.
 */
export function InvitationPage() {
  const { signedIn } = useSession()
  const [token] = useState(tokenFromLocation)
  const [password, setPassword] = useState('')
  const [confirmation, setConfirmation] = useState('')
  const [otpauthUri, setOtpauthUri] = useState<string | null>(null)
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<Errors>(NO_ERRORS)
  const [sending, setSending] = useState(false)

  const handleAccept = async (event: FormEvent) => {
    event.preventDefault()
    if (password !== confirmation) {
      setErrors({
        byField: {
          confirmation: ['確認用のパスワードが一致しません。同じパスワードをもう一度入力してください。'],
        },
        general: null,
      })
      return
    }
    setSending(true)
    setErrors(NO_ERRORS)
    try {
      const accepted = await acceptInvitation({ token, password })
      api.setCsrfToken(accepted.csrfToken)
      // The fragment has done its job; the token is single use.
      window.history.replaceState(null, '', '/invitation')
      setPassword('')
      setConfirmation('')
      setOtpauthUri(accepted.otpauthUri)
    } catch (error) {
      setErrors(formErrorsOf(asApiError(error), ['password']))
    } finally {
      setSending(false)
    }
  }

  const handleConfirm = async (event: FormEvent) => {
    event.preventDefault()
    setSending(true)
    setErrors(NO_ERRORS)
    try {
      signedIn(await submitTotp(code.trim()))
      navigate('/clients', { replace: true })
    } catch (error) {
      setCode('')
      setErrors(formErrorsOf(asApiError(error), ['code']))
    } finally {
      setSending(false)
    }
  }

  if (token === '' && otpauthUri === null) {
    return (
      <PublicFrame title="招待の受け入れ">
        <ErrorNotice message="招待リンクが正しくありません。届いたリンクをそのまま開くか、事務所の管理者に新しい招待を依頼してください。" />
      </PublicFrame>
    )
  }

  if (otpauthUri === null) {
    return (
      <PublicFrame title="招待の受け入れ: パスワードの設定">
        <Text as="p">Mamori を使い始めるために、パスワードを決めてください。</Text>
        <ErrorNotice message={errors.general} />
        <form onSubmit={(e) => void handleAccept(e)}>
          <Stack>
            <FormControl
              label="パスワード"
              helpMessage="12文字以上。単語をいくつか並べた文（パスフレーズ）がおすすめです。"
              errorMessages={errors.byField.password}
            >
              <Input
                type="password"
                name="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
            </FormControl>
            <FormControl label="パスワード（確認）" errorMessages={errors.byField.confirmation}>
              <Input
                type="password"
                name="confirmation"
                autoComplete="new-password"
                value={confirmation}
                onChange={(e) => setConfirmation(e.currentTarget.value)}
              />
            </FormControl>
            <Cluster justify="flex-end">
              <Button
                type="submit"
                variant="primary"
                disabled={sending || password === '' || confirmation === ''}
              >
                パスワードを設定する
              </Button>
            </Cluster>
          </Stack>
        </form>
      </PublicFrame>
    )
  }

  const parts = parseOtpauthUri(otpauthUri)
  return (
    <PublicFrame title="招待の受け入れ: 2段階認証の登録">
      <Text as="p">
        スマートフォンの認証アプリ（Google Authenticator、Microsoft Authenticator
        など）に、次のキーを「キーを手動で入力」から登録してください。このキーが表示されるのは今回だけです。
      </Text>
      <FormControl label="登録するキー" helpMessage="時間ベース（TOTP）、6桁、30秒で登録してください。">
        <Input
          name="secret"
          width="100%"
          readOnly
          value={parts === null ? '' : groupedSecret(parts.secret)}
        />
      </FormControl>
      <FormControl
        label="登録用 URI"
        helpMessage="パスワード管理ソフトなど、URI で登録できるアプリ向けです。"
      >
        <Input name="otpauthUri" width="100%" readOnly value={otpauthUri} />
      </FormControl>
      <ErrorNotice message={errors.general} />
      <form onSubmit={(e) => void handleConfirm(e)}>
        <Stack>
          <TotpCodeInput value={code} onChange={setCode} errorMessages={errors.byField.code} />
          <Cluster justify="flex-end">
            <Button type="submit" variant="primary" disabled={sending || !isTotpCode(code)}>
              登録を確認してサインイン
            </Button>
          </Cluster>
        </Stack>
      </form>
    </PublicFrame>
  )
}
