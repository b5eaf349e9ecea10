import type { FormEvent } from 'react'
import { useState } from 'react'
import { Button, Cluster, FormControl, Input, NotificationBar, Stack, Text } from 'smarthr-ui'
import type { ApiError } from '../../api/api-error.ts'
import { formErrorsOf } from '../../api/api-error.ts'
import { signInWithPassword, submitTotp } from '../../api/auth.ts'
import { api } from '../../api/client.ts'
import { ErrorNotice } from '../../components/error-notice.tsx'
import { PublicFrame } from '../../components/public-frame.tsx'
import { asApiError } from '../../components/use-load.ts'
import { navigate, useLocation } from '../../router/router.tsx'
import { safeReturnPath } from '../../router/routes.ts'
import { useSession } from '../../session/session-context.tsx'
import { isTotpCode, TotpCodeInput } from './totp-code-input.tsx'

type Errors = { byField: Record<string, string[]>; general: string | null; error: ApiError | null }
const NO_ERRORS: Errors = { byField: {}, general: null, error: null }

/** Sign-in in two steps: login id and password, then the authenticator app's code. */
export function SignInPage({ notice }: { notice: string | null }) {
  const { signedIn } = useSession()
  const { search } = useLocation()
  const [step, setStep] = useState<'password' | 'totp'>('password')
  const [loginId, setLoginId] = useState('')
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<Errors>(NO_ERRORS)
  const [sending, setSending] = useState(false)

  const fail = (error: unknown, fields: readonly string[]) => {
    const apiError = asApiError(error)
    setErrors({ ...formErrorsOf(apiError, fields), error: apiError })
  }

  const handlePassword = async (event: FormEvent) => {
    event.preventDefault()
    setSending(true)
    setErrors(NO_ERRORS)
    try {
      const next = await signInWithPassword({ loginId: loginId.trim(), password })
      api.setCsrfToken(next.csrfToken)
      setPassword('')
      setStep('totp')
    } catch (error) {
      fail(error, ['loginId', 'password'])
    } finally {
      setSending(false)
    }
  }

  const handleTotp = async (event: FormEvent) => {
    event.preventDefault()
    setSending(true)
    setErrors(NO_ERRORS)
    try {
      const session = await submitTotp(code.trim())
      signedIn(session)
      navigate(safeReturnPath(search.get('next')), { replace: true })
    } catch (error) {
      const apiError = asApiError(error)
      // The password step lapsed (or was never done): start again from the password.
      if (apiError.code === 'UNAUTHENTICATED' || apiError.code === 'CSRF_INVALID') setStep('password')
      setCode('')
      fail(apiError, ['code'])
    } finally {
      setSending(false)
    }
  }

  return (
    <PublicFrame title="サインイン">
      {notice === null || step === 'totp' ? null : (
        <NotificationBar type="info" base="base">
          {notice}
        </NotificationBar>
      )}
      <ErrorNotice message={errors.general} error={errors.general === null ? null : errors.error} />
      {step === 'password' ? (
        <form onSubmit={(e) => void handlePassword(e)}>
          <Stack>
            <FormControl label="ログインID" errorMessages={errors.byField.loginId}>
              <Input
                name="loginId"
                autoComplete="username"
                value={loginId}
                onChange={(e) => setLoginId(e.currentTarget.value)}
                autoFocus
              />
            </FormControl>
            <FormControl label="パスワード" errorMessages={errors.byField.password}>
              <Input
                type="password"
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
            </FormControl>
            <Cluster justify="flex-end">
              <Button
                type="submit"
                variant="primary"
                disabled={sending || loginId.trim() === '' || password === ''}
              >
                次へ
              </Button>
            </Cluster>
          </Stack>
        </form>
      ) : (
        <form onSubmit={(e) => void handleTotp(e)}>
          <Stack>
            <Text as="p">パスワードを確認しました。続けて、認証アプリの確認コードを入力してください。</Text>
            <TotpCodeInput value={code} onChange={setCode} errorMessages={errors.byField.code} />
            <Cluster justify="space-between">
              <Button
                onClick={() => {
                  setStep('password')
                  setErrors(NO_ERRORS)
                }}
              >
                戻る
              </Button>
              <Button type="submit" variant="primary" disabled={sending || !isTotpCode(code)}>
                サインイン
              </Button>
            </Cluster>
          </Stack>
        </form>
      )}
    </PublicFrame>
  )
}
