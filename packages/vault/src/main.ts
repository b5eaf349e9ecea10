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
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
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
  })
}
