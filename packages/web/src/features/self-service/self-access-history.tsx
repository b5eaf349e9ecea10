import { useState } from 'react'
import { Button, Cluster, Heading, Section, Stack, StatusLabel, Table, Td, Text, Th } from 'smarthr-ui'
import type { AccessHistoryItem } from '../../api/access-history.ts'
import { fetchOwnAccessHistory } from '../../api/self-service.ts'
import { LoadedView } from '../../components/loaded-view.tsx'
import { useLoad } from '../../components/use-load.ts'
import { dateTimeLabel } from '../../format/dates.ts'
import { auditFieldsLabel, auditResultLabel, auditTypeLabel } from '../audit/audit-labels.ts'
import type { Person } from './people.ts'
import { purposeShortName } from './purposes.ts'

const HISTORY_DAYS = 365

/**
 * Who handled the employee's and their dependents' data in the past year, from the audit log, as
 * マイナポータル shows a person the accesses to their information. Loaded when asked, and again
 * after each submission while shown: reading it is itself recorded.
 */
export function SelfAccessHistory({ people, refreshKey }: { people: readonly Person[]; refreshKey: number }) {
  const [shown, setShown] = useState(false)
  return (
    <Section>
      <Stack>
        <Heading>あなたの情報へのアクセス履歴</Heading>
        <Text as="p">
          過去1年に、あなたとご家族の情報を、いつ、誰が、何のために扱ったかを表示します。心当たりのない記録があれば事務所にお問い合わせください。
        </Text>
        {shown ? (
          <HistoryTable people={people} refreshKey={refreshKey} />
        ) : (
          <Cluster>
            <Button onClick={() => setShown(true)}>アクセス履歴を表示</Button>
          </Cluster>
        )}
      </Stack>
    </Section>
  )
}

function HistoryTable({ people, refreshKey }: { people: readonly Person[]; refreshKey: number }) {
  const history = useLoad(() => fetchOwnAccessHistory(HISTORY_DAYS), [refreshKey])
  const subjectLabel = (subjectId: string) => people.find((p) => p.subjectId === subjectId)?.label ?? 'ご家族'
  return (
    <LoadedView loaded={history} what="アクセス履歴">
      {(items: AccessHistoryItem[]) =>
        items.length === 0 ? (
          <Text as="p">過去1年のアクセスはありません。</Text>
        ) : (
          <div style={{ overflowX: 'auto' }}>
            <Table>
              <thead>
                <tr>
                  <Th>日時</Th>
                  <Th>操作した人</Th>
                  <Th>対象</Th>
                  <Th>操作</Th>
                  <Th>利用目的</Th>
                  <Th>項目</Th>
                  <Th>結果</Th>
                </tr>
              </thead>
              <tbody>
                {items.map((item, index) => {
                  const result = auditResultLabel(item.result)
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; the list is replaced, never reordered
                    <tr key={index}>
                      <Td style={{ whiteSpace: 'nowrap' }}>{dateTimeLabel(item.at)}</Td>
                      <Td>{item.actor}</Td>
                      <Td style={{ whiteSpace: 'nowrap' }}>{subjectLabel(item.subjectId)}</Td>
                      <Td>{auditTypeLabel(item.type, item.operation)}</Td>
                      <Td style={{ minWidth: '13rem' }}>{purposeShortName(item.purpose)}</Td>
                      <Td>{auditFieldsLabel(item.fields)}</Td>
                      <Td>
                        <StatusLabel type={result.type}>{result.text}</StatusLabel>
                      </Td>
                    </tr>
                  )
                })}
              </tbody>
            </Table>
          </div>
        )
      }
    </LoadedView>
  )
}
