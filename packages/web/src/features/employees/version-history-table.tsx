import { Stack, Table, Td, Text, Th } from 'smarthr-ui'
import type { EmployeeVersion } from '../../api/employees.ts'
import { dateLabel } from '../../format/dates.ts'
import {
  addressLine,
  CHANGE_REASON_LABEL,
  EMPLOYMENT_TYPE_LABEL,
  PAY_BASIS_LABEL,
  yen,
} from '../../format/labels.ts'

/** The employee's versions, newest first as the server sends them; each holds from validFrom to the day before validTo. */
export function VersionHistoryTable({ versions }: { versions: readonly EmployeeVersion[] }) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table>
        <thead>
          <tr>
            <Th>適用期間</Th>
            <Th>変更理由</Th>
            <Th>氏名</Th>
            <Th>住所</Th>
            <Th>雇用形態・所定労働時間</Th>
            <Th>給与</Th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.validFrom}>
              <Td>
                <Stack gap={0}>
                  <Text>{dateLabel(v.validFrom)}から</Text>
                  <Text size="S">
                    {v.validTo === null ? '現在まで' : `${dateLabel(v.validTo)}の前日まで`}
                  </Text>
                </Stack>
              </Td>
              <Td>{CHANGE_REASON_LABEL[v.reason]}</Td>
              <Td>
                {v.familyName} {v.givenName}
                <br />
                <Text size="S" color="TEXT_GREY">
                  {v.familyNameKana} {v.givenNameKana}
                </Text>
              </Td>
              <Td>{addressLine(v.prefectureCode, v.address, v.postalCode)}</Td>
              <Td>
                {EMPLOYMENT_TYPE_LABEL[v.employmentType]}・週{v.weeklyHours}時間
              </Td>
              <Td>
                <Stack gap={0}>
                  <Text>
                    {PAY_BASIS_LABEL[v.payBasis]} {yen(v.basePayYen)}
                  </Text>
                  {v.allowances.map((a) => (
                    <Text key={a.name} size="S">
                      {a.name} {yen(a.amountYen)}
                    </Text>
                  ))}
                  <Text size="S">通勤手当 {yen(v.commutingAllowanceYen)}</Text>
                </Stack>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  )
}
