import { Checkbox, Fieldset, Stack, Text } from 'smarthr-ui'
import type { Client } from '../../api/clients.ts'

/** Which clients a staff member or client HR contact works on. */
export function ClientChecklist({
  clients,
  selected,
  onChange,
  errorMessages,
}: {
  clients: readonly Client[]
  selected: readonly string[]
  onChange(ids: string[]): void
  errorMessages?: string[] | undefined
}) {
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((other) => other !== id))
  return (
    <Fieldset
      legend="担当する顧問先"
      helpMessage="事務所管理者はすべての顧問先を扱えます。"
      errorMessages={errorMessages}
    >
      {clients.length === 0 ? (
        <Text as="p">顧問先がまだ登録されていません。</Text>
      ) : (
        <Stack gap={0.5}>
          {clients.map((client) => (
            <Checkbox
              key={client.id}
              name="clientIds"
              value={client.id}
              checked={selected.includes(client.id)}
              onChange={(e) => toggle(client.id, e.currentTarget.checked)}
            >
              {client.name}
            </Checkbox>
          ))}
        </Stack>
      )}
    </Fieldset>
  )
}
