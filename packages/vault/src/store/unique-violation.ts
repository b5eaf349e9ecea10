/**
 * The constraint a PostgreSQL unique violation (SQLSTATE 23505) broke, as node-postgres and PGlite
 * both report it; undefined for any other error.
 */
export function uniqueViolation(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const { code, constraint } = error as { code?: unknown; constraint?: unknown }
  if (code !== '23505') return undefined
  return typeof constraint === 'string' ? constraint : ''
}
