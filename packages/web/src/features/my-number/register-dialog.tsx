import { sealNumberForVault } from '@mamori/vault/contract'
import { useId, useState } from 'react'
import { FormControl, FormDialog, Input, Select, Stack, Text } from 'smarthr-ui'
import { formErrorsOf } from '../../api/api-error.ts'
import type { MyNumberSubject } from '../../api/my-number.ts'
import { registerMyNumber } from '../../api/my-number.ts'
import type { IdentityCheckInput } from '../../api/self-service.ts'
import { fetchVaultPublicKey } from '../../api/self-service.ts'
import type { OfficeUser } from '../../api/users.ts'
import { listUsers } from '../../api/users.ts'
import { ErrorNotice } from '../../components/error-notice.tsx'
import { asApiError } from '../../components/use-load.ts'
import { useCurrentSession } from '../../session/session-context.tsx'
import { IdentityCheckFields, isIdentityCheckChosen } from '../self-service/identity-check-fields.tsx'
import { EMPLOYEE_PURPOSES, PURPOSE_NAMES, REGISTRATION_PURPOSE } from '../self-service/purposes.ts'
import { checkTypedNumber } from '../self-service/typed-number.ts'

const NO_CHECK: IdentityCheckInput = { numberCheck: '', identityCheck: '' }
const DUPLICATE = 'MY_NUMBER_DUPLICATE_NEEDS_APPROVAL'

/** Who may approve (server my-number.routes.ts APPROVERS), among the office's active users. */
const isApprover = (u: OfficeUser) =>
  (u.role === 'office_admin' || u.role === 'office_staff') && u.activated && !u.disabled

/**
 * The office registers a person's number it received (on paper, at the counter): typed here,
 * checked as typed (check digit), sealed in this page to the vault's key bound to the office, the
 * person and the purpose, and only the seal is sent. The digits leave this component's state as
 * soon as a request was sent, whatever its answer.
 */
export function RegisterMyNumberDialog({
  subject,
  personLabel,
  onClose,
  onRegistered,
}: {
  subject: MyNumberSubject
  personLabel: string
  onClose(): void
  onRegistered(): void
}) {
  const session = useCurrentSession()
  const id = useId()
  const [typed, setTyped] = useState('')
  const [identityCheck, setIdentityCheck] = useState<IdentityCheckInput>(NO_CHECK)
  const [purpose, setPurpose] = useState<string>(REGISTRATION_PURPOSE)
  const [sending, setSending] = useState(false)
  const [general, setGeneral] = useState<string | null>(null)
  const [byField, setByField] = useState<Record<string, string[]>>({})
  // Dual control: after a duplicate, the office's other users who may approve (administrators can list them).
  const [approvers, setApprovers] = useState<OfficeUser[] | null>(null)
  const [approvedBy, setApprovedBy] = useState('')
  const check = checkTypedNumber(typed)

  const handleSubmit = async () => {
    if (check.state !== 'valid') {
      setByField({ myNumber: [check.state === 'empty' ? '個人番号を入力してください。' : check.message] })
      return
    }
    if (!isIdentityCheckChosen(identityCheck)) {
      setByField({
        ...(identityCheck.numberCheck === '' ? { numberCheck: ['番号確認の書類を選んでください。'] } : {}),
        ...(identityCheck.identityCheck === ''
          ? { identityCheck: ['身元確認の書類を選んでください。'] }
          : {}),
      })
      return
    }
    setSending(true)
    setGeneral(null)
    setByField({})
    try {
      const key = await fetchVaultPublicKey()
      const sealed = await sealNumberForVault(key.publicKey, key.keyId, check.number, {
        tenantId: session.officeId,
        subjectId: subject.dependentId ?? subject.employeeId,
        purpose,
      })
      setTyped('')
      await registerMyNumber(subject, {
        purpose,
        sealed,
        identityCheck,
        ...(approvedBy === '' ? {} : { approvedBy }),
      })
      onRegistered()
    } catch (error) {
      setTyped('')
      const apiError = asApiError(error)
      const errors = formErrorsOf(apiError, ['numberCheck', 'identityCheck'])
      setByField(errors.byField)
      if (apiError.code === DUPLICATE) {
        setGeneral(
          `${apiError.message} 別の担当者がこの人の画面で「登録を承認」を押したあと、承認した担当者を選んで、番号をもう一度入力してください。`,
        )
        if (session.role === 'office_admin' && approvers === null) {
          listUsers().then(
            (users) => setApprovers(users.filter((u) => isApprover(u) && u.id !== session.userId)),
            () => setApprovers([]),
          )
        }
      } else {
        setGeneral(errors.general)
      }
    } finally {
      setSending(false)
    }
  }

  return (
    <FormDialog
      isOpen
      id={id}
      title={`${personLabel}の個人番号を登録`}
      actionText="暗号化して登録"
      actionDisabled={sending}
      onSubmit={() => void handleSubmit()}
      onClickClose={onClose}
      onPressEscape={onClose}
    >
      <Stack>
        <Text as="p">
          本人から受け取った番号を、カードや通知カードを見ながら入力してください。番号はこの画面で暗号化してから送られ、事務所のサーバーには残りません。
        </Text>
        <ErrorNotice message={general} />
        <FormControl
          label="個人番号"
          helpMessage={
            check.state === 'typing'
              ? check.message
              : check.state === 'valid'
                ? '番号の形は正しいです。'
                : '12桁の数字。4桁ごとの空白やハイフンは入れても構いません。'
          }
          errorMessages={check.state === 'invalid' ? [check.message] : byField.myNumber}
        >
          <Input
            name="myNumber"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            maxLength={20}
            value={typed}
            error={check.state === 'invalid'}
            onChange={(e) => setTyped(e.currentTarget.value)}
          />
        </FormControl>
        <FormControl label="利用目的" helpMessage="番号を受け取ったときに本人に示した利用目的">
          <Select
            name="purpose"
            options={EMPLOYEE_PURPOSES.map((p) => ({ value: p, label: PURPOSE_NAMES[p] ?? p }))}
            value={purpose}
            onChangeValue={setPurpose}
          />
        </FormControl>
        <IdentityCheckFields value={identityCheck} onChange={setIdentityCheck} errors={byField} />
        {approvers === null ? null : (
          <FormControl label="承認した担当者" helpMessage="同じ番号が別の人に登録済みのときの二人目の確認">
            <Select
              name="approvedBy"
              hasBlank
              decorators={{ blankLabel: () => '選んでください' }}
              options={approvers.map((u) => ({ value: u.id, label: `${u.displayName}（${u.loginId}）` }))}
              value={approvedBy}
              onChangeValue={setApprovedBy}
            />
          </FormControl>
        )}
      </Stack>
    </FormDialog>
  )
}
