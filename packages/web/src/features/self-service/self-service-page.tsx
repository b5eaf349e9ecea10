import { sealNumberForVault } from '@mamori/vault/contract'
import type { FormEvent } from 'react'
import { useState } from 'react'
import {
  Base,
  Button,
  Checkbox,
  Cluster,
  FormControl,
  Heading,
  Input,
  NotificationBar,
  PageHeading,
  Section,
  Stack,
  StatusLabel,
  Table,
  Td,
  Text,
  Th,
} from 'smarthr-ui'
import { formErrorsOf } from '../../api/api-error.ts'
import type { IdentityCheckInput } from '../../api/self-service.ts'
import {
  fetchOwnEmployee,
  fetchOwnMyNumberStatus,
  fetchVaultPublicKey,
  registerOwnMyNumber,
} from '../../api/self-service.ts'
import { ErrorNotice } from '../../components/error-notice.tsx'
import { LoadedView } from '../../components/loaded-view.tsx'
import { asApiError, useLoad } from '../../components/use-load.ts'
import { dateTimeLabel } from '../../format/dates.ts'
import { useCurrentSession } from '../../session/session-context.tsx'
import { IdentityCheckFields, isIdentityCheckChosen } from './identity-check-fields.tsx'
import type { Person } from './people.ts'
import { peopleOf } from './people.ts'
import { EMPLOYEE_PURPOSES, PURPOSE_NAMES, REGISTRATION_PURPOSE } from './purposes.ts'
import { SelfAccessHistory } from './self-access-history.tsx'
import { checkTypedNumber } from './typed-number.ts'

/**
 * The employee's own page: what the office uses the number for (利用目的), which numbers are on
 * file, entry of their own and their dependents' numbers (checked as typed, sealed here to the
 * vault's key before anything is sent), and who has handled their data (the audit log's 本人 view).
 */
export function SelfServicePage() {
  const [round, setRound] = useState(0)
  // Kept here: the sections below are remounted when the statuses load again after a submission.
  const [submitted, setSubmitted] = useState<number | null>(null)
  const loaded = useLoad(async () => {
    const [employee, statuses] = await Promise.all([fetchOwnEmployee(), fetchOwnMyNumberStatus()])
    return { employee, people: peopleOf(employee, statuses) }
  }, [round])
  return (
    <LoadedView loaded={loaded} what="あなたの情報">
      {({ employee, people }) => (
        <>
          <PageHeading>
            {employee.current.familyName} {employee.current.givenName}さんの個人番号（マイナンバー）
          </PageHeading>
          <PurposeNotice />
          <StatusSection people={people} />
          {submitted === null ? null : (
            <NotificationBar type="success" role="status" base="base">
              <Text>{submitted}件の個人番号を暗号化して提出しました。</Text>
            </NotificationBar>
          )}
          <EntrySection
            people={people}
            onSubmitted={(count) => {
              setSubmitted(count)
              setRound((r) => r + 1)
            }}
          />
          <SelfAccessHistory people={people} refreshKey={round} />
        </>
      )}
    </LoadedView>
  )
}

function PurposeNotice() {
  return (
    <Base padding={1.5}>
      <Section>
        <Stack>
          <Heading>利用目的</Heading>
          <Text as="p">
            お勤め先と、その手続を受託する社会保険労務士事務所は、あなたとご家族の個人番号を、法律で定められた次の事務のためだけに利用します。これ以外の目的には利用しません。
          </Text>
          <ul style={{ margin: 0, paddingInlineStart: '1.5rem' }}>
            {EMPLOYEE_PURPOSES.map((purpose) => (
              <li key={purpose}>
                <Text>{PURPOSE_NAMES[purpose]}</Text>
              </li>
            ))}
          </ul>
          <Text as="p" size="S">
            番号は、この画面の中で暗号化してから送ります。暗号を解けるのは番号を保管する金庫だけで、事務所のサーバーにも番号は残りません。
          </Text>
        </Stack>
      </Section>
    </Base>
  )
}

function StatusSection({ people }: { people: readonly Person[] }) {
  return (
    <Section>
      <Stack>
        <Heading>登録の状況</Heading>
        <div style={{ overflowX: 'auto' }}>
          <Table>
            <thead>
              <tr>
                <Th>対象</Th>
                <Th>状況</Th>
                <Th>登録日時</Th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.subjectId}>
                  <Td>{person.label}</Td>
                  <Td>
                    {person.status?.registered === true ? (
                      <StatusLabel type="green">登録済み</StatusLabel>
                    ) : (
                      <StatusLabel type="red">未登録</StatusLabel>
                    )}
                  </Td>
                  <Td>
                    {person.status?.registeredAt == null ? '—' : dateTimeLabel(person.status.registeredAt)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </Stack>
    </Section>
  )
}

