import { chmod, mkdir, readFile, stat, unlink } from 'node:fs/promises'
import { connect } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { hostLogFiles } from '@mamori/audit/host-logs.ts'
import { AUDIT_MIGRATIONS } from '@mamori/audit/migrations.ts'
import type { MigrationSet } from '@mamori/db'
import { migrate, openDatabase } from '@mamori/db'
import type { FastifyInstance } from 'fastify'
import { buildVaultApp } from './app.ts'
import type { VaultAudit } from './audit/vault-audit.ts'
import { openVaultAudit } from './audit/vault-audit.ts'
import type { VaultConfig } from './config.ts'
import type { KeyProvider } from './crypto/index.ts'
import { openLocalKeyProvider, openPkcs11KeyProvider } from './crypto/index.ts'
import type { CallerAuth } from './http/caller-auth.ts'
import { ensureServiceToken } from './http/caller-auth.ts'
import { createRateLimiter } from './limits/rate-limiter.ts'
import type { NumberCrypto } from './service/number-crypto.ts'
import { openNumberCrypto } from './service/number-crypto.ts'
import type { VaultOperations } from './service/vault-operations.ts'
import { vaultOperations } from './service/vault-operations.ts'
import { refuse, ServiceError } from './service-error.ts'
import type { VaultDatabase } from './store/schema.ts'

/** The vault's own tables; the audit log's tables are applied beside them in the same database. */
export const VAULT_MIGRATIONS: MigrationSet = {
  namespace: 'vault',
  directory: fileURLToPath(new URL('../migrations', import.meta.url)),
}

export type RunningVault = {
  /** `unix:<path>` or `https://host:port`. */
  address: string
  socketPath: string | null
  /** The file the server reads its service token from (embedded mode). */
  serviceTokenPath: string
  operations: VaultOperations
  close(): Promise<void>
}

export type StartOptions = {
  /** Another key provider than the local KEK files (PKCS#11); the vault closes it on close(). */
  keyProvider?: KeyProvider
}

/**
 * Starts the vault beside the server (`mamori start`) or alone (main.ts): opens its database and
 * applies its migrations, opens the key provider and the vault's keys, the audit log with its
 * signing key and witness, then listens on the unix socket (0600, in a 0700 directory) or on
 * mutual TLS. close() stops listening first, then flushes the audit log, then drops the keys.
 */
export async function startVault(config: VaultConfig, options: StartOptions = {}): Promise<RunningVault> {
  const { paths } = config
  for (const dir of [paths.root, paths.keys, paths.logs, paths.witness, paths.run]) {
    await mkdir(dir, { recursive: true, mode: 0o700 })
  }
  const database = await openDatabase<VaultDatabase>(config.database)
  const opened: { audit?: VaultAudit; crypto?: NumberCrypto; provider?: KeyProvider; app?: FastifyInstance } =
    {}
  const closeAll = async () => {
    await opened.app?.close()
    await opened.audit?.close()
    await opened.crypto?.close()
    await opened.provider?.close()
    await database.close()
  }
  try {
    await migrate(database, [VAULT_MIGRATIONS, AUDIT_MIGRATIONS])
    const provider = options.keyProvider ?? (await openKeyProvider(config))
    opened.provider = provider
    // data/keys/audit-vault.ed25519.pem and data/witness/vault-audit.log (docs/audit.md).
    const audit = await openVaultAudit(database.db, hostLogFiles('vault', paths.keys, paths.witness))
    opened.audit = audit
    opened.crypto = await openNumberCrypto({
      db: database.db,
      provider,
      dataKeyCacheMs: config.dataKeyCacheMs,
      dataKeyCacheSize: config.dataKeyCacheSize,
      cryptoWorkers: config.cryptoWorkers,
    })
    const operations = vaultOperations({
      db: database.db,
      audit,
      crypto: opened.crypto,
      provider,
      limiter: createRateLimiter(config.rateLimits),
      reauthenticationWindowMs: config.reauthenticationWindowMs,
    })
    const token = await ensureServiceToken(paths.keys)
    const { listen } = config
    const auth: CallerAuth =
      listen.mode === 'embedded'
        ? { kind: 'token', token: token.token }
        : { kind: 'certificate', allowedClients: listen.tls.allowedClients }
    const logger = {
      level: config.logLevel,
      file: join(paths.logs, 'vault.log'),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    }
    if (listen.mode === 'embedded') {
      const app = await buildVaultApp({ operations, auth, logger })
      opened.app = app
      await removeStaleSocket(listen.socketPath)
      // The run directory is 0700, so the socket is never reachable by others, even before chmod.
      await app.listen({ path: listen.socketPath })
      await chmod(listen.socketPath, 0o600)
      return running(`unix:${listen.socketPath}`, listen.socketPath, token.path, operations, closeAll)
    }
    const https = {
      cert: await readFile(listen.tls.certFile),
      key: await readFile(listen.tls.keyFile),
      ca: await readFile(listen.tls.caFile),
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.3' as const,
    }
    const app = await buildVaultApp({ operations, auth, logger, https })
    opened.app = app
    await app.listen({ host: listen.host, port: listen.port })
    const port = (app.server.address() as { port: number }).port
    return running(`https://${listen.host}:${port}`, null, token.path, operations, closeAll)
  } catch (error) {
    await closeAll().catch(() => {})
    throw error
  }
}

/** The configured key provider: local KEK files, or the KEK on a PKCS#11 token (its PIN from a 0600 file). */
async function openKeyProvider(config: VaultConfig): Promise<KeyProvider> {
  const settings = config.keyProvider
  if (settings.kind === 'local') {
    return openLocalKeyProvider({ directory: join(config.paths.root, 'vault', 'keys') })
  }
  const pinFile = await stat(settings.pinFile).catch(() => undefined)
  const unusable = (message: string, messageJa: string) =>
    new ServiceError({ code: 'CONFIG_INVALID', message, messageJa, field: 'MAMORI_VAULT_PKCS11_PIN_FILE' })
  if (pinFile === undefined || !pinFile.isFile()) {
    throw unusable(
      'the PKCS#11 PIN file cannot be read',
      'MAMORI_VAULT_PKCS11_PIN_FILE の PIN ファイルを読めません。パスを確認してください。',
    )
  }
  if ((pinFile.mode & 0o077) !== 0) {
    throw unusable(
      'the PKCS#11 PIN file is readable by group or others',
      'PIN ファイルが所有者以外からも読めます。権限を 0600 にしてください。',
    )
  }
  return openPkcs11KeyProvider({
    library: settings.library,
    tokenLabel: settings.tokenLabel,
    pin: (await readFile(settings.pinFile, 'utf8')).trim(),
    ...(settings.keyLabel === undefined ? {} : { keyLabel: settings.keyLabel }),
  })
}

function running(
  address: string,
  socketPath: string | null,
  serviceTokenPath: string,
  operations: VaultOperations,
  close: () => Promise<void>,
): RunningVault {
  return { address, socketPath, serviceTokenPath, operations, close }
}

/** A socket file left by a killed vault is removed; one a live vault answers on is refused. */
async function removeStaleSocket(path: string): Promise<void> {
  const alive = await new Promise<boolean>((resolve) => {
    const socket = connect({ path })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
  if (alive) throw refuse('CONFIG_INVALID', `another vault is listening on ${path}`, 'MAMORI_VAULT_SOCKET')
  await unlink(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error
  })
}
