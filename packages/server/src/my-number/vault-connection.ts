import { readFile } from 'node:fs/promises'
import type { VaultClient } from '@mamori/vault-client'
import { createVaultClient } from '@mamori/vault-client'
import { ServerError } from '../errors.ts'

export type VaultConnectionConfig =
  | { transport: 'socket'; socketPath: string; serviceTokenFile: string }
  | { transport: 'mtls'; url: string; certFile: string; keyFile: string; caFile: string }

/** The vault as the server's routes see it: a client made on first use, so the vault may start later. */
export type VaultAccess = {
  client(): Promise<VaultClient>
  close(): void
}

export function vaultUnavailable(cause?: unknown): ServerError {
  return new ServerError({
    code: 'VAULT_UNAVAILABLE',
    message: 'the My Number vault cannot be reached',
    messageJa:
      '個人番号の金庫に接続できません。しばらくしてからもう一度お試しください。続く場合は管理者に mamori doctor の結果を伝えてください。',
    cause,
  })
}

/**
 * `mamori start` starts the vault after the server, and the vault writes its service token on its
 * first start: so the token and certificates are read when a route first needs the vault, and
 * read again after a failure.
 */
export function connectVault(config: VaultConnectionConfig): VaultAccess {
  let current: Promise<VaultClient> | undefined
  const open = async (): Promise<VaultClient> => {
    if (config.transport === 'socket') {
      const serviceToken = (await readFile(config.serviceTokenFile, 'utf8')).trim()
      return createVaultClient({ transport: 'socket', socketPath: config.socketPath, serviceToken })
    }
    const [cert, key, ca] = await Promise.all([
      readFile(config.certFile),
      readFile(config.keyFile),
      readFile(config.caFile),
    ])
    return createVaultClient({ transport: 'mtls', url: config.url, cert, key, ca })
  }
  return {
    client() {
      current ??= open().catch((error: unknown) => {
        current = undefined
        throw vaultUnavailable(error)
      })
      return current
    },
    close() {
      void current?.then((client) => client.close()).catch(() => {})
    },
  }
}
