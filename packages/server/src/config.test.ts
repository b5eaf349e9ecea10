import assert from 'node:assert/strict'
import { test } from 'node:test'
import { loadServerConfig } from './config.ts'
import { ServerError } from './errors.ts'

test('with no variables set, everything lives under ./data and the database is PGlite', () => {
  const config = loadServerConfig({}, '/srv/mamori')
  assert.equal(config.paths.root, '/srv/mamori/data')
  assert.deepEqual(config.database, { kind: 'pglite', dataDir: '/srv/mamori/data/app/pgdata' })
  assert.equal(config.host, '127.0.0.1')
  assert.equal(config.port, 8080)
  assert.ok(Object.isFrozen(config))
})

test('MAMORI_DATA_DIR moves all local state; a relative one is taken from the working directory', () => {
  const config = loadServerConfig({ MAMORI_DATA_DIR: 'office-a' }, '/srv')
  assert.equal(config.paths.keys, '/srv/office-a/keys')
  assert.equal(config.paths.logs, '/srv/office-a/logs')
})

test('MAMORI_DATABASE_URL points the app at a PostgreSQL server', () => {
  const config = loadServerConfig({ MAMORI_DATABASE_URL: 'postgresql://app@db/mamori' }, '/srv')
  assert.deepEqual(config.database, { kind: 'postgres', url: 'postgresql://app@db/mamori' })
})

test('every bad variable is reported at once, in Japanese, under CONFIG_INVALID', () => {
  assert.throws(
    () =>
      loadServerConfig(
        { MAMORI_PORT: '80a', MAMORI_LOG_LEVEL: 'loud', MAMORI_DATABASE_URL: 'mysql://x@y/z' },
        '/srv',
      ),
    (error: unknown) => {
      assert.ok(error instanceof ServerError)
      assert.equal(error.code, 'CONFIG_INVALID')
      assert.equal(error.field, 'MAMORI_PORT')
      for (const name of ['MAMORI_PORT', 'MAMORI_LOG_LEVEL', 'MAMORI_DATABASE_URL'])
        assert.match(error.messageJa, new RegExp(name))
      return true
    },
  )
})

test('a port above 65535 is refused', () => {
  assert.throws(() => loadServerConfig({ MAMORI_PORT: '65536' }, '/srv'), { code: 'CONFIG_INVALID' })
})
