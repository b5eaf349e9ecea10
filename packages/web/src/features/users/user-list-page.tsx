import { useState } from 'react'
import { Button, Cluster, NotificationBar, PageHeading, StatusLabel, Table, Td, Text, Th } from 'smarthr-ui'
import type { Client } from '../../api/clients.ts'
import { listClients } from '../../api/clients.ts'
import type { Invitation, OfficeUser } from '../../api/users.ts'
import { listUsers, reinviteUser } from '../../api/users.ts'
import { ErrorNotice } from '../../components/error-notice.tsx'
import { LoadedView } from '../../components/loaded-view.tsx'
import { asApiError, useLoad } from '../../components/use-load.ts'
import { ROLE_LABEL } from '../../format/labels.ts'
import { useCurrentSession } from '../../session/session-context.tsx'
import {
  AssignClientsDialog,
  ChangeRoleDialog,
  CreateUserDialog,
  DisableUserDialog,
  InvitationLinkDialog,
} from './user-dialogs.tsx'
import { userStatus } from './user-status.ts'

type Open =
  | { dialog: 'create' }
  | { dialog: 'invitation'; invitation: Invitation }
  | { dialog: 'role' | 'clients' | 'disable'; user: OfficeUser }
  | null

/** The office's users: invite, change roles, assign clients, disable (office administrators only). */
export function UserListPage() {
  const session = useCurrentSession()
  const loaded = useLoad(async () => ({ users: await listUsers(), clients: await listClients(true) }), [])
  const [open, setOpen] = useState<Open>(null)
  const [done, setDone] = useState<string | null>(null)
  const [failure, setFailure] = useState<ReturnType<typeof asApiError> | null>(null)

  const changed = (message: string) => () => {
    setOpen(null)
    setDone(message)
    loaded.reload()
  }

  const reinvite = async (user: OfficeUser) => {
    setFailure(null)
    try {
      setOpen({ dialog: 'invitation', invitation: await reinviteUser(user.id) })
      loaded.reload()
    } catch (error) {
      setFailure(asApiError(error))
    }
  }

  return (
    <>
      <Cluster justify="space-between" align="center">
        <PageHeading>利用者と権限</PageHeading>
        <Button variant="primary" onClick={() => setOpen({ dialog: 'create' })}>
          利用者を招待
        </Button>
      </Cluster>
      <Text as="p">変更の前に、本人確認としてパスワードと確認コードの再入力を求めることがあります。</Text>
      {done === null ? null : (
        <NotificationBar type="success" role="status" base="base" onClose={() => setDone(null)}>
          {done}
        </NotificationBar>
      )}
      <ErrorNotice error={failure} />
      <LoadedView loaded={loaded} what="利用者">
        {({ users, clients }) => (
          <>
            <UserTable
              users={users}
              clients={clients}
              selfId={session.userId}
              onOpen={(dialog, user) => {
                setDone(null)
                setOpen({ dialog, user })
              }}
              onReinvite={(user) => void reinvite(user)}
            />
            {open?.dialog === 'create' ? (
              <CreateUserDialog
                clients={clients.filter((c) => !c.archived)}
                onClose={() => setOpen(null)}
                onCreated={(invitation) => {
                  setOpen({ dialog: 'invitation', invitation })
                  loaded.reload()
                }}
              />
            ) : null}
            {open?.dialog === 'role' ? (
              <ChangeRoleDialog
                user={open.user}
                onClose={() => setOpen(null)}
                onChanged={changed('役割を変更しました。')}
              />
            ) : null}
            {open?.dialog === 'clients' ? (
              <AssignClientsDialog
                user={open.user}
                clients={clients.filter((c) => !c.archived)}
                onClose={() => setOpen(null)}
                onChanged={changed('担当顧問先を保存しました。')}
              />
            ) : null}
            {open?.dialog === 'disable' ? (
              <DisableUserDialog
                user={open.user}
                onClose={() => setOpen(null)}
                onChanged={changed('利用者を無効にしました。')}
              />
            ) : null}
          </>
        )}
      </LoadedView>
      {open?.dialog === 'invitation' ? (
        <InvitationLinkDialog invitation={open.invitation} onClose={() => setOpen(null)} />
      ) : null}
    </>
  )
}

function UserTable({
  users,
  clients,
  selfId,
  onOpen,
  onReinvite,
}: {
  users: readonly OfficeUser[]
  clients: readonly Client[]
  selfId: string
  onOpen(dialog: 'role' | 'clients' | 'disable', user: OfficeUser): void
  onReinvite(user: OfficeUser): void
}) {
  const clientName = (id: string) => clients.find((c) => c.id === id)?.name ?? '（不明な顧問先）'
  return (
    <Table>
      <thead>
        <tr>
          <Th>表示名</Th>
          <Th>ログインID</Th>
          <Th>役割</Th>
          <Th>担当顧問先</Th>
          <Th>状態</Th>
          <Th>操作</Th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => {
          const status = userStatus(user)
          const isOffice = user.role !== 'employee'
          const editable = isOffice && !user.disabled && user.id !== selfId
          return (
            <tr key={user.id}>
              <Td>
                {user.displayName}
                {user.id === selfId ? <Text size="S">（あなた）</Text> : null}
              </Td>
              <Td>{user.loginId}</Td>
              <Td>{ROLE_LABEL[user.role]}</Td>
              <Td>
                {user.role === 'office_admin'
                  ? 'すべて'
                  : user.clientIds.length === 0
                    ? 'なし'
                    : user.clientIds.map(clientName).join('、')}
              </Td>
              <Td>
                <StatusLabel type={status.type}>{status.text}</StatusLabel>
              </Td>
              <Td>
                {editable ? (
                  <Cluster gap={0.5}>
                    <Button
                      size="s"
                      onClick={() => onOpen('role', user)}
                      aria-label={`${user.displayName}さんの役割を変更`}
                    >
                      役割を変更
                    </Button>
                    {user.role === 'office_admin' ? null : (
                      <Button
                        size="s"
                        onClick={() => onOpen('clients', user)}
                        aria-label={`${user.displayName}さんの担当顧問先`}
                      >
                        担当顧問先
                      </Button>
                    )}
                    {user.activated ? null : (
                      <Button
                        size="s"
                        onClick={() => onReinvite(user)}
                        aria-label={`${user.displayName}さんの招待を再発行`}
                      >
                        招待を再発行
                      </Button>
                    )}
                    <Button
                      size="s"
                      variant="danger"
                      onClick={() => onOpen('disable', user)}
                      aria-label={`${user.displayName}さんを無効にする`}
                    >
                      無効にする
                    </Button>
                  </Cluster>
                ) : null}
              </Td>
            </tr>
          )
        })}
      </tbody>
    </Table>
  )
}
