import type { ServerConfig } from '@mamori/server'
import { ensureLocalSecret, loadServerConfig, lockDataDir, openAppDatabase } from '@mamori/server'
import type { Kysely } from 'kysely'
import { openServerAuditLog } from '../../../server/src/audit/server-audit-log.ts'
import type { ServerTables } from '../../../server/src/db/tables.ts'
import { connectVault } from '../../../server/src/my-number/vault-connection.ts'
import type { CliIo } from '../cli-io.ts'
import { startVaultProcess } from '../vault-process.ts'
import type { Command } from './command.ts'
import { registerDemoNumbers } from './demo-numbers.ts'
import type { SeededDemo } from './demo-office.ts'
import { DEMO_ADMIN_LOGIN_ID, demoOfficeData, findDemoOffice, seedDemoOffice } from './demo-office.ts'

export const demoCommand: Command = {
  name: 'demo',
  summary: '架空のデモ事務所（顧問先3件・社員300人）をデータディレクトリに作成します',
  usage: `使い方: mamori demo

  お試し用に、架空のデータだけでできたデモ事務所をデータディレクトリに作成します（synthetic data）:
  顧問先の事業所 3件、社員 300人と被扶養者、全員の個人番号（架空の番号）、管理者 1人（ログインID
  ${DEMO_ADMIN_LOGIN_ID}）。作成はサーバーと同じ処理で行い、すべての登録が監査ログに残ります。
  個人番号は個人番号の金庫（別プロセス）を一時的に起動し、この端末で暗号化してから登録します。
  管理者のパスワードと確認コード（TOTP）の秘密鍵は、作成したときに一度だけ表示します。
  この端末でのお試し専用です。本番のデータディレクトリでは実行しないでください。

  デモ事務所がすでにあるときは何も変更せず、その旨を表示して終了します（終了コード 0）。
  作り直すには、Mamori を停止してデータディレクトリを削除してから実行してください。
  Mamori の起動中は実行できません（同じデータを二つのプロセスで開かないため）。

環境変数:
  MAMORI_DATA_DIR      データの保存先（既定: ./data）
  MAMORI_DATABASE_URL  PostgreSQL サーバーの URL（省略時は内蔵 PGlite）
  MAMORI_HOST, MAMORI_PORT  表示する URL（mamori start と同じ既定値）

終了コード: 0 作成した・作成済み / 1 失敗（起動中の Mamori がデータディレクトリを使用中など）`,
  options: {},
  async run(io) {
    const config = loadServerConfig(io.env, io.cwd)
    // Before anything is opened: a running server owns the data directory (DATA_DIR_IN_USE).
    const lock = await lockDataDir(config.paths.root)
    try {
      const sessionKey = await ensureLocalSecret(config.paths.keys, 'session')
      const database = await openAppDatabase(config)
      try {
        const db = database.db as Kysely<ServerTables>
        const existing = await findDemoOffice(db)
        if (existing !== null) {
          io.out('デモ事務所はすでに作成済みです。何も変更していません（the demo office exists）。')
          io.out(
            `  顧問先: ${existing.clients}件、社員: ${existing.employees}人、被扶養者: ${existing.dependents}人`,
          )
          io.out(
            `  管理者のログインID: ${DEMO_ADMIN_LOGIN_ID}（パスワードと秘密鍵は最初の作成時に表示したもの）`,
          )
          io.out(`  開くURL: ${urlOf(config)}（mamori start で起動してから）`)
          return
        }
        // The vault starts (its first start makes its keys and database) while the people are seeded.
        const vaultStarting = startVaultProcess(io.env, io.cwd, (line) => io.out(`[金庫] ${line}`))
        vaultStarting.catch(() => {})
        const access = connectVault(config.vault)
        const audit = await openServerAuditLog(database.db, config.paths)
        let seeded: SeededDemo
        try {
          const now = () => new Date()
          seeded = await seedDemoOffice(
            { db, sessionKey: sessionKey.secret, now },
            demoOfficeData(),
            async (ctx, subjects) => {
              await vaultStarting
              return registerDemoNumbers({ db, vault: access, now }, ctx, subjects)
            },
          )
        } finally {
          access.close()
          await audit.close()
          await vaultStarting.then(
            (vault) => vault.stop(),
            () => {},
          )
        }
        report(io, config, seeded)
      } finally {
        await database.close()
      }
    } finally {
      await lock.release()
    }
  },
}

function report(io: CliIo, config: ServerConfig, seeded: SeededDemo): void {
  io.out(`デモ事務所を作成しました（架空のデータです / synthetic data）: ${seeded.officeName}`)
  io.out(`  顧問先（事業所）: ${seeded.clients}件`)
  io.out(`  社員: ${seeded.employees}人、被扶養者: ${seeded.dependents}人`)
  io.out(
    `  個人番号: ${seeded.numbers}件を金庫に登録（この端末で暗号化してから送信 / sealed on this machine）`,
  )
  io.out('')
  io.out('管理者（office administrator）— この端末でのお試し専用。この一度だけ表示します:')
  io.out(`  ログインID（login id）: ${seeded.admin.loginId}`)
  io.out(`  パスワード（password）: ${seeded.admin.password}`)
  io.out(`  TOTP の秘密鍵（secret for an authenticator app）: ${seeded.admin.totpSecret}`)
  io.out(`  otpauth URI: ${seeded.admin.otpauthUri}`)
  io.out('')
  io.out(`次に「npm start」（mamori start）で起動し、${urlOf(config)} を開いてください（open this URL）。`)
  io.out('サインインには、認証アプリに秘密鍵を登録して表示される6桁の確認コードを使います。')
}

function urlOf(config: ServerConfig): string {
  if (config.port === 0) return 'mamori start が表示する URL'
  const host = config.host.includes(':') ? `[${config.host}]` : config.host
  return `http://${host}:${config.port}/`
}
