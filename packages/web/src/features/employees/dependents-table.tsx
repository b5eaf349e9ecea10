import { Cluster, Stack, Table, Td, Text, Th } from 'smarthr-ui'
import type { Dependent } from '../../api/employees.ts'
import { dateLabel } from '../../format/dates.ts'
import { RELATIONSHIP_LABEL, yen } from '../../format/labels.ts'
import { MyNumberReveal } from '../my-number/my-number-reveal.tsx'
import { MyNumberStatusView } from '../my-number/my-number-status.tsx'

export function DependentsTable({
  clientId,
  dependents,
}: {
  clientId: string
  dependents: readonly Dependent[]
}) {
  if (dependents.length === 0) return <Text as="p">登録されている扶養家族はいません。</Text>
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table>
        <thead>
          <tr>
            <Th>氏名</Th>
            <Th>続柄</Th>
            <Th>生年月日</Th>
            <Th>扶養の期間</Th>
            <Th>年収見込み・同居</Th>
            <Th>個人番号</Th>
          </tr>
        </thead>
        <tbody>
          {dependents.map((d) => (
            <tr key={d.id}>
              <Td>
                {d.familyName} {d.givenName}
                <br />
                <Text size="S" color="TEXT_GREY">
                  {d.familyNameKana} {d.givenNameKana}
                </Text>
              </Td>
              <Td>{RELATIONSHIP_LABEL[d.relationship]}</Td>
              <Td>{dateLabel(d.birthDate)}</Td>
              <Td>
                {dateLabel(d.dependentFrom)}から
                {d.dependentUntil === null ? '' : `${dateLabel(d.dependentUntil)}まで`}
              </Td>
              <Td>
                {yen(d.annualIncomeYen)}・{d.cohabiting ? '同居' : '別居'}
              </Td>
              <Td>
                <Stack gap={0.5}>
                  <MyNumberStatusView status={d.myNumber} compact />
                  {d.myNumber.status === 'registered' ? (
                    <Cluster>
                      <MyNumberReveal
                        subject={{ clientId, employeeId: d.employeeId, dependentId: d.id }}
                        personLabel={`${d.familyName} ${d.givenName}さん`}
                      />
                    </Cluster>
                  ) : null}
                </Stack>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  )
}
