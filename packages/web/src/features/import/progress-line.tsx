import { Stack, Text } from 'smarthr-ui'

/** A labelled progress bar with the count in words, for screen readers and eyes alike. */
export function ProgressLine({
  label,
  done,
  total,
  unit,
}: {
  label: string
  done: number
  total: number
  unit: string
}) {
  const finished = total > 0 && done >= total
  return (
    <Stack gap={0.25}>
      <Text as="p" weight="bold">
        {label}: {finished ? '完了' : `${done} / ${total} ${unit}`}
      </Text>
      <progress aria-label={label} max={Math.max(total, 1)} value={done} style={{ width: '100%' }} />
    </Stack>
  )
}
