import { useId, useState } from 'react'
import { FormControl, FormDialog, Input, Stack, Text } from 'smarthr-ui'
import { formErrorsOf } from '../api/api-error.ts'
import { reauthenticate } from '../api/auth.ts'
import { ErrorNotice } from '../components/error-notice.tsx'
import { asApiError } from '../components/use-load.ts'

const FIELDS = ['password', 'code'] as const

/**
 * Password and TOTP code again before a sensitive act (user administration, a My Number reveal):
 * someone who finds a session left open cannot do them. Opened by the API client on REAUTH_REQUIRED.
 */
export function ReauthDialog({ onDone, onCancel }: { onDone(): void; onCancel(): void }) {
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<{ byField: Record<string, string[]>; general: string | null }>({
    byField: {},
    general: null,
  })
  const [sending, setSending] = useState(false)
  const id = useId()

  const reset = () => {
    setPassword('')
    setCode('')
    setErrors({ byField: {}, general: null })
  }

  const handleSubmit = async () => {
    setSending(true)
    try {
      await reauthenticate({ password, code: code.trim() })
      reset()
      onDone()
    } catch (error) {
      const apiError = asApiError(error)
      setErrors(
        apiError.code === 'SIGN_IN_FAILED'
          ? {
              byField: {},
              general:
                'パスワードまたは確認コードが正しくありません。もう一度入力してください(続けて間違えるとロックされます)。',
            }
          : formErrorsOf(apiError, FIELDS),
      )
    } finally {
      setSending(false)
    }
  }

  return (
    <FormDialog
      isOpen
      title="本人確認"
      subtitle="この操作には、パスワードと確認コードの再入力が必要です"
      actionText="確認して続ける"
      actionDisabled={sending || password === '' || !/^\s*\d{6}\s*$/.test(code)}
      onSubmit={() => void handleSubmit()}
      onClickClose={() => {
        reset()
        onCancel()
      }}
      onPressEscape={() => {
        reset()
        onCancel()
      }}
      id={id}
    >
      <Stack>
        <Text as="p">
          パスワードと、認証アプリに表示されている6桁の確認コードを入力してください。確認後、操作を続けます。
        </Text>
        <ErrorNotice message={errors.general} />
        <FormControl label="パスワード" errorMessages={errors.byField.password}>
          <Input
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
        </FormControl>
        <FormControl label="確認コード（6桁）" errorMessages={errors.byField.code}>
          <Input
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
          />
        </FormControl>
      </Stack>
    </FormDialog>
  )
}
