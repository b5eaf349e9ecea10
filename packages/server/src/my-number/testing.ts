import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import type { VaultAccess } from './vault-connection.ts'
import { connectVault } from './vault-connection.ts'

export type TestVault = { access: VaultAccess; stop(): Promise<void> }

/**
 * Test support: the real vault as its own process on a temp data directory (its PGlite database,
 * keys and socket there), reached the way startServer reaches it. No stand-in: tests of the relay
 * go through HPKE, the vault's checks and its audit log.
 */
export async function startTestVault(dataDir: string): Promise<TestVault> {
  const main = fileURLToPath(import.meta.resolve('@mamori/vault/main'))
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      MAMORI_DATA_DIR: dataDir,
      MAMORI_VAULT_STOP_WITH_PARENT: '1',
      MAMORI_VAULT_LOG_LEVEL: 'warn',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const exited = once(child, 'exit')
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      if (output.includes('金庫を起動しました')) resolve()
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    void exited.then(([code]) => reject(new Error(`the vault exited with ${code}: ${output}`)))
  })
  const access = connectVault({
    transport: 'socket',
    socketPath: `${dataDir}/run/vault.sock`,
    serviceTokenFile: `${dataDir}/keys/vault-service.token`,
  })
  return {
    access,
    async stop() {
      access.close()
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await exited
      }
    },
  }
}
