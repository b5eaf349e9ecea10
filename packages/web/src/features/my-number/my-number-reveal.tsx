import { useEffect, useId, useState } from 'react'
import { Button, Cluster, FormControl, FormDialog, Stack, Text, Textarea } from 'smarthr-ui'
import { formErrorsOf } from '../../api/api-error.ts'
import type { MyNumberSubject } from '../../api/my-number.ts'
import { ErrorNotice } from '../../components/error-notice.tsx'
import { asApiError } from '../../components/use-load.ts'
import { useCurrentSession } from '../../session/session-context.tsx'
import { revealMyNumber } from './reveal-my-number.ts'
import { groupedMyNumber, REVEAL_SECONDS, revealReasonProblem } from './reveal-rules.ts'

type Errors = { byField: Record<string, string[]>; general: string | null }
const NO_ERRORS: Errors = { byField: {}, general: null }

/**
 * A permitted reveal: the office administrator gives a reason, re-authenticates (the API client
 * opens the dialog on REAUTH_REQUIRED), and sees the digits until they press 隠す, 30 seconds pass,
 * the tab is hidden, or they leave the screen (the digits live only in this component's state).
 */
export function MyNumberReveal({ subject, personLabel }: { subject: MyNumberSubject; personLabel: string }) {
  const session = useCurrentSession()
  const [asking, setAsking] = useState(false)
  const [digits, setDigits] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Errors>(NO_ERRORS)
  const [sending, setSending] = useState(false)
  const id = useId()

  useEffect(() => {
    if (digits === null) return
    const timer = window.setTimeout(() => setDigits(null), REVEAL_SECONDS * 1000)
    const handleVisibility = () => {
      if (document.visibilityState === 'hidden') setDigits(null)
    }
    document.addEventListener('visibilitychange', handleVisibility)
    return () => {
      window.clearTimeout(timer)
      document.removeEventListener('visibilitychange', handleVisibility)
    }
  }, [digits])

  const close = () => {
    setAsking(false)
    setReason('')
    setErrors(NO_ERRORS)
  }

  const handleSubmit = async () => {
    const problem = revealReasonProblem(reason)
    if (problem !== null) {
      setErrors({ byField: { reason: [problem] }, general: null })
      return
    }
    setSending(true)
    setErrors(NO_ERRORS)
    try {
      const revealed = await revealMyNumber(subject, session.officeId, reason)
      close()
      setDigits(revealed)
    } catch (error) {
      setErrors(formErrorsOf(asApiError(error), ['reason']))
    } finally {
      setSending(false)
    }
  }

  if (session.role !== 'office_admin') return null
  return (
    <>
      {digits === null ? (
        <Button size="s" onClick={() => setAsking(true)} aria-label={`${personLabel}の個人番号を表示`}>
          番号を表示
        </Button>
      ) : (
        <Cluster align="center" gap={0.5}>
          <Text weight="bold" aria-label={`${personLabel}の個人番号`}>
            {groupedMyNumber(digits)}
          </Text>
          <Text size="S">{REVEAL_SECONDS}秒後に自動で隠します。</Text>
          <Button size="s" onClick={() => setDigits(null)}>
            隠す
          </Button>
        </Cluster>
      )}
      {asking ? (
        <FormDialog
          isOpen
          id={id}
          title={`${personLabel}の個人番号を表示`}
          actionText="理由を記録して表示"
          actionDisabled={sending}
          onSubmit={() => void handleSubmit()}
          onClickClose={close}
          onPressEscape={close}
        >
          <Stack>
            <Text as="p">
              番号の表示は監査ログに記録され、本人もアクセス履歴で確認できます。表示する理由を入力してください。続けてパスワードと確認コードの再入力を求めることがあります。
            </Text>
            <ErrorNotice message={errors.general} />
            <FormControl
              label="表示する理由"
              helpMessage="例: 年金事務所からの照会に回答するため"
              errorMessages={errors.byField.reason}
            >
              <Textarea
                name="reason"
                maxLetters={500}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
            </FormControl>
          </Stack>
        </FormDialog>
      ) : null}
    </>
  )
}
