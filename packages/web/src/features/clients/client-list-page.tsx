import { useState } from 'react'
import { Checkbox, Cluster, PageHeading, Stack, StatusLabel, Table, Td, Text, Th } from 'smarthr-ui'
import { listClients } from '../../api/clients.ts'
import { LoadedView } from '../../components/loaded-view.tsx'
import { useLoad } from '../../components/use-load.ts'
import { Link } from '../../router/router.tsx'
import { pathOf } from '../../router/routes.ts'
import { clientAddress, healthInsurerLabel } from './client-labels.ts'

/** The client establishments (事業所) the user may work on. */
export function ClientListPage() {
  const [includeArchived, setIncludeArchived] = useState(false)
  const clients = useLoad(() => listClients(includeArchived), [includeArchived])
  return (
    <>
      <PageHeading>顧問先</PageHeading>
      <Cluster justify="space-between" align="center">
        <Text as="p">事業所名を選ぶと、事業所の情報と従業員の一覧を表示します。</Text>
        <Checkbox checked={includeArchived} onChange={(e) => setIncludeArchived(e.currentTarget.checked)}>
          契約を終了した顧問先も表示する
        </Checkbox>
      </Cluster>
      <LoadedView loaded={clients} what="顧問先">
        {(items) =>
          items.length === 0 ? (
            <Text as="p">
              表示できる顧問先はありません。担当の顧問先が割り当てられていない場合は、事務所管理者に依頼してください。
            </Text>
          ) : (
            <Stack gap={0.5}>
              <Text as="p" size="S">
                {items.length}件
              </Text>
              <Table>
                <thead>
                  <tr>
                    <Th>事業所名</Th>
                    <Th>所在地</Th>
                    <Th>健康保険</Th>
                    <Th>状態</Th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((client) => (
                    <tr key={client.id}>
                      <Td>
                        <Stack gap={0}>
                          <Link to={pathOf({ name: 'client', clientId: client.id })}>{client.name}</Link>
                          {client.nameKana === null ? null : (
                            <Text size="S" color="TEXT_GREY">
                              {client.nameKana}
                            </Text>
                          )}
                        </Stack>
                      </Td>
                      <Td>{clientAddress(client)}</Td>
                      <Td>{healthInsurerLabel(client.healthInsurer)}</Td>
                      <Td>
                        {client.archived ? (
                          <StatusLabel type="grey">契約終了</StatusLabel>
                        ) : (
                          <StatusLabel type="green">契約中</StatusLabel>
                        )}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </Stack>
          )
        }
      </LoadedView>
    </>
  )
}
