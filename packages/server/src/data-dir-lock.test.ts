import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { dataDirLockHolder, lockDataDir } from './data-dir-lock.ts'
import { ServerError } from './errors.ts'

async function dataDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mamori-lock-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  return dir
}

test('a second process cannot open a data directory that is in use', async (t) => {
  const dir = await dataDir(t)
  const lock = await lockDataDir(dir)
  assert.deepEqual(await dataDirLockHolder(dir), { pid: process.pid })
  await assert.rejects(
    lockDataDir(dir),
    (e: unknown) => e instanceof ServerError && e.code === 'DATA_DIR_IN_USE',
  )
  await lock.release()
  assert.equal(await dataDirLockHolder(dir), null)
  await (await lockDataDir(dir)).release()
})

test('a lock left by a process that died is taken over', async (t) => {
  const dir = await dataDir(t)
  // PID 2^22 + 1 is above Linux's pid_max, so no live process can hold it.
  await writeFile(join(dir, 'mamori.pid'), `${2 ** 22 + 1}\n`)
  assert.equal(await dataDirLockHolder(dir), null)
  const lock = await lockDataDir(dir)
  assert.deepEqual(await dataDirLockHolder(dir), { pid: process.pid })
  await lock.release()
})
