import { availableParallelism } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'
import type { DatabaseTarget } from '@mamori/db'
import { DbError, postgresTarget } from '@mamori/db'
import type { RateLimits } from './limits/rate-limiter.ts'
import { DEFAULT_RATE_LIMITS, perMinute } from './limits/rate-limiter.ts'
import { ServiceError } from './service-error.ts'

/**
 * The vault's configuration, parsed once from MAMORI_* variables; nothing else reads the
 * environment. Secrets have no default: the service token and the keys are generated on first
 * start under the data directory, mode 0600, never in the repository or the database.
 *
 * | variable                         | meaning                                              | default                    |
 * |----------------------------------|------------------------------------------------------|----------------------------|
 * | MAMORI_DATA_DIR                  | all local state                                      | ./data                     |
 * | MAMORI_VAULT_DATABASE_URL        | PostgreSQL server for the vault database (own role)  | PGlite in data/vault/pgdata|
 * | MAMORI_VAULT_MODE                | `embedded` (unix socket) or `production` (mutual TLS) | embedded                  |
 * | MAMORI_VAULT_SOCKET              | unix socket path (embedded)                          | data/run/vault.sock        |
 * | MAMORI_VAULT_HOST, _PORT         | TLS listen address (production)                      | 127.0.0.1, 8443            |
 * | MAMORI_VAULT_TLS_CERT, _KEY, _CA | PEM files: the vault's certificate and key, and the CA its callers' certificates chain to | — (required in production) |
 * | MAMORI_VAULT_TLS_CLIENTS         | comma-separated certificate subject CNs admitted as callers | mamori-server       |
 * | MAMORI_VAULT_LOG_LEVEL           | fatal, error, warn, info, debug, trace or silent     | info                       |
 * | MAMORI_VAULT_LIMIT_<OP>_<SCOPE>  | numbers per minute; OP = MATCH, REVEAL, MERGE; SCOPE = ACTOR, TENANT | see limits/rate-limiter.ts |
 * | MAMORI_VAULT_KEY_PROVIDER        | `local` (KEK files under data/vault/keys) or `pkcs11` (KEK on an HSM token) | local |
 * | MAMORI_VAULT_PKCS11_LIBRARY      | pkcs11: path of the PKCS#11 module                    | — (required for pkcs11)   |
 * | MAMORI_VAULT_PKCS11_TOKEN_LABEL  | pkcs11: the token's label                             | — (required for pkcs11)   |
 * | MAMORI_VAULT_PKCS11_PIN_FILE     | pkcs11: a file (0600) holding the user PIN; never the PIN itself | — (required for pkcs11) |
 * | MAMORI_VAULT_PKCS11_KEY_LABEL    | pkcs11: CKA_LABEL of the KEK objects                  | mamori-vault-kek          |
 */
export type VaultConfig = Readonly<{
  paths: VaultPaths
  database: DatabaseTarget
  listen: ListenConfig
  logLevel: LogLevel
  rateLimits: RateLimits
  keyProvider: KeyProviderConfig
  /** Entries at most this old may still be re-used for 再認証 before a reveal. */
  reauthenticationWindowMs: number
  /** Unwrapped data keys stay in memory at most this long (and at most `dataKeyCacheSize` of them). */
  dataKeyCacheMs: number
  dataKeyCacheSize: number
  /** Worker threads for the HPKE opens of register and match (service/crypto-pool.ts); 0: inline. */
  cryptoWorkers: number
}>

export type ListenConfig =
  | { mode: 'embedded'; socketPath: string }
  | {
      mode: 'production'
      host: string
      port: number
      tls: { certFile: string; keyFile: string; caFile: string; allowedClients: readonly string[] }
    }

/** Where the KEK lives. The PIN stays in its file until the vault starts, and is never logged. */
export type KeyProviderConfig =
  | { kind: 'local' }
  | { kind: 'pkcs11'; library: string; tokenLabel: string; pinFile: string; keyLabel?: string }

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

/** The vault's part of the data directory (server/src/data-dir.ts describes the whole). */
export type VaultPaths = {
  root: string
  database: string
  /** Keys and the service token: mode 0700, files 0600. */
  keys: string
  logs: string
  witness: string
  /** The unix socket lives here, 0700, so only the owner can even reach it. */
  run: string
}

