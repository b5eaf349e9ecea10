import { useEffect, useRef, useState } from 'react'
import {
  Base,
  Button,
  Cluster,
  FormControl,
  Heading,
  InputFile,
  NotificationBar,
  PageHeading,
  Section,
  Select,
  Stack,
  Text,
} from 'smarthr-ui'
import type { ApiError } from '../../api/api-error.ts'
import { getClient } from '../../api/clients.ts'
import type { CommittedSubject, ImportPreview, ImportRows, ImportTable, RowIssue } from '../../api/imports.ts'
import { commitImport, previewImport, registerImportedMyNumber } from '../../api/imports.ts'
import type { IdentityCheckInput } from '../../api/self-service.ts'
import { fetchVaultPublicKey } from '../../api/self-service.ts'
import { ErrorNotice } from '../../components/error-notice.tsx'
import { LoadedView } from '../../components/loaded-view.tsx'
import { asApiError, useLoad } from '../../components/use-load.ts'
import { Link } from '../../router/router.tsx'
import { pathOf } from '../../router/routes.ts'
import { useCurrentSession } from '../../session/session-context.tsx'
import { IdentityCheckFields, isIdentityCheckChosen } from '../self-service/identity-check-fields.tsx'
import type { ColumnChoice, TableKind } from './column-mapping.ts'
import { duplicateFields, fieldLabelsOf } from './column-mapping.ts'
import { ColumnMappingTable } from './column-mapping-table.tsx'
import { ImportFileError } from './import-file-error.ts'
import { IssueTable } from './issue-table.tsx'
import type { LoadedFile } from './loaded-file.ts'
import { fileSummary, loadFile } from './loaded-file.ts'
import type { PreparedTable } from './prepare-upload.ts'
import { mergeIssues, prepareUpload } from './prepare-upload.ts'
import { ProgressLine } from './progress-line.tsx'
import { readImportFile } from './read-table.ts'
import type { NumberJob } from './relay-numbers.ts'
import { numberJobs, relayNumbers } from './relay-numbers.ts'

/** The server's answer and the page's own findings for one set of files and column choices. */
type Checked = {
  preview: ImportPreview
  issues: RowIssue[]
  prepared: Prepared
  /** Chosen when the check came back clean; a commit sent again after a lost answer keeps it. */
  importId: string
}

type Run =
  | { phase: 'idle' }
  | { phase: 'committing'; processed: number; total: number }
  | { phase: 'sealing'; done: number; total: number; created: Created }
  | {
      phase: 'done'
      created: Created
      registered: number
      failed: Array<{ job: NumberJob; message: string }>
    }

type Created = { employees: number; dependents: number }
type Prepared = { employees: PreparedTable; dependents: PreparedTable | null }

const KIND_LABEL: Readonly<Record<TableKind, string>> = { employees: '社員', dependents: '被扶養者' }
const NO_CHECK: IdentityCheckInput = { numberCheck: '', identityCheck: '' }

/**
 * Import of a client's staff list: choose the CSV files, check how their columns map, preview
 * every row's problems, fix the file and choose it again, then commit with progress. The
 * 個人番号 column never leaves the page: after the commit made each person, their number is
 * sealed here to the vault's key for that person and relayed.
 */
export function ImportWizardPage({ clientId }: { clientId: string }) {
  const client = useLoad(() => getClient(clientId), [clientId])
  return (
    <>
      <Text as="p">
        <Link to={pathOf({ name: 'client', clientId })}>顧問先と従業員の一覧へ戻る</Link>
      </Text>
      <LoadedView loaded={client} what="顧問先">
        {(c) => (
          <>
            <PageHeading>{c.name}: 従業員の取り込み</PageHeading>
            <ImportWizard clientId={clientId} />
          </>
        )}
      </LoadedView>
    </>
  )
}

