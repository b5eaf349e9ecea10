import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { ServerError } from '@mamori/server'
// The device side of imports lives with the server's import module; @mamori/server does not export
// it yet (its index is not ours to change), hence the path into the package.
import type { ColumnMapping, RowIssue } from '../../../server/src/imports/device.ts'
import { prepareUpload, readTable } from '../../../server/src/imports/device.ts'
import { CliError } from '../cli-error.ts'
import type { CliIo } from '../cli-io.ts'
import { requiredString } from '../option-values.ts'
import type { Command } from './command.ts'
import type { CommittedSubject, DeviceNumbers } from './import-my-numbers.ts'
import {
  IDENTITY_CHECKS,
  NUMBER_CHECKS,
  numberRelayOptions,
  PURPOSES,
  sealAndRelayNumbers,
} from './import-my-numbers.ts'
import type { ImportSession } from './import-session.ts'
import { serverRefusal, signIn } from './import-session.ts'

const USAGE = `使い方: mamori import employees --client 事業所ID --file 社員.csv [オプション]

  社員（と被扶養者）の一覧を CSV（UTF-8 または Shift_JIS）か Excel（.xlsx）から取り込みます。
  ファイルはこの端末で読み、サーバーには項目に対応づいた列だけを送ります。個人番号の列は
  この端末で検査用数字を確かめ、送信しません。既定では確認（プレビュー）だけを行い、
  --commit を付けると誤りがないときに全件を一度に登録します（1件でも失敗すれば何も登録しません）。

オプション:
  --client ID            取り込み先の事業所の ID
  --file F               社員のファイル
  --sheet S              Excel のシート名（既定: 最初のシート）
  --dependents F         被扶養者のファイル（社員番号で社員と結びつけます）
  --dependents-sheet S   被扶養者のシート名（--dependents を省くと --file の同じブック）
  --mapping M.json       見出しと項目の対応 {"employees": {"見出し": "項目"}, "dependents": {…}}
  --commit               誤りがなければ登録する

個人番号の列があるときの --commit（番号はこの端末で金庫の公開鍵に暗号化し、暗号文だけを送ります）:
  --number-check D       行った番号確認の書類: ${NUMBER_CHECKS.join(' / ')}
  --identity-check D     行った身元確認の書類: ${IDENTITY_CHECKS.join(' / ')}
  --purpose P            利用目的（既定 SOCIAL_INSURANCE_FILING）: ${PURPOSES.join(' / ')}

環境変数:
  MAMORI_SERVER_URL  サーバーの URL（例: http://127.0.0.1:8080）
  MAMORI_LOGIN_ID, MAMORI_PASSWORD, MAMORI_TOTP_CODE  サインインに使う ID・パスワード・確認コード

終了コード: 0 成功 / 1 内容の誤り・登録の失敗 / 2 指定の誤り`

const employeesCommand: Command = {
  name: 'employees',
  summary: '社員と被扶養者を CSV・Excel から取り込みます（確認のみ、または --commit で登録）',
  usage: USAGE,
  options: {
    client: { type: 'string' },
    file: { type: 'string' },
    sheet: { type: 'string' },
    dependents: { type: 'string' },
    'dependents-sheet': { type: 'string' },
    mapping: { type: 'string' },
    commit: { type: 'boolean' },
    'number-check': { type: 'string' },
    'identity-check': { type: 'string' },
    purpose: { type: 'string' },
  },
  async run(io, options) {
    const command = 'import employees'
    const clientId = requiredString(options, 'client', command)
    const file = resolve(io.cwd, requiredString(options, 'file', command))
    const mapping =
      typeof options.mapping === 'string' ? await readMapping(resolve(io.cwd, options.mapping)) : {}
    const sheet = typeof options.sheet === 'string' ? options.sheet : undefined
    const dependentsSheet =
      typeof options['dependents-sheet'] === 'string' ? options['dependents-sheet'] : undefined
    const dependentsFile =
      typeof options.dependents === 'string'
        ? resolve(io.cwd, options.dependents)
        : dependentsSheet === undefined
          ? undefined
          : file

    const employees = prepareUpload(
      'employees',
      await readTable(await readBytes(file), sheet === undefined ? {} : { sheet }),
      mapping.employees,
    )
    const dependents =
      dependentsFile === undefined
        ? undefined
        : prepareUpload(
            'dependents',
            await readTable(
              await readBytes(dependentsFile),
              dependentsSheet === undefined ? {} : { sheet: dependentsSheet },
            ),
            mapping.dependents,
          )
    const rows = {
      employees: employees.table,
      ...(dependents === undefined ? {} : { dependents: dependents.table }),
    }

    const numbers: DeviceNumbers[] = [
      ...employees.numbers.map((n) => ({ table: 'employees' as const, ...n })),
      ...(dependents?.numbers ?? []).map((n) => ({ table: 'dependents' as const, ...n })),
    ]
    // Read before anything is sent: a missing 本人確認 option must not leave people without numbers.
    const relay = options.commit === true && numbers.length > 0 ? numberRelayOptions(options) : undefined

    const session = await signIn(io.env)
    const base = `/clients/${encodeURIComponent(clientId)}/imports`
    const preview = (await (await session.post(`${base}/preview`, rows)).json()) as PreviewBody
    const issues = [...employees.issues, ...(dependents?.issues ?? []), ...preview.issues]
    io.out(
      `確認: 社員 ${preview.rows.employees}行（うち正しい行 ${preview.valid.employees}）、被扶養者 ${preview.rows.dependents}行（うち正しい行 ${preview.valid.dependents}）`,
    )
    const myNumbers = employees.myNumbers + (dependents?.myNumbers ?? 0)
    if (myNumbers > 0) {
      io.out(`個人番号: ${myNumbers}件の検査用数字を確認しました（個人番号は送信していません）。`)
    }
    if (issues.length > 0) {
      for (const line of issueLines(issues)) io.err(line)
      throw new ServerError({
        code: 'REQUEST_INVALID',
        message: 'import has row issues',
        messageJa: `${issues.length}件の誤りがあります。ファイルを直してもう一度実行してください。何も登録していません。`,
      })
    }
    if (options.commit !== true) {
      io.out('誤りはありません。登録するには --commit を付けて実行してください。')
      return
    }
    const committed = await commit(io, session, base, { importId: crypto.randomUUID(), ...rows })
    if (relay === undefined) return
    const { registered, refused } = await sealAndRelayNumbers(
      io,
      session,
      clientId,
      numbers,
      committed.subjects,
      relay,
    )
    io.out(`個人番号を登録しました: ${registered}件（番号は暗号文だけを送りました）`)
    if (refused > 0) {
      throw new CliError({
        code: 'IMPORT_NUMBERS_REFUSED',
        message: 'some My Numbers were refused',
        messageJa: `${refused}件の個人番号を登録できませんでした（上の行を確認してください）。社員・被扶養者は登録済みです。`,
        exitCode: 1,
      })
    }
  },
}

