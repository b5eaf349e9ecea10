import { describeTarget } from '@mamori/db'
import { loadServerConfig, startServer } from '@mamori/server'
import { CliError } from '../cli-error.ts'
import { startVaultProcess } from '../vault-process.ts'
import type { Command } from './command.ts'

export const startCommand: Command = {
  name: 'start',
  summary: 'Mamori を起動します（初回は内蔵データベースと開発用の鍵を ./data に作成）',
  usage: `使い方: mamori start

  個人番号の金庫（別プロセス）とサーバーを起動し、Ctrl+C で停止するまで動き続けます。
  データベースは MAMORI_DATABASE_URL があれば PostgreSQL サーバー、なければ内蔵の PGlite です。

環境変数:
  MAMORI_DATA_DIR      データの保存先（既定: ./data）
  MAMORI_HOST          待ち受けるアドレス（既定: 127.0.0.1）
  MAMORI_PORT          待ち受けるポート（既定: 8080、0 で空きポート）
  MAMORI_DATABASE_URL  PostgreSQL サーバーの URL（省略時は内蔵 PGlite）
  MAMORI_LOG_LEVEL     ログの詳しさ（既定: info）
  MAMORI_VAULT_*       金庫の設定（docs/vault.md）`,
  options: {},
  async run(io) {
    const config = loadServerConfig(io.env, io.cwd)
    // The server first: it takes the data directory's lock, so a second start stops there.
    const server = await startServer(config)
    let vault: Awaited<ReturnType<typeof startVaultProcess>>
    try {
      vault = await startVaultProcess(io.env, io.cwd, (line) => io.out(`[金庫] ${line}`))
    } catch (error) {
      await server.close()
      throw error
    }
    io.out(`Mamori を起動しました: ${server.url}`)
    io.out(`  データディレクトリ: ${config.paths.root}`)
    io.out(`  データベース: ${describeTarget(config.database)}`)
    io.out(`  個人番号の金庫: ${vault.address}`)
    for (const path of server.createdKeys) io.out(`  開発用の鍵を生成しました: ${path}`)
    io.out('  停止するには Ctrl+C を押してください。')
    const vaultDied = vault.exited.then((code) => ({ code }))
    const outcome = await Promise.race([io.untilStopped().then(() => null), vaultDied])
    await server.close()
    if (outcome !== null) {
      throw new CliError({
        code: 'VAULT_STOPPED',
        message: `the vault exited with code ${outcome.code} while Mamori was running`,
        messageJa: `個人番号の金庫が終了したため、Mamori を停止しました（終了コード ${outcome.code}）。ログ（data/logs/vault.log）を確認してください。`,
        exitCode: 1,
      })
    }
    await vault.stop()
    io.out('Mamori を停止しました。')
  },
}
