import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { CliError } from './cli-error.ts'

export type VaultProcess = {
  /** Where the vault listens (its unix socket by default). */
  address: string
  /** SIGTERM, then waits for the vault to close its database and audit log. */
  stop(): Promise<void>
  /** Settles when the vault exits for any reason, with its exit code. */
  exited: Promise<number | null>
}

const READY = /金庫を起動しました: (\S+)/

/**
 * Starts the vault as its own process, as the architecture requires: its own memory, keys and
 * database, so a compromise of the server process does not hand over the vault's keys. The child
 * gets its own process group, so Ctrl+C reaches only us and we stop the server before the vault;
 * it watches its stdin and stops if we die without stopping it.
 */
export async function startVaultProcess(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  onLine: (line: string) => void,
): Promise<VaultProcess> {
  const main = fileURLToPath(import.meta.resolve('@mamori/vault/main'))
  const child = spawn(process.execPath, [main], {
    cwd,
    env: { ...definedOnly(env), MAMORI_VAULT_STOP_WITH_PARENT: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  })
  const exited = once(child, 'exit').then(([code]) => code as number | null)
  const address = await new Promise<string>((resolve, reject) => {
    forwardLines(child, (line) => {
      const ready = READY.exec(line)
      if (ready?.[1] !== undefined) resolve(ready[1])
      onLine(line)
    })
    exited.then((code) =>
      reject(
        new CliError({
          code: 'VAULT_START_FAILED',
          message: `the vault exited with code ${code} before it was ready`,
          messageJa: `個人番号の金庫を起動できませんでした（終了コード ${code}）。上の金庫のメッセージを確認してください。`,
          exitCode: 1,
        }),
      ),
    )
  })
  return {
    address,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      await exited
    },
  }
}

function forwardLines(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = ''
    stream?.setEncoding('utf8')
    stream?.on('data', (chunk: string) => {
      pending += chunk
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) if (line !== '') onLine(line)
    })
  }
}

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(env)) if (value !== undefined) out[key] = value
  return out
}