export const importCommand: Command = {
  name: 'import',
  summary: '社員・被扶養者の一覧を CSV・Excel から取り込みます',
  usage: USAGE,
  options: {},
  subcommands: [employeesCommand],
  async run(io) {
    io.out(USAGE)
  },
}

type PreviewBody = {
  rows: { employees: number; dependents: number }
  valid: { employees: number; dependents: number }
  issues: RowIssue[]
}

type CommitLine =
  | { type: 'progress'; processed: number; total: number }
  | {
      type: 'committed'
      importId: string
      employeesCreated: number
      dependentsCreated: number
      subjects: CommittedSubject[]
    }
  | { type: 'failed'; code: string; message: string; field?: string }

/** Reads the NDJSON answer line by line as it arrives, printing progress every tenth. */
async function commit(
  io: CliIo,
  session: ImportSession,
  base: string,
  body: unknown,
): Promise<Extract<CommitLine, { type: 'committed' }>> {
  const response = await session.post(`${base}/commit`, body)
  if (response.body === null) throw await serverRefusal(response)
  const decoder = new TextDecoder()
  let buffered = ''
  let shown = -1
  let last: CommitLine | undefined
  for await (const chunk of response.body) {
    buffered += decoder.decode(chunk, { stream: true })
    let newline = buffered.indexOf('\n')
    while (newline !== -1) {
      last = JSON.parse(buffered.slice(0, newline)) as CommitLine
      buffered = buffered.slice(newline + 1)
      newline = buffered.indexOf('\n')
      if (last.type !== 'progress' || last.total === 0) continue
      const tenth = Math.floor((last.processed * 10) / last.total)
      if (tenth > shown) {
        shown = tenth
        io.out(`登録中: ${last.processed} / ${last.total}`)
      }
    }
  }
  if (last?.type === 'committed') {
    io.out(
      `登録しました: 社員 ${last.employeesCreated}人、被扶養者 ${last.dependentsCreated}人（取り込みID ${last.importId}）`,
    )
    return last
  }
  throw new ServerError({
    code: 'INTERNAL',
    message: 'import commit failed',
    messageJa:
      last?.type === 'failed'
        ? `${last.message}（${last.code}）`
        : '登録の結果を受け取れませんでした。取り込みの記録を確認してください。',
    ...(last?.type === 'failed' && last.field !== undefined ? { field: last.field } : {}),
  })
}

function issueLines(issues: readonly RowIssue[]): string[] {
  return issues.map(
    (i) =>
      `${i.table === 'employees' ? '社員' : '被扶養者'} ${i.row}行目${i.column === null ? '' : ` 「${i.column}」`}: ${i.message} [${i.code}]`,
  )
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path))
  } catch {
    throw new CliError({
      code: 'CLI_INVALID_ARGUMENT',
      message: 'cannot read the file',
      messageJa: `ファイル ${path} を読めません。パスと読み取り権限を確認してください。`,
      field: '--file',
      exitCode: 2,
    })
  }
}

type MappingFile = { employees?: ColumnMapping<'employees'>; dependents?: ColumnMapping<'dependents'> }

async function readMapping(path: string): Promise<MappingFile> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as unknown
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as MappingFile
  } catch {
    // reported below
  }
  throw new CliError({
    code: 'CLI_INVALID_ARGUMENT',
    message: 'mapping file is not a JSON object',
    messageJa:
      '--mapping のファイルを読めないか、JSON の形が違います。{"employees": {"見出し": "項目"}} の形で書いてください。',
    field: '--mapping',
    exitCode: 2,
  })
}
