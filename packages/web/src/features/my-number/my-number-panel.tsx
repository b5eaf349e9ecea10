import { useState } from 'react'
import { Button, Cluster, NotificationBar, Stack, Text } from 'smarthr-ui'
import type { MyNumberStatus } from '../../api/employees.ts'
import type { MyNumberSubject } from '../../api/my-number.ts'
import { approveRegistration } from '../../api/my-number.ts'
import { ErrorNotice } from '../../components/error-notice.tsx'
import { asApiError } from '../../components/use-load.ts'
import { useCurrentSession } from '../../session/session-context.tsx'
import { MyNumberReveal } from './my-number-reveal.tsx'
import { MyNumberStatusView, MyNumberVaultDetails } from './my-number-status.tsx'
import { todayInJapan } from './refusal-date.ts'
import { RefusalDialog } from './refusal-dialog.tsx'
import { RegisterMyNumberDialog } from './register-dialog.tsx'

/** 個人番号関係事務実施者 of the office side (server my-number.routes.ts HANDLERS and APPROVERS). */
const HANDLERS = new Set(['office_admin', 'office_staff', 'client_hr'])
const APPROVERS = new Set(['office_admin', 'office_staff'])

type Open = 'register' | 'refusal' | null

/**
 * A person's My Number on the employee detail: the status (never digits), the vault's record with
 * the 本人確認 documents when asked (詳しく見る), and what the office may do — register a number it
 * received, record a refusal, approve a duplicate as the second user, or a permitted reveal.
 */
export function MyNumberPanel({
  subject,
  status,
  personLabel,
  compact = false,
  onChanged,
}: {
  subject: MyNumberSubject
  status: MyNumberStatus
  /** 山田 太郎さん: names the buttons, so an employee's and a dependent's are told apart. */
  personLabel: string
  compact?: boolean
  /** After a registration or a refusal: the caller reloads the status. */
  onChanged(): void
}) {
  const session = useCurrentSession()
  const [open, setOpen] = useState<Open>(null)
  // Each press of 詳しく見る reads the vault again (round); reading is recorded.
  const [details, setDetails] = useState(0)
  const [notice, setNotice] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const canHandle = HANDLERS.has(session.role)
  const registered = status.status === 'registered'

  // The caller reloads the person, which shows the new status in place of this panel's state.
  const done = () => {
    setOpen(null)
    onChanged()
  }

  const approve = async () => {
    setProblem(null)
    setNotice(null)
    try {
      await approveRegistration(subject)
      setNotice(
        '承認しました。登録する担当者に、承認した担当者としてあなたを選んで登録し直すよう伝えてください。',
      )
    } catch (error) {
      setProblem(asApiError(error).message)
    }
  }

  return (
    <Stack gap={0.5}>
      <MyNumberStatusView status={status} compact={compact} />
      {notice === null ? null : (
        <NotificationBar type="success" role="status">
          <Text>{notice}</Text>
        </NotificationBar>
      )}
      <ErrorNotice message={problem} />
      <Cluster gap={0.5}>
        {canHandle ? (
          <Button
            size="s"
            onClick={() => setDetails((round) => round + 1)}
            aria-label={`${personLabel}の個人番号の登録状況を詳しく見る`}
          >
            詳しく見る
          </Button>
        ) : null}
        {canHandle && !registered ? (
          <Button size="s" onClick={() => setOpen('register')} aria-label={`${personLabel}の個人番号を登録`}>
            番号を登録
          </Button>
        ) : null}
        {canHandle && status.status === 'not_registered' ? (
          <Button size="s" onClick={() => setOpen('refusal')} aria-label={`${personLabel}の提供拒否を記録`}>
            提供拒否を記録
          </Button>
        ) : null}
        {APPROVERS.has(session.role) && !registered ? (
          <Button size="s" onClick={() => void approve()} aria-label={`${personLabel}の個人番号の登録を承認`}>
            登録を承認
          </Button>
        ) : null}
        {registered ? <MyNumberReveal subject={subject} personLabel={personLabel} /> : null}
      </Cluster>
      {details === 0 ? null : <MyNumberVaultDetails key={details} subject={subject} />}
      {open === 'register' ? (
        <RegisterMyNumberDialog
          subject={subject}
          personLabel={personLabel}
          onClose={() => setOpen(null)}
          onRegistered={done}
        />
      ) : null}
      {open === 'refusal' ? (
        <RefusalDialog
          subject={subject}
          personLabel={personLabel}
          today={todayInJapan(new Date())}
          onClose={() => setOpen(null)}
          onRecorded={done}
        />
      ) : null}
    </Stack>
  )
}
