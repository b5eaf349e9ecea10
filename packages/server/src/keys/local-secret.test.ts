import assert from 'node:assert/strict'
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { ServerError } from '../errors.ts'
import { ensureLocalSecret } from './local-secret.ts'

async function keysDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'mamori-keys-'))
  t.after(() => rm(root, { recursive: true, force: true }))
  return join(root, 'keys')
}

test('the first start generates a secret only its owner can read; later starts reuse it', async (t) => {
  const dir = await keysDir(t)
  const first = await ensureLocalSecret(dir, 'session')
  assert.equal(first.created, true)
  assert.equal(first.secret.length, 32)
  assert.equal((await stat(first.path)).mode & 0o777, 0o600)
  assert.equal((await stat(dir)).mode & 0o777, 0o700)
  const second = await ensureLocalSecret(dir, 'session')
  assert.equal(second.created, false)
  assert.deepEqual(second.secret, first.secret)
})

test('two processes starting at once end up with one secret', async (t) => {
  const dir = await keysDir(t)
  const results = await Promise.all([1, 2, 3, 4].map(() => ensureLocalSecret(dir, 'session')))
  assert.equal(results.filter((r) => r.created).length, 1)
  for (const r of results) assert.deepEqual(r.secret, results[0]?.secret)
})

test('a key file others can read is refused with KEY_FILE_UNSAFE', async (t) => {
  const dir = await keysDir(t)
  const { path } = await ensureLocalSecret(dir, 'session')
  await chmod(path, 0o644)
  await assert.rejects(
    ensureLocalSecret(dir, 'session'),
    (e: unknown) => e instanceof ServerError && e.code === 'KEY_FILE_UNSAFE' && /chmod 600/.test(e.messageJa),
  )
})
