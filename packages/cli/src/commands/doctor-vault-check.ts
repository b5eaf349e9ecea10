import { readFile, stat } from 'node:fs/promises'
import { isAbsolute, join, resolve } from 'node:path'
import type { ServerConfig } from '@mamori/server'
import { createVaultClient } from '@mamori/vault-client'
import type { Check } from './doctor-checks.ts'

/**
 * The vault's blast-radius alarms and key state, read from the running vault (its health report).
 * A rate-limit alarm in the last 24 hours is a problem to look at: someone reached for more numbers
 * than any normal work needs.
 */
export async function checkVault(
  config: ServerConfig,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Promise<Check[]> {
  const configured = env.MAMORI_VAULT_SOCKET
  const socketPath =
    configured === undefined || configured === ''
      ? join(config.paths.root, 'run', 'vault.sock')
      : isAbsolute(configured)
        ? configured
        : resolve(cwd, configured)
  const running = await stat(socketPath).then(
    (s) => s.isSocket(),
    () => false,
  )
  if (!running) {
    return [{ status: 'info', label: '個人番号の金庫', detail: '停止中（mamori start で起動します）' }]
  }
  let serviceToken: string
  try {
    serviceToken = (await readFile(join(config.paths.keys, 'vault-service.token'), 'utf8')).trim()
  } catch {
    return [
      {
        status: 'problem',
        label: '個人番号の金庫',
        detail: 'サービス鍵を読めません',
        fixJa: `${join(config.paths.keys, 'vault-service.token')} の所有者と権限（0600）を確認してください。`,
      },
    ]
  }
  const client = createVaultClient({ transport: 'socket', socketPath, serviceToken, timeoutMs: 3000 })
  try {
    const report = await client.healthReport()
    const checks: Check[] = [
      {
        status: 'ok',
        label: '個人番号の金庫',
        detail: `稼働中 ${socketPath}（鍵: ${report.keys.provider}、KEK 版 ${report.keys.kekVersion}）`,
      },
    ]
    if (report.alarms.length > 0) {
      const total = report.alarms.reduce((sum, alarm) => sum + alarm.count, 0)
      const operations = [...new Set(report.alarms.map((alarm) => alarm.operation))].join('、')
      checks.push({
        status: 'problem',
        label: '金庫の利用制限',
        detail: `過去24時間に利用制限を超えた要求が ${total} 件あります（操作: ${operations}）`,
        fixJa:
          '監査ログで誰がどの操作を繰り返したかを確認してください（mamori audit verify --log vault で改ざんがないことも確認できます）。',
      })
    }
    if (report.keys.rotationUnfinished) {
      checks.push({
        status: 'problem',
        label: '鍵の更新',
        detail: `鍵暗号化鍵の更新が途中です（古い鍵のままのデータ鍵 ${report.keys.keysUnderOlderKek} 件）`,
        fixJa: '金庫を起動したまま鍵の更新を再開してください。再開すると続きから処理します。',
      })
    }
    return checks
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'UNKNOWN'
    return [
      {
        status: 'problem',
        label: '個人番号の金庫',
        detail: `応答がありません（${code}）`,
        fixJa: 'mamori start を再起動し、data/logs/vault.log を確認してください。',
      },
    ]
  } finally {
    client.close()
  }
}
