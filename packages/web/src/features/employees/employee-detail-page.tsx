import {
  Base,
  Cluster,
  DefinitionList,
  DefinitionListItem,
  Heading,
  PageHeading,
  Section,
  Stack,
  StatusLabel,
  Text,
} from 'smarthr-ui'
import { getEmployee } from '../../api/employees.ts'
import { LoadedView } from '../../components/loaded-view.tsx'
import { useLoad } from '../../components/use-load.ts'
import { dateLabel } from '../../format/dates.ts'
import { EMPLOYMENT_TYPE_LABEL, LEAVE_REASON_LABEL, SEX_LABEL } from '../../format/labels.ts'
import { Link } from '../../router/router.tsx'
import { pathOf } from '../../router/routes.ts'
import { AccessHistorySection } from '../audit/access-history-section.tsx'
import { MyNumberPanel } from '../my-number/my-number-panel.tsx'
import { EmployeeInvitationButton } from '../self-service/employee-invitation.tsx'
import { DependentsTable } from './dependents-table.tsx'
import { VersionHistoryTable } from './version-history-table.tsx'

/** One employee: fixed facts, My Number status, the effective-dated history, dependents. */
export function EmployeeDetailPage({ clientId, employeeId }: { clientId: string; employeeId: string }) {
  const employee = useLoad(() => getEmployee(clientId, employeeId), [clientId, employeeId])
  return (
    <>
      <Text as="p">
        <Link to={pathOf({ name: 'client', clientId })}>顧問先と従業員の一覧へ戻る</Link>
      </Text>
      <LoadedView loaded={employee} what="従業員の情報">
        {(e) => (
          <>
            <PageHeading>
              {e.current.familyName} {e.current.givenName}（{e.current.familyNameKana}{' '}
              {e.current.givenNameKana}）
            </PageHeading>
            <Cluster>
              {e.leaveDate === null ? (
                <StatusLabel type="green">在籍中</StatusLabel>
              ) : (
                <StatusLabel type="grey">退職済み</StatusLabel>
              )}
            </Cluster>
            <Base padding={1.5}>
              <Section>
                <Stack>
                  <Heading>基本情報</Heading>
                  <DefinitionList maxColumns={2}>
                    <DefinitionListItem term="社員番号">{e.employeeNumber ?? '未登録'}</DefinitionListItem>
                    <DefinitionListItem term="雇用形態">
                      {EMPLOYMENT_TYPE_LABEL[e.current.employmentType]}
                    </DefinitionListItem>
                    <DefinitionListItem term="生年月日">{dateLabel(e.birthDate)}</DefinitionListItem>
                    <DefinitionListItem term="性別">{SEX_LABEL[e.sex]}</DefinitionListItem>
                    <DefinitionListItem term="入社日">{dateLabel(e.hireDate)}</DefinitionListItem>
                    <DefinitionListItem term="退職日">
                      {e.leaveDate === null
                        ? '—'
                        : `${dateLabel(e.leaveDate)}${e.leaveReason === null ? '' : `（${LEAVE_REASON_LABEL[e.leaveReason]}）`}`}
                    </DefinitionListItem>
                    <DefinitionListItem term="基礎年金番号">
                      {e.basicPensionNumber ?? '未登録'}
                    </DefinitionListItem>
                    <DefinitionListItem term="雇用保険被保険者番号">
                      {e.employmentInsuranceNumber ?? '未登録'}
                    </DefinitionListItem>
                    <DefinitionListItem term="健康保険の被保険者整理番号">
                      {e.insuredSerial ?? '未登録'}
                    </DefinitionListItem>
                  </DefinitionList>
                </Stack>
              </Section>
            </Base>
            <Base padding={1.5}>
              <Section>
                <Stack>
                  <Heading>個人番号（マイナンバー）</Heading>
                  <MyNumberPanel
                    subject={{ clientId, employeeId }}
                    status={e.myNumber}
                    personLabel={`${e.current.familyName} ${e.current.givenName}さん`}
                    onChanged={employee.reload}
                  />
                  {e.leaveDate === null ? (
                    <Cluster>
                      <EmployeeInvitationButton
                        clientId={clientId}
                        employeeId={employeeId}
                        personLabel={`${e.current.familyName} ${e.current.givenName}さん`}
                      />
                    </Cluster>
                  ) : null}
                </Stack>
              </Section>
            </Base>
            <Section>
              <Stack>
                <Heading>履歴（適用開始日ごとの版）</Heading>
                <VersionHistoryTable versions={e.versions} />
              </Stack>
            </Section>
            <Section>
              <Stack>
                <Heading>扶養家族</Heading>
                <DependentsTable clientId={clientId} dependents={e.dependents} onChanged={employee.reload} />
              </Stack>
            </Section>
            <AccessHistorySection
              clientId={clientId}
              employeeId={employeeId}
              employeeLabel={`${e.current.familyName} ${e.current.givenName}`}
              dependents={e.dependents}
            />
          </>
        )}
      </LoadedView>
    </>
  )
}
