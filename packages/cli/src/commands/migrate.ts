import { describeTarget, migrate, openDatabase } from '@mamori/db'
import { APP_DATABASE_MIGRATIONS, loadServerConfig, lockDataDir } from '@mamori/server'
import type { Command } from './command.ts'

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'データベースの構造を最新にします（起動時にも自動で実行されます）',
  usage: `使い方: mamori migrate

  未適用のマイグレーションをひとつのトランザクションで適用します。失敗したときは何も変更しません。
  Mamori の起動中は実行できません（同じデータを二つのプロセスで開かないため）。`,
  options: {},
  async run(io) {
    const config = loadServerConfig(io.env, io.cwd)
    const lock = await lockDataDir(config.paths.root)
    try {
      const database = await openDatabase<unknown>(config.database)
      try {
        const report = await migrate(database, [...APP_DATABASE_MIGRATIONS])
        io.out(`データベース: ${describeTarget(config.database)}`)
        for (const m of report.applied) io.out(`  適用しました: ${m.namespace}/${m.name}`)
        io.out(
          report.applied.length === 0
            ? `最新です（適用済み ${report.alreadyApplied} 件）。`
            : `${report.applied.length} 件を適用しました。`,
        )
      } finally {
        await database.close()
      }
    } finally {
      await lock.release()
    }
  },
}
