/**
 * Runs the vault alone: `node packages/vault/src/main.ts` (MAMORI_* variables as in config.ts).
 * `mamori start` starts it beside the server through startVault instead.
 */
import { loadVaultConfig } from './config.ts'
import { startVault } from './start-vault.ts'

const config = loadVaultConfig(process.env, process.cwd())
const vault = await startVault(config)
process.stdout.write(`金庫を起動しました: ${vault.address}\n  サービス鍵: ${vault.serviceTokenPath}\n`)

let stopping = false
function stop(): void {
  if (stopping) return
  stopping = true
  vault.close().then(
    () => {
      process.stdout.write('金庫を停止しました。\n')
      process.exit(0)
    },
    (error: unknown) => {
      process.stderr.write(`金庫の停止中に問題が発生しました: ${(error as Error).name}\n`)
      process.exit(1)
    },
  )
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop)
// Started by `mamori start`: the pipe closes when that process dies, even by SIGKILL, and a vault
// left running alone would hold the data directory's keys with nobody to stop it.
if (process.env.MAMORI_VAULT_STOP_WITH_PARENT === '1') {
  process.stdin.on('end', stop)
  process.stdin.resume()
}
