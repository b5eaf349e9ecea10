import { DbError } from './errors.ts'

/**
 * Where a service keeps its data. PGlite (PostgreSQL in WebAssembly, in-process) is the embedded
 * default; production points each service at its own PostgreSQL server. Same SQL on both.
 */
export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory' }
  | { kind: 'postgres'; url: string; poolSize?: number }

/** Parses a postgres:// or postgresql:// URL, refusing anything else; `field` names the setting. */
export function postgresTarget(url: string, field: string, poolSize?: number): DatabaseTarget {
  const parsed = parsePostgresUrl(url, field)
  return poolSize === undefined
    ? { kind: 'postgres', url: parsed.href }
    : { kind: 'postgres', url: parsed.href, poolSize }
}

export function parsePostgresUrl(url: string, field: string): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw invalidUrl(field)
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw invalidUrl(field)
  return parsed
}

/** The URL with another database name: tests create their own databases beside the given one. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = parsePostgresUrl(url, 'url')
  parsed.pathname = `/${encodeURIComponent(database)}`
  return parsed.href
}

/** For logs and `mamori doctor`: the target without its password. */
export function describeTarget(target: DatabaseTarget): string {
  switch (target.kind) {
    case 'pglite':
      return `PGlite (${target.dataDir})`
    case 'pglite-memory':
      return 'PGlite (memory)'
    case 'postgres':
      return `PostgreSQL (${redactUrl(target.url)})`
  }
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password !== '') parsed.password = '***'
    return parsed.href
  } catch {
    return '(invalid URL)'
  }
}

function invalidUrl(field: string): DbError {
  return new DbError({
    code: 'DATABASE_URL_INVALID',
    message: `${field} is not a postgres:// or postgresql:// URL`,
    messageJa: `${field} は postgresql://ユーザー@ホスト/データベース の形式で指定してください。`,
    field,
  })
}
