import { FormControl, Select, Stack } from 'smarthr-ui'
import type { IdentityCheckInput } from '../../api/self-service.ts'
import { IDENTITY_CHECK_DOCUMENTS, NUMBER_CHECK_DOCUMENTS } from './identity-documents.ts'

/** The two 本人確認 documents, as two required choices; '' until chosen. */
export function IdentityCheckFields({
  value,
  onChange,
  errors = {},
}: {
  value: IdentityCheckInput
  onChange(next: IdentityCheckInput): void
  errors?: { numberCheck?: string[]; identityCheck?: string[] }
}) {
  return (
    <Stack>
      <FormControl
        label="番号確認の書類"
        helpMessage="番号が正しいことを確かめた書類。個人番号通知書（紙の通知）は使えません。"
        errorMessages={errors.numberCheck}
      >
        <Select
          name="numberCheck"
          hasBlank
          decorators={{ blankLabel: () => '選んでください' }}
          options={NUMBER_CHECK_DOCUMENTS.map((d) => ({ value: d.value, label: d.label }))}
          value={value.numberCheck}
          onChangeValue={(numberCheck) => onChange({ ...value, numberCheck })}
        />
      </FormControl>
      <FormControl
        label="身元確認の書類"
        helpMessage="番号の持ち主が本人であることを確かめた書類"
        errorMessages={errors.identityCheck}
      >
        <Select
          name="identityCheck"
          hasBlank
          decorators={{ blankLabel: () => '選んでください' }}
          options={IDENTITY_CHECK_DOCUMENTS.map((d) => ({ value: d.value, label: d.label }))}
          value={value.identityCheck}
          onChangeValue={(identityCheck) => onChange({ ...value, identityCheck })}
        />
      </FormControl>
    </Stack>
  )
}

export function isIdentityCheckChosen(value: IdentityCheckInput): boolean {
  return value.numberCheck !== '' && value.identityCheck !== ''
}
