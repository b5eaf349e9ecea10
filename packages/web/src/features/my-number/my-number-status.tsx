import { Cluster, DefinitionList, DefinitionListItem, StatusLabel, Text } from 'smarthr-ui'
import type { MyNumberStatus } from '../../api/employees.ts'
import type { MyNumberSubject } from '../../api/my-number.ts'
import { fetchMyNumberStatus } from '../../api/my-number.ts'
import { LoadedView } from '../../components/loaded-view.tsx'
import { useLoad } from '../../components/use-load.ts'
import { dateTimeLabel } from '../../format/dates.ts'
import {
  identityCheckLabel,
  MASKED_MY_NUMBER,
  myNumberNextStep,
  myNumberStatusLabel,
  numberCheckLabel,
  refusalAnswerLabel,
} from './my-number-labels.ts'

/** A person's My Number as the office sees it: masked, its status, and what to do next. */
export function MyNumberStatusView({
  status,
  compact = false,
}: {
  status: MyNumberStatus
  compact?: boolean
}) {
  const label = myNumberStatusLabel(status)
  return (
    <Cluster align="center" gap={0.5}>
      {status.status === 'registered' ? (
        <Text aria-label="個人番号（伏せ字）">{MASKED_MY_NUMBER}</Text>
      ) : null}
      <StatusLabel type={label.type}>{label.text}</StatusLabel>
      {compact ? null : <Text size="S">{myNumberNextStep(status)}</Text>}
    </Cluster>
  )
}

/**
 * The vault's own record of the person's number (asked for, since reading it is an audit entry):
 * when it was registered, which documents were seen for 本人確認, or the recorded refusal.
 */
export function MyNumberVaultDetails({ subject }: { subject: MyNumberSubject }) {
  const details = useLoad(
    () => fetchMyNumberStatus(subject),
    [subject.clientId, subject.employeeId, subject.dependentId],
  )
  return (
    <LoadedView loaded={details} what="個人番号の登録状況">
      {(status) => (
        <DefinitionList maxColumns={2}>
          <DefinitionListItem term="登録日時">
            {status.registeredAt === null ? '未登録' : dateTimeLabel(status.registeredAt)}
          </DefinitionListItem>
          <DefinitionListItem term="本人確認の日時">
            {status.identityCheck === null ? '未確認' : dateTimeLabel(status.identityCheck.checkedAt)}
          </DefinitionListItem>
          <DefinitionListItem term="番号確認の書類">
            {status.identityCheck === null ? '—' : numberCheckLabel(status.identityCheck.numberCheck)}
          </DefinitionListItem>
          <DefinitionListItem term="身元確認の書類">
            {status.identityCheck === null ? '—' : identityCheckLabel(status.identityCheck.identityCheck)}
          </DefinitionListItem>
          {status.refusal === null ? null : (
            <>
              <DefinitionListItem term="提供を求めた日">
                {dateTimeLabel(status.refusal.requestedAt)}
              </DefinitionListItem>
              <DefinitionListItem term="本人の回答">
                {refusalAnswerLabel(status.refusal.answer)}
              </DefinitionListItem>
            </>
          )}
        </DefinitionList>
      )}
    </LoadedView>
  )
}
