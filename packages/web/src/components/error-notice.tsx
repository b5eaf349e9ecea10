import { NotificationBar, Text } from 'smarthr-ui'
import type { ApiError } from '../api/api-error.ts'

/** The server's message, and the request id to quote when asking for help. */
export function ErrorNotice({ error, message }: { error?: ApiError | null; message?: string | null }) {
  const text = message ?? error?.message
  if (text == null) return null
  return (
    <NotificationBar type="error" role="alert" base="base">
      <Text>{text}</Text>
      {error?.requestId === undefined ? null : (
        <Text as="p" size="S" color="TEXT_GREY">
          受付番号: {error.requestId}
        </Text>
      )}
    </NotificationBar>
  )
}
