import { access } from 'node:fs/promises'
import { type AuditLogReader, openAuditLogReader } from '@mamori/audit/audit-log.ts'
import { decodeBase64 } from '@mamori/audit/bytes.ts'
import { decodeEntry } from '@mamori/audit/entry-encoding.ts'
import { AuditError } from '@mamori/audit/errors.ts'
import { type AuditHost, hostLogFiles } from '@mamori/audit/host-logs.ts'
import { type DatabaseTarget, describeTarget, openDatabase, postgresTarget } from '@mamori/db'
import { loadServerConfig, lockDataDir } from '@mamori/server'
import { CliError } from '../cli-error.ts'
import type { CliIo } from '../cli-io.ts'
import { requiredInteger } from '../option-values.ts'
import type { ParsedOptions } from '../parse-options.ts'
import type { Command } from './command.ts'

const LOG_OPTION = { log: { type: 'string' } } as const

const LOG_HELP = `  --log server|vault  どちらのログか（既定: server）
                      server: アプリのデータベース（MAMORI_DATABASE_URL、なければ data/app/pgdata）
                      vault:  金庫のデータベース（MAMORI_VAULT_DATABASE_URL、なければ data/vault/pgdata）
                      署名鍵 data/keys/audit-<log>.ed25519.pem、ウィットネス data/witness/<log>-audit.log`

const verifyCommand: Command = {
  name: 'verify',
  summary: '監査ログ全体を検証します（全エントリ、全チェックポイントの署名、ウィットネスとの整合）',
  usage: `使い方: mamori audit verify [--log server|vault]

  すべてのエントリをハッシュし直して木を再計算し、データベースとウィットネスにある
  すべてのチェックポイントの署名と、それらが同じひとつのログのものであることを確かめます。
  問題があれば最初の不正なエントリ（0 から数えた番号）とコードを示し、終了コード 1 で終わります。

${LOG_HELP}`,
  options: LOG_OPTION,
  async run(io, options) {
    await withLog(io, options, async (log, where) => {
      io.out(`監査ログ（${log.origin}）: ${where}`)
      io.out(`  検証鍵: ${log.verifierKeyText}`)
      const report = await log.verify()
      io.out(`  エントリ: ${count(report.entries)} 件を確認（未署名 ${count(report.unsigned)} 件）`)
      io.out(
        `  チェックポイント: データベース ${count(report.checkpoints)} 件（最新 ${count(report.latestCheckpointSize)} 件）、ウィットネス ${count(report.witnessed)} 件（最新 ${count(report.latestWitnessedSize)} 件）`,
      )
      if (report.problem !== undefined) {
        const { code, message, messageJa } = report.problem
        throw new AuditError({ code, message, messageJa })
      }
      io.out('検証しました。改ざんは見つかりませんでした。')
    })
  },
}

const proofCommand: Command = {
  name: 'proof',
  summary: 'エントリがログに含まれることの証明（包含証明）を JSON で出力します',
  usage: `使い方: mamori audit proof --entry N [--log server|vault]

  エントリ N（0 から数えた番号）の包含証明を、最新の署名済みチェックポイントに対して出力します。
  出力はブラウザでも動く検証関数（@mamori/audit/verify.ts の verifyInclusion）でそのまま確かめられます。
  verifierKey は参考です。検証には、信頼できる経路で受け取った公開鍵を使ってください。

  --entry N           エントリの番号（0 から）
${LOG_HELP}`,
  options: { ...LOG_OPTION, entry: { type: 'string' } },
  async run(io, options) {
    const entry = requiredInteger(options, 'entry', 'audit proof', {
      min: 0,
      max: Number.MAX_SAFE_INTEGER,
      unitJa: '0 から数えたエントリ番号',
    })
    await withLog(io, options, async (log) => {
      const bundle = await log.inclusionProof(entry)
      const output = {
        log: log.origin,
        verifierKey: log.verifierKeyText,
        index: bundle.index,
        treeSize: bundle.treeSize,
        entry: bundle.entry,
        content: decodeEntry(decodeBase64(bundle.entry)!),
        proof: bundle.proof,
        checkpoint: bundle.checkpoint,
      }
      io.out(JSON.stringify(output, null, 2))
    })
  },
}

export const auditCommand: Command = {
  name: 'audit',
  summary: '監査ログを検証し、エントリの包含証明を出力します',
  usage: `使い方: mamori audit <verify|proof> [オプション]

  verify  ${verifyCommand.summary}
  proof   ${proofCommand.summary}

各コマンドの詳細: mamori audit <verify|proof> --help`,
  options: {},
  subcommands: [verifyCommand, proofCommand],
  async run(io) {
    io.out(this.usage)
  },
}

/**
 * Opens the chosen log read-only. An embedded (PGlite) database is opened only under the data
 * directory's lock: PGlite must never be opened by two processes, so a running Mamori is refused
 * with DATA_DIR_IN_USE; a PostgreSQL server is read beside the running services.
 */
async function withLog(
  io: CliIo,
  options: ParsedOptions,
  use: (log: AuditLogReader, where: string) => Promise<void>,
): Promise<void> {
  const host = logHost(options)
  const config = loadServerConfig(io.env, io.cwd)
  const target = host === 'server' ? config.database : vaultDatabase(io.env, config.paths.vaultDatabase)
  if (target.kind === 'pglite' && !(await exists(target.dataDir))) {
    throw new CliError({
      code: 'CLI_INVALID_ARGUMENT',
      message: `no ${host} database in the data directory`,
      messageJa: `${describeTarget(target)} に ${host} のデータベースがありません。MAMORI_DATA_DIR と --log を確認してください。`,
      field: '--log',
      exitCode: 1,
    })
  }
  const lock = target.kind === 'postgres' ? undefined : await lockDataDir(config.paths.root)
  try {
    const database = await openDatabase<unknown>(target)
    try {
      const log = await openAuditLogReader({
        db: database.db,
        ...hostLogFiles(host, config.paths.keys, config.paths.witness),
      })
      await use(log, describeTarget(target))
    } finally {
      await database.close()
    }
  } finally {
    await lock?.release()
  }
}

function logHost(options: ParsedOptions): AuditHost {
  const value = options.log ?? 'server'
  if (value === 'server' || value === 'vault') return value
  throw new CliError({
    code: 'CLI_INVALID_ARGUMENT',
    message: '--log must be server or vault',
    messageJa: '--log は server か vault で指定してください。',
    field: '--log',
    exitCode: 2,
  })
}

/** The vault's database as the vault's own configuration names it (packages/vault config.ts). */
function vaultDatabase(env: CliIo['env'], pgliteDir: string): DatabaseTarget {
  const url = env.MAMORI_VAULT_DATABASE_URL?.trim()
  return url ? postgresTarget(url, 'MAMORI_VAULT_DATABASE_URL') : { kind: 'pglite', dataDir: pgliteDir }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}

function count(n: number): string {
  return n.toLocaleString('ja-JP')
}