const NO_CHECK: IdentityCheckInput = { numberCheck: '', identityCheck: '' }

function EntrySection({
  people,
  onSubmitted,
}: {
  people: readonly Person[]
  onSubmitted(count: number): void
}) {
  const session = useCurrentSession()
  const missing = people.filter((p) => p.status?.registered !== true)
  const [typed, setTyped] = useState<Record<string, string>>({})
  const [purposeRead, setPurposeRead] = useState(false)
  const [identityCheck, setIdentityCheck] = useState<IdentityCheckInput>(NO_CHECK)
  const [sending, setSending] = useState(false)
  const [general, setGeneral] = useState<string | null>(null)
  const [byField, setByField] = useState<Record<string, string[]>>({})

  if (missing.length === 0) {
    return (
      <NotificationBar type="success" role="status" base="base">
        <Text>
          あなたとご家族の個人番号はすべて登録済みです。番号が変わったときは事務所にご連絡ください。
        </Text>
      </NotificationBar>
    )
  }

  const checks = missing.map((person) => ({ person, check: checkTypedNumber(typed[person.subjectId] ?? '') }))
  const entered = checks.filter((c) => c.check.state !== 'empty')
  const ready =
    purposeRead &&
    isIdentityCheckChosen(identityCheck) &&
    entered.length > 0 &&
    entered.every((c) => c.check.state === 'valid')

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!ready) return
    setSending(true)
    setGeneral(null)
    setByField({})
    let done = 0
    try {
      const key = await fetchVaultPublicKey()
      for (const { person, check } of entered) {
        if (check.state !== 'valid') continue
        const sealed = await sealNumberForVault(key.publicKey, key.keyId, check.number, {
          tenantId: session.officeId,
          subjectId: person.subjectId,
          purpose: REGISTRATION_PURPOSE,
        })
        await registerOwnMyNumber({
          purpose: REGISTRATION_PURPOSE,
          sealed,
          identityCheck,
          ...(person.dependentId === undefined ? {} : { dependentId: person.dependentId }),
        })
        done++
        // The digits go as soon as their seal is accepted.
        setTyped((t) => ({ ...t, [person.subjectId]: '' }))
      }
      onSubmitted(done)
    } catch (error) {
      const errors = formErrorsOf(asApiError(error), ['numberCheck', 'identityCheck'])
      setByField(errors.byField)
      setGeneral(
        done === 0
          ? errors.general
          : `${done}件は提出しました。残りは提出できませんでした: ${errors.general ?? '書類の選択を確かめてください。'}`,
      )
      if (done > 0) onSubmitted(done)
    } finally {
      setSending(false)
    }
  }

  return (
    <Base padding={1.5}>
      <Section>
        <Stack>
          <Heading>個人番号を入力する</Heading>
          <Text as="p">
            まだ登録されていない方の番号を、マイナンバーカードや通知カードを見ながら入力してください。入力中に、番号の最後の1桁（検査用数字）で打ち間違いを確かめます。
          </Text>
          <form onSubmit={(e) => void handleSubmit(e)}>
            <Stack>
              <Checkbox
                name="purposeRead"
                checked={purposeRead}
                onChange={(e) => setPurposeRead(e.currentTarget.checked)}
              >
                上の「利用目的」を読み、番号がこの目的だけに使われることを確認しました
              </Checkbox>
              {checks.map(({ person, check }) => (
                <FormControl
                  key={person.subjectId}
                  label={person.dependentId === undefined ? 'あなたの個人番号' : `${person.label}の個人番号`}
                  helpMessage={
                    check.state === 'typing'
                      ? check.message
                      : check.state === 'valid'
                        ? '番号の形は正しいです。'
                        : '12桁の数字。4桁ごとの空白やハイフンは入れても構いません。'
                  }
                  errorMessages={check.state === 'invalid' ? [check.message] : undefined}
                >
                  <Input
                    name={`myNumber-${person.subjectId}`}
                    inputMode="numeric"
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={20}
                    value={typed[person.subjectId] ?? ''}
                    error={check.state === 'invalid'}
                    onChange={(e) => {
                      const value = e.currentTarget.value
                      setTyped((t) => ({ ...t, [person.subjectId]: value }))
                    }}
                  />
                </FormControl>
              ))}
              <Text as="p">
                本人確認のため、番号を確かめた書類と、あなたが本人であることを確かめた書類を選んでください（画像は不要です）。
              </Text>
              <IdentityCheckFields value={identityCheck} onChange={setIdentityCheck} errors={byField} />
              <ErrorNotice message={general} />
              <Cluster justify="flex-end">
                <Button type="submit" variant="primary" disabled={sending || !ready}>
                  暗号化して提出する
                </Button>
              </Cluster>
            </Stack>
          </form>
        </Stack>
      </Section>
    </Base>
  )
}
