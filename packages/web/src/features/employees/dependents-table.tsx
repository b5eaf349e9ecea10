import { Table, Td, Text, Th } from 'smarthr-ui'
import type { Dependent } from '../../api/employees.ts'
import { dateLabel } from '../../format/dates.ts'
import { RELATIONSHIP_LABEL, yen } from '../../format/labels.ts'
import { MyNumberPanel } from '../my-number/my-number-panel.tsx'

export function DependentsTable({
  clientId,
  dependents,
  onChanged,
}: {
  clientId: string
  dependents: readonly Dependent[]
  /** After a number or a refusal was recorded for a dependent. */
  onChanged(): void
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
                <MyNumberPanel
                  subject={{ clientId, employeeId: d.employeeId, dependentId: d.id }}
                  status={d.myNumber}
                  personLabel={`${d.familyName} ${d.givenName}さん`}
                  compact
                  onChanged={onChanged}
                />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  )
}
