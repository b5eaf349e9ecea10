import { loadServerConfig } from '@mamori/server'
import { CliError } from '../cli-error.ts'
import type { Command } from './command.ts'
import type { Check } from './doctor-checks.ts'
import {
  checkDatabase,
  checkDataDir,
  checkKeys,
  checkNode,
  checkOptionalPackages,
  checkServer,
} from './doctor-checks.ts'
import { checkVault } from './doctor-vault-check.ts'

export const doctorCommand: Command = {
  name: 'doctor',
  summary: '動作環境を点検し、問題があれば直し方を示します',
  usage: `使い方: mamori doctor

  Node.js のバージョン、設定、データディレクトリ、データベース、鍵、サーバーと個人番号の金庫の状態
  （過去24時間の利用制限の警報、鍵の更新の途中経過）を点検します。
  問題が見つかると直し方を表示し、終了コード 1 で終わります。`,
  options: {},
  async run(io) {
    const checks: Check[] = [checkNode(process.versions.node)]
    let config: ReturnType<typeof loadServerConfig> | undefined
    try {
      config = loadServerConfig(io.env, io.cwd)
      checks.push({ status: 'ok', label: '設定', detail: 'MAMORI_* の値は正しく読めました' })
    } catch (error) {
      const messageJa = (error as { messageJa?: string }).messageJa ?? '設定を読めません。'
      checks.push({ status: 'problem', label: '設定', detail: '誤りがあります', fixJa: messageJa })
    }
    if (config !== undefined) {
      checks.push(await checkDataDir(config))
      const server = await checkServer(config)
      checks.push(server.check)
      checks.push(await checkDatabase(config, server.running))
      checks.push(await checkKeys(config))
      checks.push(...(await checkVault(config, io.env, io.cwd)))
    }
    checks.push(...(await checkOptionalPackages(io.env.PATH)))

    for (const check of checks) {
      io.out(`${MARK[check.status]} ${check.label}: ${check.detail}`)
      if (check.fixJa !== undefined) io.out(`    対処: ${check.fixJa}`)
    }
    const problems = checks.filter((c) => c.status === 'problem').length
    if (problems > 0) {
      throw new CliError({
        code: 'DOCTOR_PROBLEMS_FOUND',
        message: `doctor found ${problems} problem(s)`,
        messageJa: `${problems} 件の問題が見つかりました。上の「対処」に従って直してください。`,
        exitCode: 1,
      })
    }
    io.out('問題は見つかりませんでした。')
  },
}

const MARK: Record<Check['status'], string> = { ok: '✔', problem: '✖', info: '・' }
