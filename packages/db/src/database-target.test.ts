import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeTarget, postgresTarget, redactUrl, withDatabaseName } from './database-target.ts'
import { DbError } from './errors.ts'

test('a password never appears in the description of a target', () => {
  const text = describeTarget({ kind: 'postgres', url: 'postgresql://app:s3cret@db.internal:5432/mamori' })
  assert.equal(text.includes('s3cret'), false)
  assert.match(text, /app:\*\*\*@db\.internal/)
})

test('a unix-socket URL keeps its socket directory when the database name changes', () => {
  const url = withDatabaseName('postgresql://ci@localhost/postgres?host=/tmp/pg&port=25432', 'mamori_test_1')
  assert.equal(url, 'postgresql://ci@localhost/mamori_test_1?host=/tmp/pg&port=25432')
})

test('anything but a postgres URL is refused with DATABASE_URL_INVALID naming the setting', () => {
  for (const bad of ['mysql://x@y/z', 'not a url', '']) {
    assert.throws(
      () => postgresTarget(bad, 'MAMORI_DATABASE_URL'),
      (e: unknown) =>
        e instanceof DbError && e.code === 'DATABASE_URL_INVALID' && e.field === 'MAMORI_DATABASE_URL',
    )
  }
})

test('redactUrl does not echo an unparseable value', () => {
  assert.equal(redactUrl('::::'), '(invalid URL)')
})
