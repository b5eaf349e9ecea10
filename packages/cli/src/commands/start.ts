import { describeTarget } from '@mamori/db'
import { loadServerConfig, startServer } from '@mamori/server'
import type { Command } from './command.ts'

export const startCommand: Command = {
  name: 'start',
  summary: 'Mamori を起動します（初回は内蔵データベースと開発用の鍵を ./data に作成）',
  usage: `使い方: mamori start

  サーバーを起動し、Ctrl+C で停止するまで動き続けます。
  データベースは MAMORI_DATABASE_URL があれば PostgreSQL サーバー、なければ内蔵の PGlite です。

環境変数:
  MAMORI_DATA_DIR      データの保存先（既定: ./data）
  MAMORI_HOST          待ち受けるアドレス（既定: 127.0.0.1）
  MAMORI_PORT          待ち受けるポート（既定: 8080、0 で空きポート）
  MAMORI_DATABASE_URL  PostgreSQL サーバーの URL（省略時は内蔵 PGlite）
  MAMORI_LOG_LEVEL     ログの詳しさ（既定: info）`,
  options: {},
  async run(io) {
    const config = loadServerConfig(io.env, io.cwd)
    const server = await startServer(config)
    io.out(`Mamori を起動しました: ${server.url}`)
    io.out(`  データディレクトリ: ${config.paths.root}`)
    io.out(`  データベース: ${describeTarget(config.database)}`)
    for (const path of server.createdKeys) io.out(`  開発用の鍵を生成しました: ${path}`)
    io.out('  停止するには Ctrl+C を押してください。')
    await io.untilStopped()
    await server.close()
    io.out('Mamori を停止しました。')
  },
}
