import { useState } from 'react'
import { Button, FormControl, FormDialog, Input, Stack, Text } from 'smarthr-ui'
import { formErrorsOf } from '../../api/api-error.ts'
import { inviteEmployee } from '../../api/self-service.ts'
import type { Invitation } from '../../api/users.ts'
import { ErrorNotice } from '../../components/error-notice.tsx'
import { asApiError } from '../../components/use-load.ts'
import { useCurrentSession } from '../../session/session-context.tsx'
import { InvitationLinkDialog } from '../users/user-dialogs.tsx'

/**
 * The office invites an employee to their self-service page, where they enter their own and their
 * dependents' My Numbers. The link is shown once, for the office to hand to the person.
 */
export function EmployeeInvitationButton({
  clientId,
  employeeId,
  personLabel,
}: {
  clientId: string
  employeeId: string
  personLabel: string
}) {
  const { role } = useCurrentSession()
  const [open, setOpen] = useState<'form' | Invitation | null>(null)
  const [loginId, setLoginId] = useState('')
  const [errors, setErrors] = useState<{ byField: Record<string, string[]>; general: string | null }>({
    byField: {},
    general: null,
  })
  const [sending, setSending] = useState(false)
  const close = () => {
    setOpen(null)
    setLoginId('')
    setErrors({ byField: {}, general: null })
  }
  // The office's people invite; a client's HR contact asks the office.
  if (role !== 'office_admin' && role !== 'office_staff') return null
  return (
    <>
      <Button onClick={() => setOpen('form')}>{personLabel}を本人の画面に招待</Button>
      {open === 'form' ? (
        <FormDialog
          isOpen
          title={`${personLabel}を本人の画面に招待`}
          actionText="招待リンクを作成"
          actionDisabled={sending || loginId.trim() === ''}
          onClickClose={close}
          onPressEscape={close}
          onSubmit={() => {
            setSending(true)
            setErrors({ byField: {}, general: null })
            inviteEmployee(clientId, employeeId, loginId.trim())
              .then((invitation) => setOpen(invitation))
              .catch((error: unknown) => setErrors(formErrorsOf(asApiError(error), ['loginId'])))
              .finally(() => setSending(false))
          }}
        >
          <Stack>
            <Text as="p">
              本人が自分の個人番号と扶養家族の個人番号を入力し、自分の情報へのアクセス履歴を確かめる画面への招待リンクを作ります。
            </Text>
            <ErrorNotice message={errors.general} />
            <FormControl
              label="ログインID"
              helpMessage="本人がサインインに使う ID です（英小文字・数字と . _ @ + -）。"
              errorMessages={errors.byField.loginId}
            >
              <Input name="loginId" value={loginId} onChange={(e) => setLoginId(e.currentTarget.value)} />
            </FormControl>
          </Stack>
        </FormDialog>
      ) : null}
      {open !== null && open !== 'form' ? <InvitationLinkDialog invitation={open} onClose={close} /> : null}
    </>
  )
}