function ImportWizard({ clientId }: { clientId: string }) {
  const session = useCurrentSession()
  const [files, setFiles] = useState<Record<TableKind, LoadedFile | null>>({
    employees: null,
    dependents: null,
  })
  const [fileErrors, setFileErrors] = useState<Record<TableKind, string | null>>({
    employees: null,
    dependents: null,
  })
  const [checked, setChecked] = useState<Checked | null>(null)
  const [checking, setChecking] = useState(false)
  const [identityCheck, setIdentityCheck] = useState<IdentityCheckInput>(NO_CHECK)
  const [run, setRun] = useState<Run>({ phase: 'idle' })
  const [error, setError] = useState<ApiError | string | null>(null)
  // The numbers are needed only until they are relayed; a ref keeps them out of React's dev tools state.
  const pendingJobs = useRef<NumberJob[]>([])
  const resultRef = useRef<HTMLDivElement>(null)

  // The answer of a check appears below the long column list: bring it into view.
  useEffect(() => {
    if (checked !== null) resultRef.current?.scrollIntoView({ block: 'start' })
  }, [checked])

  const chooseFile = async (kind: TableKind, chosen: File | undefined) => {
    setChecked(null)
    setError(null)
    setFileErrors((e) => ({ ...e, [kind]: null }))
    if (chosen === undefined) {
      setFiles((f) => ({ ...f, [kind]: null }))
      return
    }
    try {
      const source = await readImportFile(new Uint8Array(await chosen.arrayBuffer()))
      setFiles((f) => ({ ...f, [kind]: loadFile(kind, chosen.name, source, f[kind]) }))
    } catch (caught) {
      setFiles((f) => ({ ...f, [kind]: null }))
      setFileErrors((e) => ({
        ...e,
        [kind]:
          caught instanceof ImportFileError
            ? caught.messageJa
            : 'ファイルを読み込めませんでした。CSV か Excel（.xlsx）のファイルを選び直してください。',
      }))
    }
  }

  const chooseSheet = (kind: TableKind, sheet: string) => {
    setChecked(null)
    setFiles((f) => {
      const file = f[kind]
      return file === null ? f : { ...f, [kind]: loadFile(kind, file.name, file.source, file, sheet) }
    })
  }

  const setChoices = (kind: TableKind, choices: ColumnChoice[]) => {
    setChecked(null)
    setFiles((f) => {
      const file = f[kind]
      return file === null ? f : { ...f, [kind]: { ...file, choices } }
    })
  }

  const tables = {
    employees: usable(files.employees),
    dependents: usable(files.dependents),
  }
  const duplicates = (['employees', 'dependents'] as const).flatMap((kind) => {
    const file = files[kind]
    if (file === null) return []
    const labels = fieldLabelsOf(kind)
    return duplicateFields(file.choices).map((field) => `${KIND_LABEL[kind]}の「${labels[field] ?? field}」`)
  })

  const check = async () => {
    const employees = tables.employees
    if (employees === null) return
    setChecking(true)
    setError(null)
    try {
      const prepared = {
        employees: prepareUpload('employees', employees.table, employees.choices),
        dependents:
          tables.dependents === null
            ? null
            : prepareUpload('dependents', tables.dependents.table, tables.dependents.choices),
      }
      const preview = await previewImport(clientId, rowsOf(prepared))
      const issues = mergeIssues(preview.issues, prepared.employees.issues, prepared.dependents?.issues ?? [])
      setChecked({ preview, issues, prepared, importId: checked?.importId ?? crypto.randomUUID() })
    } catch (caught) {
      setError(asApiError(caught))
    } finally {
      setChecking(false)
    }
  }

  const relay = async (jobs: readonly NumberJob[], created: Created, alreadyRegistered: number) => {
    setRun({ phase: 'sealing', done: 0, total: jobs.length, created })
    const key = await fetchVaultPublicKey()
    const failures = await relayNumbers(jobs, {
      key,
      officeId: session.officeId,
      identityCheck,
      send: (subject, registration) =>
        registerImportedMyNumber(
          subject.table === 'employees'
            ? { clientId, employeeId: subject.employeeId }
            : { clientId, employeeId: subject.employeeId, dependentId: subject.subjectId },
          registration,
        ),
      onProgress: (done) => setRun({ phase: 'sealing', done, total: jobs.length, created }),
    })
    const failedSubjects = new Set(failures.map((f) => f.subject))
    const failed = jobs.flatMap((job) => {
      const failure = failures.find((f) => f.subject === job.subject)
      return failure === undefined ? [] : [{ job, message: failure.message }]
    })
    pendingJobs.current = failed.map((f) => f.job)
    setRun({
      phase: 'done',
      created,
      registered: alreadyRegistered + jobs.filter((j) => !failedSubjects.has(j.subject)).length,
      failed,
    })
  }

  const commit = async () => {
    if (checked === null) return
    const numbers = {
      employees: checked.prepared.employees?.numbers ?? new Map<number, string>(),
      dependents: checked.prepared.dependents?.numbers ?? new Map<number, string>(),
    }
    setError(null)
    setRun({
      phase: 'committing',
      processed: 0,
      total: checked.preview.rows.employees + checked.preview.rows.dependents,
    })
    try {
      // Before anyone is created: a vault that cannot be reached would leave the numbers unsent.
      if (numbers.employees.size + numbers.dependents.size > 0) await fetchVaultPublicKey()
      const outcome: { subjects: CommittedSubject[]; created: Created } | { failed: string } | null =
        await new Promise((resolve, reject) => {
          let last: { subjects: CommittedSubject[]; created: Created } | { failed: string } | null = null
          commitImport(clientId, checked.importId, rowsOf(checked.prepared), (line) => {
            if (line.type === 'progress') {
              setRun({ phase: 'committing', processed: line.processed, total: line.total })
            } else if (line.type === 'committed') {
              last = {
                subjects: line.subjects,
                created: { employees: line.employeesCreated, dependents: line.dependentsCreated },
              }
            } else last = { failed: `${line.message}（受付番号: ${line.requestId}）` }
          }).then(() => resolve(last), reject)
        })
      if (outcome === null || 'failed' in outcome) {
        setRun({ phase: 'idle' })
        setError(
          outcome?.failed ??
            '取り込みの結果を受け取れませんでした。登録されたかどうかを従業員の一覧で確かめてから、やり直してください。',
        )
        return
      }
      const { subjects, created } = outcome
      // The tables and their numbers are no longer needed once the people exist.
      setFiles({ employees: null, dependents: null })
      setChecked(null)
      await relay(numberJobs(subjects, numbers), created, 0)
    } catch (caught) {
      setRun((current) => (current.phase === 'sealing' ? current : { phase: 'idle' }))
      setError(asApiError(caught))
    }
  }

  const retryFailed = async (done: Extract<Run, { phase: 'done' }>) => {
    setError(null)
    try {
      await relay(pendingJobs.current, done.created, done.registered)
    } catch (caught) {
      setRun(done)
      setError(asApiError(caught))
    }
  }

  if (run.phase === 'committing' || run.phase === 'sealing') {
    return (
      <Base padding={1.5}>
        <Section>
          <Stack>
            <Heading>登録しています</Heading>
            <Text as="p">この画面を閉じずにお待ちください。</Text>
            <ProgressLine
              label="従業員と被扶養者の登録"
              done={run.phase === 'committing' ? run.processed : 1}
              total={run.phase === 'committing' ? run.total : 1}
              unit="件"
            />
            {run.phase === 'sealing' ? (
              <ProgressLine label="個人番号の暗号化と登録" done={run.done} total={run.total} unit="件" />
            ) : null}
          </Stack>
        </Section>
      </Base>
    )
  }

  if (run.phase === 'done') {
    return (
      <Stack>
        <NotificationBar type="success" role="status" base="base">
          <Text>
            社員 {run.created.employees} 人、被扶養者 {run.created.dependents} 人を登録しました。
            {run.registered > 0 ? `個人番号 ${run.registered} 件を暗号化して登録しました。` : ''}
          </Text>
        </NotificationBar>
        <WizardError error={error} />
        {run.failed.length > 0 ? (
          <Base padding={1.5}>
            <Section>
              <Stack>
                <Heading>登録できなかった個人番号</Heading>
                <Text as="p">
                  次の行の個人番号は登録できませんでした。理由を確かめてから「もう一度送る」を押してください。番号はこの画面を離れると消えます。
                </Text>
                <IssueTable
                  issues={run.failed.map((f) => ({
                    table: f.job.subject.table,
                    row: f.job.subject.row,
                    column: null,
                    field: 'myNumber',
                    code: 'MY_NUMBER_NOT_REGISTERED',
                    message: f.message,
                  }))}
                />
                <Cluster>
                  <Button variant="primary" onClick={() => void retryFailed(run)}>
                    もう一度送る
                  </Button>
                </Cluster>
              </Stack>
            </Section>
          </Base>
        ) : null}
        <Text as="p">
          <Link to={pathOf({ name: 'client', clientId })}>従業員の一覧で確かめる</Link>
        </Text>
      </Stack>
    )
  }

  const clean = checked?.preview.ok === true && checked.issues.length === 0
  const numberCount =
    (checked?.prepared.employees?.numbers.size ?? 0) + (checked?.prepared.dependents?.numbers.size ?? 0)
  const canCommit = clean && (numberCount === 0 || isIdentityCheckChosen(identityCheck))
  return (
    <>
      <Base padding={1.5}>
        <Section>
          <Stack>
            <Heading>1. ファイルを選ぶ</Heading>
            <Text as="p">
              CSV ファイル（UTF-8 または Shift_JIS）か Excel
              ファイル（.xlsx）を選んでください。個人番号の列があれば、番号はこの画面の中だけで読み、登録した人ごとに暗号化してから送ります。
            </Text>
            {(['employees', 'dependents'] as const).map((kind) => {
              const file = files[kind]
              return (
                <Stack key={kind} gap={0.5}>
                  <InputFile
                    label={kind === 'employees' ? '社員のファイルを選ぶ' : '被扶養者のファイルを選ぶ（任意）'}
                    name={kind}
                    accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    error={fileErrors[kind] !== null}
                    onChange={(chosen) => void chooseFile(kind, chosen[0])}
                  />
                  {fileErrors[kind] === null ? null : <ErrorNotice message={fileErrors[kind]} />}
                  {file === null ? null : (
                    <Text as="p" size="S">
                      {KIND_LABEL[kind]}: {fileSummary(file)}
                    </Text>
                  )}
                  {file?.source.format === 'xlsx' && file.source.sheets.length > 1 ? (
                    <FormControl label={`${KIND_LABEL[kind]}のシート`}>
                      <Select
                        name={`${kind}-sheet`}
                        options={file.source.sheets.map((sheet) => ({
                          value: sheet.name,
                          label: sheet.name,
                        }))}
                        value={file.sheet ?? ''}
                        onChangeValue={(sheet) => chooseSheet(kind, sheet)}
                      />
                    </FormControl>
                  ) : null}
                  {file !== null && !('headers' in file.table) ? (
                    <ErrorNotice message={file.table.messageJa} />
                  ) : null}
                </Stack>
              )
            })}
          </Stack>
        </Section>
      </Base>
      {tables.employees === null ? null : (
        <Base padding={1.5}>
          <Section>
            <Stack>
              <Heading>2. 列の対応を確かめる</Heading>
              <Text as="p">見出しから推測した項目です。違っていれば選び直してください。</Text>
              {(['employees', 'dependents'] as const).map((kind) => {
                const file = tables[kind]
                return file === null ? null : (
                  <ColumnMappingTable
                    key={kind}
                    kind={kind}
                    caption={`${KIND_LABEL[kind]}のファイルの列`}
                    headers={file.table.headers}
                    choices={file.choices}
                    onChange={(choices) => setChoices(kind, choices)}
                  />
                )
              })}
              {duplicates.length === 0 ? null : (
                <ErrorNotice
                  message={`${duplicates.join('、')}が2つ以上の列に選ばれています。どちらか一方を「取り込まない」にしてください。`}
                />
              )}
              <Cluster>
                <Button
                  variant="primary"
                  disabled={checking || duplicates.length > 0}
                  onClick={() => void check()}
                >
                  内容を確認する
                </Button>
              </Cluster>
            </Stack>
          </Section>
        </Base>
      )}
      <WizardError error={error} />
      {checked === null ? null : (
        <Base padding={1.5} ref={resultRef}>
          <Section>
            <Stack>
              <Heading>3. 確認の結果</Heading>
              <Text as="p">
                社員 {checked.preview.rows.employees} 行のうち {checked.preview.valid.employees} 行
                {checked.preview.rows.dependents > 0
                  ? `、被扶養者 ${checked.preview.rows.dependents} 行のうち ${checked.preview.valid.dependents} 行`
                  : ''}
                に問題はありません。
                {numberCount > 0
                  ? `個人番号は ${numberCount} 件あります（この画面の外には送っていません）。`
                  : ''}
              </Text>
              {clean ? (
                <NotificationBar type="success" role="status" base="base">
                  <Text>問題はありません。登録に進めます。</Text>
                </NotificationBar>
              ) : (
                <>
                  <NotificationBar type="warning" role="alert" base="base">
                    <Text>
                      {checked.issues.length} 件の問題があります。ファイルを直して保存し、「1.
                      ファイルを選ぶ」から選び直して、もう一度「内容を確認する」を押してください。
                    </Text>
                  </NotificationBar>
                  <IssueTable issues={checked.issues} />
                </>
              )}
            </Stack>
          </Section>
        </Base>
      )}
      {checked !== null && clean ? (
        <Base padding={1.5}>
          <Section>
            <Stack>
              <Heading>4. 登録する</Heading>
              {numberCount > 0 ? (
                <>
                  <Text as="p">
                    個人番号を受け取ったときに確認した本人確認の書類を選んでください。{numberCount}
                    人分の記録に残ります。
                  </Text>
                  <IdentityCheckFields value={identityCheck} onChange={setIdentityCheck} />
                </>
              ) : null}
              <Text as="p">全員を1度に登録します。1行でも登録できなければ、誰も登録されません。</Text>
              <Cluster>
                <Button variant="primary" disabled={!canCommit} onClick={() => void commit()}>
                  {checked.preview.rows.employees + checked.preview.rows.dependents} 件を登録する
                </Button>
              </Cluster>
            </Stack>
          </Section>
        </Base>
      ) : null}
    </>
  )
}

function WizardError({ error }: { error: ApiError | string | null }) {
  return typeof error === 'string' ? <ErrorNotice message={error} /> : <ErrorNotice error={error} />
}

function rowsOf(prepared: Prepared): ImportRows {
  return prepared.dependents === null
    ? { employees: prepared.employees.table }
    : { employees: prepared.employees.table, dependents: prepared.dependents.table }
}

/** The file's table and choices, when its chosen sheet is one. */
function usable(file: LoadedFile | null): { table: ImportTable; choices: ColumnChoice[] } | null {
  return file === null || !('headers' in file.table) ? null : { table: file.table, choices: file.choices }
}
