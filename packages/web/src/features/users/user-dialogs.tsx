import { useState } from 'react'
import { ActionDialog, FormControl, FormDialog, Input, MessageDialog, Select, Stack, Text } from 'smarthr-ui'
import { formErrorsOf } from '../../api/api-error.ts'
import type { OfficeRole } from '../../api/auth.ts'
import type { Client } from '../../api/clients.ts'
import type { Invitation, OfficeUser } from '../../api/users.ts'
import { assignClients, changeRole, createUser, disableUser } from '../../api/users.ts'
import { ErrorNotice } from '../../components/error-notice.tsx'
import { asApiError } from '../../components/use-load.ts'
import { dateTimeLabel } from '../../format/dates.ts'
import { OFFICE_ROLES, ROLE_LABEL } from '../../format/labels.ts'
import { ClientChecklist } from './client-checklist.tsx'
import { invitationLink } from './user-status.ts'

type Errors = { byField: Record<string, string[]>; general: string | null }
const NO_ERRORS: Errors = { byField: {}, general: null }
const roleOptions = OFFICE_ROLES.map((role) => ({ value: role, label: ROLE_LABEL[role] }))

/** Runs a change; a failure stays in the dialog with the server's message on its field. */
function useSubmit(fields: readonly string[]) {
  const [errors, setErrors] = useState<Errors>(NO_ERRORS)
  const [sending, setSending] = useState(false)
  const submit = async (change: () => Promise<void>) => {
    setSending(true)
    setErrors(NO_ERRORS)
    try {
      await change()
    } catch (error) {
      setErrors(formErrorsOf(asApiError(error), fields))
    } finally {
      setSending(false)
    }
  }
  return { errors, sending, submit }
}

export function CreateUserDialog({
  clients,
  onClose,
  onCreated,
}: {
  clients: readonly Client[]
  onClose(): void
  onCreated(invitation: Invitation): void
}) {
  const [loginId, setLoginId] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [role, setRole] = useState<OfficeRole>('office_staff')
  const [clientIds, setClientIds] = useState<string[]>([])
  const { errors, sending, submit } = useSubmit(['loginId', 'displayName', 'role', 'clientIds'])
  return (
    <FormDialog
      isOpen
      title="利用者を招待"
      actionText="招待リンクを作成"
      actionDisabled={sending || loginId.trim() === '' || displayName.trim() === ''}
      onClickClose={onClose}
      onPressEscape={onClose}
      onSubmit={() =>
        void submit(async () => {
          const clientsOfRole = role === 'office_admin' ? [] : clientIds
          onCreated(
            await createUser({
              loginId: loginId.trim(),
              displayName: displayName.trim(),
              role,
              clientIds: clientsOfRole,
            }),
          )
        })
      }
    >
      <Stack>
        <Text as="p">
          招待リンクを作成します。リンクを本人に渡すと、本人がパスワードと2段階認証を設定して利用を始めます。
        </Text>
        <ErrorNotice message={errors.general} />
        <FormControl
          label="ログインID"
          helpMessage="本人がサインインに使う ID です。"
          errorMessages={errors.byField.loginId}
        >
          <Input name="loginId" value={loginId} onChange={(e) => setLoginId(e.currentTarget.value)} />
        </FormControl>
        <FormControl label="表示名" errorMessages={errors.byField.displayName}>
          <Input
            name="displayName"
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
          />
        </FormControl>
        <FormControl label="役割" errorMessages={errors.byField.role}>
          <Select
            name="role"
            options={roleOptions}
            value={role}
            onChangeValue={(value) => setRole(value as OfficeRole)}
          />
        </FormControl>
        {role === 'office_admin' ? null : (
          <ClientChecklist
            clients={clients}
            selected={clientIds}
            onChange={setClientIds}
            errorMessages={errors.byField.clientIds}
          />
        )}
      </Stack>
    </FormDialog>
  )
}

export function InvitationLinkDialog({ invitation, onClose }: { invitation: Invitation; onClose(): void }) {
  const link = invitationLink(window.location.origin, invitation.invitationToken)
  return (
    <MessageDialog isOpen title="招待リンクを作成しました" onClickClose={onClose} onPressEscape={onClose}>
      <Stack>
        <Text as="p">
          このリンクを本人だけに渡してください。リンクが表示されるのは今回だけです。有効期限は
          {dateTimeLabel(invitation.expiresAt)}です。
        </Text>
        <FormControl label="招待リンク">
          <Input
            name="invitationLink"
            width="100%"
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
          />
        </FormControl>
      </Stack>
    </MessageDialog>
  )
}

export function ChangeRoleDialog({
  user,
  onClose,
  onChanged,
}: {
  user: OfficeUser
  onClose(): void
  onChanged(): void
}) {
  const [role, setRole] = useState<OfficeRole>(user.role === 'employee' ? 'office_staff' : user.role)
  const { errors, sending, submit } = useSubmit(['role'])
  return (
    <FormDialog
      isOpen
      title={`${user.displayName}さんの役割を変更`}
      actionText="役割を変更"
      actionDisabled={sending || role === user.role}
      onClickClose={onClose}
      onPressEscape={onClose}
      onSubmit={() =>
        void submit(async () => {
          await changeRole(user.id, role)
          onChanged()
        })
      }
    >
      <Stack>
        <ErrorNotice message={errors.general} />
        <FormControl
          label="役割"
          helpMessage="事務所管理者はすべての顧問先と利用者の管理を、事務所スタッフと顧問先の人事担当者は割り当てられた顧問先だけを扱えます。"
          errorMessages={errors.byField.role}
        >
          <Select
            name="role"
            options={roleOptions}
            value={role}
            onChangeValue={(value) => setRole(value as OfficeRole)}
          />
        </FormControl>
      </Stack>
    </FormDialog>
  )
}

export function AssignClientsDialog({
  user,
  clients,
  onClose,
  onChanged,
}: {
  user: OfficeUser
  clients: readonly Client[]
  onClose(): void
  onChanged(): void
}) {
  const [clientIds, setClientIds] = useState<string[]>(user.clientIds)
  const { errors, sending, submit } = useSubmit(['clientIds'])
  return (
    <FormDialog
      isOpen
      title={`${user.displayName}さんの担当顧問先`}
      actionText="保存"
      actionDisabled={sending}
      onClickClose={onClose}
      onPressEscape={onClose}
      onSubmit={() =>
        void submit(async () => {
          await assignClients(user.id, clientIds)
          onChanged()
        })
      }
    >
      <Stack>
        <ErrorNotice message={errors.general} />
        <ClientChecklist
          clients={clients}
          selected={clientIds}
          onChange={setClientIds}
          errorMessages={errors.byField.clientIds}
        />
      </Stack>
    </FormDialog>
  )
}

export function DisableUserDialog({
  user,
  onClose,
  onChanged,
}: {
  user: OfficeUser
  onClose(): void
  onChanged(): void
}) {
  const { errors, sending, submit } = useSubmit([])
  return (
    <ActionDialog
      isOpen
      title={`${user.displayName}さんを無効にしますか`}
      actionText="無効にする"
      actionTheme="danger"
      actionDisabled={sending}
      onClickClose={onClose}
      onPressEscape={onClose}
      onClickAction={() =>
        void submit(async () => {
          await disableUser(user.id)
          onChanged()
        })
      }
    >
      <Stack>
        <ErrorNotice message={errors.general} />
        <Text as="p">
          無効にすると、この利用者はすぐにサインインできなくなり、使用中のセッションも終了します。
        </Text>
      </Stack>
    </ActionDialog>
  )
}
