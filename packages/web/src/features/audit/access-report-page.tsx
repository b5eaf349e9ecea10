import { useState } from 'react'
import {
  Button,
  Cluster,
  Fieldset,
  FormControl,
  PageHeading,
  RadioButton,
  Select,
  Stack,
  Table,
  Td,
  Text,
  Th,
} from 'smarthr-ui'
import type { AccessReportItem, AccessReportScope } from '../../api/access-report.ts'
import { fetchAccessReport } from '../../api/access-report.ts'
import { listClients } from '../../api/clients.ts'
import { LoadedView } from '../../components/loaded-view.tsx'
import { useLoad } from '../../components/use-load.ts'
import { dateTimeLabel } from '../../format/dates.ts'
import { Link } from '../../router/router.tsx'
import { pathOf } from '../../router/routes.ts'
import { auditFieldsLabel, auditOperationsLabel } from './audit-labels.ts'

const NO_WRAP = { whiteSpace: 'nowrap' } as const

const PERIODS = [
  { value: '7', label: '過去7日' },
  { value: '30', label: '過去30日' },
  { value: '365', label: '過去1年' },
]

const SCOPES: ReadonlyArray<{ value: AccessReportScope; label: string }> = [
  { value: 'all', label: 'すべての操作' },
  { value: 'disclosure', label: '閲覧・出力・印刷のみ（漏えい等の範囲の確認に）' },
]

const KIND_LABEL: Record<AccessReportItem['kind'], string> = {
  employee: '従業員',
  dependent: '扶養家族',
  unknown: '削除済みの人',
}

type Asked = { clientId: string; days: number; scope: AccessReportScope; round: number }

/**
 * The audit view (office administrators): for one client and a window, whose data was handled,
 * which items, how, by whom, how often, first and last — the question an incident report asks.
 * Reading the report is itself an audit entry, so it loads only when the button is pressed.
 */
export function AccessReportPage() {
  const clients = useLoad(() => listClients(true), [])
  const [clientId, setClientId] = useState('')
  const [period, setPeriod] = useState('30')
  const [scope, setScope] = useState<AccessReportScope>('all')
  const [asked, setAsked] = useState<Asked | null>(null)
  return (
    <>
      <PageHeading>アクセス状況</PageHeading>
      <Text as="p">
        顧問先の従業員と扶養家族のデータを、いつ、誰が、どう扱ったかを監査ログから人ごとにまとめます。表示したことも記録されます。
      </Text>
      <LoadedView loaded={clients} what="顧問先">
        {(items) => (
          <Stack>
            <Cluster align="flex-end">
              <FormControl label="顧問先">
                <Select
                  name="clientId"
                  hasBlank
                  decorators={{ blankLabel: () => '選んでください' }}
                  options={items.map((c) => ({ value: c.id, label: c.name }))}
                  value={clientId}
                  onChangeValue={setClientId}
                />
              </FormControl>
              <FormControl label="期間">
                <Select name="period" options={PERIODS} value={period} onChangeValue={setPeriod} />
              </FormControl>
            </Cluster>
            <Fieldset legend="範囲">
              <Cluster>
                {SCOPES.map((s) => (
                  <RadioButton
                    key={s.value}
                    name="scope"
                    value={s.value}
                    checked={scope === s.value}
                    onChange={() => setScope(s.value)}
                  >
                    {s.label}
                  </RadioButton>
                ))}
              </Cluster>
            </Fieldset>
            <div>
              <Button
                variant="primary"
                disabled={clientId === ''}
                onClick={() =>
                  setAsked((a) => ({ clientId, days: Number(period), scope, round: (a?.round ?? 0) + 1 }))
                }
              >
                アクセス状況を表示
              </Button>
            </div>
            {asked === null ? null : <ReportTable asked={asked} />}
          </Stack>
        )}
      </LoadedView>
    </>
  )
}

function ReportTable({ asked }: { asked: Asked }) {
  const report = useLoad(
    () => fetchAccessReport(asked.clientId, { days: asked.days, scope: asked.scope }),
    [asked.clientId, asked.days, asked.scope, asked.round],
  )
  return (
    <LoadedView loaded={report} what="アクセス状況">
      {(items) =>
        items.length === 0 ? (
          <Text as="p">
            この期間に扱われたデータはありません。期間や範囲を広げてもう一度表示してください。
          </Text>
        ) : (
          <Stack gap={0.5}>
            <Text as="p" size="S">
              {items.length}人
            </Text>
            <div style={{ overflowX: 'auto' }}>
              <Table>
                <thead>
                  <tr>
                    <Th>対象</Th>
                    <Th>項目</Th>
                    <Th>操作</Th>
                    <Th>操作した人</Th>
                    <Th>件数</Th>
                    <Th>最初</Th>
                    <Th>最後</Th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.subjectId}>
                      <Td style={NO_WRAP}>
                        {item.employeeId === null ? (
                          KIND_LABEL[item.kind]
                        ) : (
                          <Link
                            to={pathOf({
                              name: 'employee',
                              clientId: asked.clientId,
                              employeeId: item.employeeId,
                            })}
                          >
                            {item.kind === 'dependent' ? '扶養家族（従業員の画面へ）' : '従業員の画面へ'}
                          </Link>
                        )}
                      </Td>
                      <Td>{auditFieldsLabel(item.fields)}</Td>
                      <Td style={NO_WRAP}>{auditOperationsLabel(item.operations)}</Td>
                      <Td>{item.actors.join('、')}</Td>
                      <Td style={NO_WRAP}>{item.entries}件</Td>
                      <Td style={NO_WRAP}>{dateTimeLabel(item.firstAt)}</Td>
                      <Td style={NO_WRAP}>{dateTimeLabel(item.lastAt)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          </Stack>
        )
      }
    </LoadedView>
  )
}