export function vaultPaths(root: string): VaultPaths {
  return {
    root,
    database: join(root, 'vault', 'pgdata'),
    keys: join(root, 'keys'),
    logs: join(root, 'logs'),
    witness: join(root, 'witness'),
    run: join(root, 'run'),
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

type Problem = { field: string; messageJa: string }

export function loadVaultConfig(env: Readonly<Record<string, string | undefined>>, cwd: string): VaultConfig {
  const problems: Problem[] = []
  const root = absolute(nonEmpty(env.MAMORI_DATA_DIR) ?? 'data', cwd)
  const paths = vaultPaths(root)
  const database = parseDatabase(env.MAMORI_VAULT_DATABASE_URL, paths, problems)
  const listen = parseListen(env, paths, cwd, problems)
  const logLevel = parseLogLevel(env.MAMORI_VAULT_LOG_LEVEL, problems)
  const rateLimits = parseRateLimits(env, problems)
  const keyProvider = parseKeyProvider(env, cwd, problems)
  const cryptoWorkers = parseCryptoWorkers(env.MAMORI_VAULT_CRYPTO_WORKERS, problems)
  if (problems.length > 0) throw configError(problems)
  return Object.freeze({
    paths: Object.freeze(paths),
    database: Object.freeze(database),
    listen: Object.freeze(listen),
    logLevel,
    rateLimits,
    keyProvider: Object.freeze(keyProvider),
    reauthenticationWindowMs: 5 * 60_000,
    dataKeyCacheMs: 5 * 60_000,
    dataKeyCacheSize: 10_000,
    cryptoWorkers,
  })
}

function parseListen(
  env: Readonly<Record<string, string | undefined>>,
  paths: VaultPaths,
  cwd: string,
  problems: Problem[],
): ListenConfig {
  const mode = nonEmpty(env.MAMORI_VAULT_MODE) ?? 'embedded'
  if (mode === 'embedded') {
    const socketPath = absolute(nonEmpty(env.MAMORI_VAULT_SOCKET) ?? join(paths.run, 'vault.sock'), cwd)
    // sockaddr_un.sun_path holds 108 bytes with its terminating NUL on Linux.
    if (Buffer.byteLength(socketPath) > 107) {
      problems.push({
        field: 'MAMORI_VAULT_SOCKET',
        messageJa: `ソケットのパスが長すぎます（107バイトまで）: ${socketPath}`,
      })
    }
    return { mode, socketPath }
  }
  if (mode !== 'production') {
    problems.push({
      field: 'MAMORI_VAULT_MODE',
      messageJa: 'MAMORI_VAULT_MODE は embedded または production を指定してください。',
    })
    return { mode: 'embedded', socketPath: join(paths.run, 'vault.sock') }
  }
  const file = (name: string): string => {
    const value = nonEmpty(env[name])
    if (value === undefined) {
      problems.push({ field: name, messageJa: `production モードでは ${name}（PEM ファイル）が必要です。` })
      return ''
    }
    return absolute(value, cwd)
  }
  const tls = {
    certFile: file('MAMORI_VAULT_TLS_CERT'),
    keyFile: file('MAMORI_VAULT_TLS_KEY'),
    caFile: file('MAMORI_VAULT_TLS_CA'),
    allowedClients: Object.freeze(
      (nonEmpty(env.MAMORI_VAULT_TLS_CLIENTS) ?? 'mamori-server')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  }
  return {
    mode,
    host: nonEmpty(env.MAMORI_VAULT_HOST) ?? '127.0.0.1',
    port: parsePort(env.MAMORI_VAULT_PORT, problems),
    tls: Object.freeze(tls),
  }
}

function parsePort(value: string | undefined, problems: Problem[]): number {
  const text = nonEmpty(value)
  if (text === undefined) return 8443
  const port = Number(text)
  if (!/^\d{1,5}$/.test(text) || port > 65535) {
    problems.push({
      field: 'MAMORI_VAULT_PORT',
      messageJa: 'MAMORI_VAULT_PORT は 0〜65535 の整数で指定してください。',
    })
    return 0
  }
  return port
}

/** By default one worker per core beyond the main thread, at most 4 (the main thread has HTTP and the database). */
function parseCryptoWorkers(value: string | undefined, problems: Problem[]): number {
  const text = nonEmpty(value)
  if (text === undefined) return Math.min(4, availableParallelism() - 1)
  if (!/^\d{1,2}$/.test(text) || Number(text) > 16) {
    problems.push({
      field: 'MAMORI_VAULT_CRYPTO_WORKERS',
      messageJa: 'MAMORI_VAULT_CRYPTO_WORKERS は 0〜16 の整数で指定してください。',
    })
    return 0
  }
  return Number(text)
}

function parseLogLevel(value: string | undefined, problems: Problem[]): LogLevel {
  const text = nonEmpty(value)
  if (text === undefined) return 'info'
  const level = LOG_LEVELS.find((l) => l === text)
  if (level === undefined) {
    problems.push({
      field: 'MAMORI_VAULT_LOG_LEVEL',
      messageJa: `MAMORI_VAULT_LOG_LEVEL は ${LOG_LEVELS.join(', ')} のいずれかを指定してください。`,
    })
    return 'info'
  }
  return level
}

function parseKeyProvider(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  problems: Problem[],
): KeyProviderConfig {
  const kind = nonEmpty(env.MAMORI_VAULT_KEY_PROVIDER) ?? 'local'
  if (kind === 'local') return { kind }
  if (kind !== 'pkcs11') {
    problems.push({
      field: 'MAMORI_VAULT_KEY_PROVIDER',
      messageJa: 'MAMORI_VAULT_KEY_PROVIDER は local または pkcs11 を指定してください。',
    })
    return { kind: 'local' }
  }
  const required = (name: string, what: string): string => {
    const value = nonEmpty(env[name])
    if (value === undefined)
      problems.push({ field: name, messageJa: `pkcs11 では ${name}（${what}）が必要です。` })
    return value ?? ''
  }
  const library = required('MAMORI_VAULT_PKCS11_LIBRARY', 'PKCS#11 モジュールのパス')
  const tokenLabel = required('MAMORI_VAULT_PKCS11_TOKEN_LABEL', 'トークンのラベル')
  const pinFile = required('MAMORI_VAULT_PKCS11_PIN_FILE', 'PIN を書いたファイル')
  const keyLabel = nonEmpty(env.MAMORI_VAULT_PKCS11_KEY_LABEL)
  return {
    kind,
    library: library === '' ? '' : absolute(library, cwd),
    tokenLabel,
    pinFile: pinFile === '' ? '' : absolute(pinFile, cwd),
    ...(keyLabel === undefined ? {} : { keyLabel }),
  }
}

function parseRateLimits(env: Readonly<Record<string, string | undefined>>, problems: Problem[]): RateLimits {
  const operations = ['match', 'reveal', 'merge'] as const
  const limits = Object.fromEntries(
    operations.map((operation) => {
      const rule = (scope: 'actor' | 'tenant') => {
        const field = `MAMORI_VAULT_LIMIT_${operation.toUpperCase()}_${scope.toUpperCase()}`
        const text = nonEmpty(env[field])
        if (text === undefined) return DEFAULT_RATE_LIMITS[operation][scope]
        if (!/^[1-9]\d{0,8}$/.test(text)) {
          problems.push({ field, messageJa: `${field} は1分あたりの件数（正の整数）で指定してください。` })
          return DEFAULT_RATE_LIMITS[operation][scope]
        }
        return perMinute(Number(text))
      }
      return [operation, Object.freeze({ actor: rule('actor'), tenant: rule('tenant') })]
    }),
  )
  return Object.freeze(limits) as unknown as RateLimits
}

function parseDatabase(value: string | undefined, paths: VaultPaths, problems: Problem[]): DatabaseTarget {
  const url = nonEmpty(value)
  if (url === undefined) return { kind: 'pglite', dataDir: paths.database }
  try {
    return postgresTarget(url, 'MAMORI_VAULT_DATABASE_URL')
  } catch (error) {
    if (!(error instanceof DbError)) throw error
    problems.push({ field: 'MAMORI_VAULT_DATABASE_URL', messageJa: error.messageJa })
    return { kind: 'pglite', dataDir: paths.database }
  }
}

function absolute(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path)
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed === undefined || trimmed === '' ? undefined : trimmed
}

function configError(problems: Problem[]): ServiceError {
  return new ServiceError({
    code: 'CONFIG_INVALID',
    message: `invalid vault configuration: ${problems.map((p) => p.field).join(', ')}`,
    messageJa: `金庫の設定に誤りがあります。\n${problems.map((p) => `  - ${p.messageJa}`).join('\n')}`,
    field: problems[0]?.field ?? 'config',
  })
}
