import { Cluster, StatusLabel, Text } from 'smarthr-ui'
import type { MyNumberStatus } from '../../api/employees.ts'
import { MASKED_MY_NUMBER, myNumberNextStep, myNumberStatusLabel } from './my-number-labels.ts'

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
