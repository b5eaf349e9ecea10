import { useId, useState } from 'react'
import { FormControl, FormDialog, Input, Select, Stack, Text } from 'smarthr-ui'
import { formErrorsOf } from '../../api/api-error.ts'
import type { MyNumberSubject, RefusalInput } from '../../api/my-number.ts'
import { recordRefusal } from '../../api/my-number.ts'
import { ErrorNotice } from '../../components/error-notice.tsx'
import { asApiError } from '../../components/use-load.ts'
import { REFUSAL_ANSWERS, REFUSAL_METHODS } from './my-number-labels.ts'
import { refusalRequestedAt } from './refusal-date.ts'

type Errors = { byField: Record<string, string[]>; general: string | null }
const NO_ERRORS: Errors = { byField: {}, general: null }

/**
 * 提供を求めた経過: when a person does not give their number, the office keeps when and how it
 * asked and what the answer was, so a filing without the number can show it was asked for.
 */
export function RefusalDialog({
  subject,
  personLabel,
  today,
  onClose,
  onRecorded,
}: {
  subject: MyNumberSubject
  personLabel: string
  /** YYYY-MM-DD in Japan, the day offered and the latest allowed. */
  today: string
  onClose(): void
  onRecorded(): void
}) {
  const id = useId()
  const [date, setDate] = useState(today)
  const [method, setMethod] = useState('')
  const [answer, setAnswer] = useState('')
  const [errors, setErrors] = useState<Errors>(NO_ERRORS)
  const [sending, setSending] = useState(false)

  const handleSubmit = async () => {
    const requestedAt = refusalRequestedAt(date, today)
    const byField: Record<string, string[]> = {
      ...(typeof requestedAt === 'string' ? {} : { requestedAt: [requestedAt.problem] }),
      ...(method === '' ? { method: ['求めた方法を選んでください。'] } : {}),
      ...(answer === '' ? { answer: ['回答を選んでください。'] } : {}),
    }
    if (Object.keys(byField).length > 0 || typeof requestedAt !== 'string') {
      setErrors({ byField, general: null })
      return
    }
    setSending(true)
    setErrors(NO_ERRORS)
    try {
      await recordRefusal(subject, {
        requestedAt,
        method: method as RefusalInput['method'],
        answer: answer as RefusalInput['answer'],
      })
      onRecorded()
    } catch (error) {
      setErrors(formErrorsOf(asApiError(error), ['requestedAt', 'method', 'answer']))
    } finally {
      setSending(false)
    }
  }

  return (
    <FormDialog
      isOpen
      id={id}
      title={`${personLabel}の提供拒否を記録`}
      actionText="経過を記録"
      actionDisabled={sending}
      onSubmit={() => void handleSubmit()}
      onClickClose={onClose}
      onPressEscape={onClose}
    >
      <Stack>
        <Text as="p">
          個人番号の提供を求めたが得られなかったときは、求めた日、方法、本人の回答を記録します。届出は番号の記載なしで提出できます。
        </Text>
        <ErrorNotice message={errors.general} />
        <FormControl label="提供を求めた日" errorMessages={errors.byField.requestedAt}>
          <Input
            type="date"
            name="requestedAt"
            max={today}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
        </FormControl>
        <FormControl label="求めた方法" errorMessages={errors.byField.method}>
          <Select
            name="method"
            hasBlank
            decorators={{ blankLabel: () => '選んでください' }}
            options={REFUSAL_METHODS.map((m) => ({ value: m.value, label: m.label }))}
            value={method}
            onChangeValue={setMethod}
          />
        </FormControl>
        <FormControl label="本人の回答" errorMessages={errors.byField.answer}>
          <Select
            name="answer"
            hasBlank
            decorators={{ blankLabel: () => '選んでください' }}
            options={REFUSAL_ANSWERS.map((a) => ({ value: a.value, label: a.label }))}
            value={answer}
            onChangeValue={setAnswer}
          />
        </FormControl>
      </Stack>
    </FormDialog>
  )
}
