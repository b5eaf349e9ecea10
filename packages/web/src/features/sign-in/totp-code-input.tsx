import { FormControl, Input } from 'smarthr-ui'

/** The six digits of the authenticator app, as one field. */
export function TotpCodeInput({
  value,
  onChange,
  errorMessages,
}: {
  value: string
  onChange(value: string): void
  errorMessages?: string[] | undefined
}) {
  return (
    <FormControl
      label="確認コード（6桁）"
      helpMessage="認証アプリに表示されている最新の6桁の数字を入力してください。"
      errorMessages={errorMessages}
    >
      <Input
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </FormControl>
  )
}

export function isTotpCode(value: string): boolean {
  return /^\d{6}$/.test(value.trim())
}
