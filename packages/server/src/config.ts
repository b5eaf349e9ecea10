import { isAbsolute, join, resolve } from 'node:path'
import type { DatabaseTarget } from '@mamori/db'
import { DbError, postgresTarget } from '@mamori/db'
import type { DataPaths } from './data-dir.ts'
import { dataPaths } from './data-dir.ts'
import { ServerError } from './errors.ts'
import type { VaultConnectionConfig } from './my-number/vault-connection.ts'

/**
 * The server's configuration, parsed once from MAMORI_* variables. Nothing else reads the
 * environment: tests and the CLI pass their own `env`. Every problem is reported at once.
 *
 * | variable            | meaning                                              | default            |
 * |---------------------|------------------------------------------------------|--------------------|
 * | MAMORI_DATA_DIR     | all local state (databases, keys, logs, witness)     | ./data             |
 * | MAMORI_HOST         | address to listen on                                 | 127.0.0.1          |
 * | MAMORI_PORT         | port to listen on (0: any free port)                 | 8080               |
 * | MAMORI_DATABASE_URL | PostgreSQL server for the app database               | PGlite in data dir |
 * | MAMORI_LOG_LEVEL    | fatal, error, warn, info, debug, trace or silent     | info               |
 */
export type ServerConfig = Readonly<{
  paths: DataPaths
  host: string
  port: number
  database: DatabaseTarget
  logLevel: LogLevel
  /** How the server reaches the My Number vault (my-number/vault-connection.ts). */
  vault: VaultConnectionConfig
}>

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

type Problem = { field: string; messageJa: string }

export function loadServerConfig(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): ServerConfig {
  const problems: Problem[] = []
  const root = resolveDataDir(env.MAMORI_DATA_DIR, cwd)
  const paths = dataPaths(root)
  const host = nonEmpty(env.MAMORI_HOST) ?? '127.0.0.1'
  const port = parsePort(env.MAMORI_PORT, problems)
  const logLevel = parseLogLevel(env.MAMORI_LOG_LEVEL, problems)
  const database = parseDatabase(env.MAMORI_DATABASE_URL, paths, problems)
  const vault = parseVaultConnection(env, root, cwd, problems)
  if (problems.length > 0) throw configError(problems)
  return Object.freeze({
    paths: Object.freeze(paths),
    host,
    port,
    database: Object.freeze(database),
    logLevel,
    vault: Object.freeze(vault),
  })
}

/**
 * Embedded: the vault's unix socket (MAMORI_VAULT_SOCKET, as the vault reads it) and the service
 * token the vault writes on its first start. Production: MAMORI_VAULT_URL (https) with the
 * server's client certificate for mutual TLS.
 */
function parseVaultConnection(
  env: Readonly<Record<string, string | undefined>>,
  root: string,
  cwd: string,
  problems: Problem[],
): VaultConnectionConfig {
  const url = nonEmpty(env.MAMORI_VAULT_URL)
  if (url === undefined) {
    const socket = nonEmpty(env.MAMORI_VAULT_SOCKET) ?? join(root, 'run', 'vault.sock')
    return {
      transport: 'socket',
      socketPath: isAbsolute(socket) ? socket : resolve(cwd, socket),
      serviceTokenFile: join(root, 'keys', 'vault-service.token'),
    }
  }
  if (!/^https:\/\/[^/]+/.test(url)) {
    problems.push({
      field: 'MAMORI_VAULT_URL',
      messageJa: 'MAMORI_VAULT_URL は https:// で始まる URL で指定してください。',
    })
  }
  const file = (name: string): string => {
    const value = nonEmpty(env[name])
    if (value === undefined) {
      problems.push({
        field: name,
        messageJa: `MAMORI_VAULT_URL を使うときは ${name}（PEM ファイル）も指定してください。`,
      })
      return ''
    }
    return isAbsolute(value) ? value : resolve(cwd, value)
  }
  return {
    transport: 'mtls',
    url,
    certFile: file('MAMORI_VAULT_CLIENT_CERT'),
    keyFile: file('MAMORI_VAULT_CLIENT_KEY'),
    caFile: file('MAMORI_VAULT_TLS_CA'),
  }
}

function resolveDataDir(value: string | undefined, cwd: string): string {
  const dir = nonEmpty(value) ?? 'data'
  return isAbsolute(dir) ? dir : resolve(cwd, dir)
}

function parsePort(value: string | undefined, problems: Problem[]): number {
  const text = nonEmpty(value)
  if (text === undefined) return 8080
  const port = Number(text)
  if (!/^\d{1,5}$/.test(text) || port > 65535) {
    problems.push({ field: 'MAMORI_PORT', messageJa: 'MAMORI_PORT は 0〜65535 の整数で指定してください。' })
    return 0
  }
  return port
}

function parseLogLevel(value: string | undefined, problems: Problem[]): LogLevel {
  const text = nonEmpty(value)
  if (text === undefined) return 'info'
  const level = LOG_LEVELS.find((l) => l === text)
  if (level === undefined) {
    problems.push({
      field: 'MAMORI_LOG_LEVEL',
      messageJa: `MAMORI_LOG_LEVEL は ${LOG_LEVELS.join(', ')} のいずれかを指定してください。`,
    })
    return 'info'
  }
  return level
}

function parseDatabase(value: string | undefined, paths: DataPaths, problems: Problem[]): DatabaseTarget {
  const url = nonEmpty(value)
  if (url === undefined) return { kind: 'pglite', dataDir: paths.appDatabase }
  try {
    return postgresTarget(url, 'MAMORI_DATABASE_URL')
  } catch (error) {
    if (!(error instanceof DbError)) throw error
    problems.push({ field: 'MAMORI_DATABASE_URL', messageJa: error.messageJa })
    return { kind: 'pglite', dataDir: paths.appDatabase }
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed === undefined || trimmed === '' ? undefined : trimmed
}

function configError(problems: Problem[]): ServerError {
  return new ServerError({
    code: 'CONFIG_INVALID',
    message: `invalid configuration: ${problems.map((p) => p.field).join(', ')}`,
    messageJa: `設定に誤りがあります。\n${problems.map((p) => `  - ${p.messageJa}`).join('\n')}`,
    field: problems[0]?.field ?? 'config',
  })
}
