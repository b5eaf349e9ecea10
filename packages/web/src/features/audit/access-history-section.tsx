import { useState } from 'react'
import {
  Button,
  Cluster,
  FormControl,
  Heading,
  Section,
  Select,
  Stack,
  StatusLabel,
  Table,
  Td,
  Text,
  Th,
} from 'smarthr-ui'
import type { AccessHistoryItem } from '../../api/access-history.ts'
import { fetchAccessHistory } from '../../api/access-history.ts'
import type { Dependent } from '../../api/employees.ts'
import { LoadedView } from '../../components/loaded-view.tsx'
import { useLoad } from '../../components/use-load.ts'
import { dateTimeLabel } from '../../format/dates.ts'
import { useCurrentSession } from '../../session/session-context.tsx'
import { auditFieldsLabel, auditResultLabel, auditTypeLabel } from './audit-labels.ts'

const NO_WRAP = { whiteSpace: 'nowrap' } as const

const PERIODS = [
  { value: '30', label: '過去30日' },
  { value: '365', label: '過去1年' },
  { value: '1825', label: '過去5年' },
]

/**
 * Who accessed this employee's and their dependents' data, from the audit log: office
 * administrators only, loaded when asked (reading it is itself recorded).
 */
export function AccessHistorySection({
  clientId,
  employeeId,
  employeeLabel,
  dependents,
}: {
  clientId: string
  employeeId: string
  employeeLabel: string
  dependents: readonly Dependent[]
}) {
  const session = useCurrentSession()
  // Each press loads again (round), even for the same period: new accesses may have been logged.
  const [shown, setShown] = useState<{ days: number; round: number } | null>(null)
  const [period, setPeriod] = useState('365')
  if (session.role !== 'office_admin') return null
  const subjectLabel = (subjectId: string) => {
    if (subjectId === employeeId) return employeeLabel
    const dependent = dependents.find((d) => d.id === subjectId)
    return dependent === undefined ? '扶養家族' : `${dependent.familyName} ${dependent.givenName}（扶養家族）`
  }
  return (
    <Section>
      <Stack>
        <Heading>アクセス履歴</Heading>
        <Text as="p">
          この従業員と扶養家族の情報を、いつ、誰が、何のために扱ったかを監査ログから表示します。表示したことも記録されます。
        </Text>
        <Cluster align="flex-end">
          <FormControl label="期間">
            <Select
              name="period"
              options={PERIODS}
              value={period}
              onChangeValue={(value) => setPeriod(value)}
            />
          </FormControl>
          <Button onClick={() => setShown((s) => ({ days: Number(period), round: (s?.round ?? 0) + 1 }))}>
            アクセス履歴を表示
          </Button>
        </Cluster>
        {shown === null ? null : (
          <HistoryTable
            clientId={clientId}
            employeeId={employeeId}
            days={shown.days}
            round={shown.round}
            subjectLabel={subjectLabel}
          />
        )}
      </Stack>
    </Section>
  )
}

function HistoryTable({
  clientId,
  employeeId,
  days,
  round,
  subjectLabel,
}: {
  clientId: string
  employeeId: string
  days: number
  round: number
  subjectLabel(subjectId: string): string
}) {
  const history = useLoad(
    () => fetchAccessHistory(clientId, employeeId, days),
    [clientId, employeeId, days, round],
  )
  return (
    <LoadedView loaded={history} what="アクセス履歴">
      {(items: AccessHistoryItem[]) =>
        items.length === 0 ? (
          <Text as="p">この期間のアクセスはありません。期間を広げてもう一度表示してください。</Text>
        ) : (
          <div style={{ overflowX: 'auto' }}>
            <Table>
              <thead>
                <tr>
                  <Th>日時</Th>
                  <Th>操作した人</Th>
                  <Th>対象</Th>
                  <Th>操作</Th>
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
                      <Td style={NO_WRAP}>{dateTimeLabel(item.at)}</Td>
                      <Td style={NO_WRAP}>{item.actor}</Td>
                      <Td style={NO_WRAP}>{subjectLabel(item.subjectId)}</Td>
                      <Td style={NO_WRAP}>{auditTypeLabel(item.type, item.operation)}</Td>
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
