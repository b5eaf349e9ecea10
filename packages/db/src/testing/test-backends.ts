/**
 * The databases every database test runs on: PGlite always, and the PostgreSQL server named by
 * MAMORI_TEST_DATABASE_URL (a role that may create databases) when it is set. `.ci/run` sets it
 * and fails on any skip, so in CI every database test runs on both.
 */
export type TestBackendName = 'pglite' | 'postgres'

export type TestBackend =
  | { name: 'pglite'; skip: false }
  | { name: 'postgres'; skip: false; url: string }
  | { name: 'postgres'; skip: string }

export const TEST_DATABASE_URL_VARIABLE = 'MAMORI_TEST_DATABASE_URL'

export function testBackends(env: NodeJS.ProcessEnv = process.env): TestBackend[] {
  const url = env[TEST_DATABASE_URL_VARIABLE]
  const postgres: TestBackend =
    url === undefined || url === ''
      ? {
          name: 'postgres',
          skip: `${TEST_DATABASE_URL_VARIABLE} が未設定のため PostgreSQL サーバーでの実行を省略 (set it to a PostgreSQL server URL, or run .ci/run)`,
        }
      : { name: 'postgres', skip: false, url }
  return [{ name: 'pglite', skip: false }, postgres]
}
