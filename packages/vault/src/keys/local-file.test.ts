import assert from 'node:assert/strict'
import { chmod, chown, readFile, rename, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { dataKeyWrapContext, needsRewrap, rewrapKey } from '../crypto/data-keys.ts'
import { assertRefused, temporaryDirectory } from '../crypto/test-support.ts'
import type { WrapContext } from './key-provider.ts'
import { openLocalKeyProvider } from './local-file.ts'

const context: WrapContext = { purpose: 'data-key', tenantId: 'tenant-a', keyId: 'tenant', version: 1 }
const key = () => new Uint8Array(32).map((_, i) => i * 7 + 3)

/** Every string form in which a KEK file's key could leak into an error. */
async function kekSecrets(directory: string, version = 1): Promise<string[]> {
  const kek = (await readFile(join(directory, `kek-v${version}.key`))).subarray(12)
  return [kek.toString('hex'), kek.toString('base64'), kek.toString('base64url'), kek.toString('latin1')]
}

describe('local key provider (KEK files)', () => {
  it('first start creates the directory 0700 and kek-v1.key 0600 with a 44-byte KEK file', async (t) => {
    const directory = join(await temporaryDirectory(t), 'data', 'vault', 'keys')
    const provider = await openLocalKeyProvider({ directory })
    t.after(() => provider.close())
    assert.equal((await stat(directory)).mode & 0o777, 0o700)
    const file = await stat(join(directory, 'kek-v1.key'))
    assert.equal(file.mode & 0o777, 0o600)
    assert.equal(file.size, 44)
    assert.deepEqual(provider.describe(), {
      kind: 'local',
      location: directory,
      kekVersion: 1,
      kekVersions: [1],
    })
  })

  it('a key wrapped before a restart unwraps after it (the KEK is kept, not regenerated)', async (t) => {
    const directory = await temporaryDirectory(t)
    const first = await openLocalKeyProvider({ directory })
    const wrapped = await first.wrap(key(), context)
    await first.close()
    const second = await openLocalKeyProvider({ directory })
    t.after(() => second.close())
    assert.deepEqual(new Uint8Array(await second.unwrap(wrapped, context)), key())
  })

  it('two processes starting at once end with one KEK', async (t) => {
    const directory = await temporaryDirectory(t)
    const [a, b] = await Promise.all([
      openLocalKeyProvider({ directory }),
      openLocalKeyProvider({ directory }),
    ])
    t.after(() => Promise.all([a.close(), b.close()]).then(() => undefined))
    assert.deepEqual(new Uint8Array(await b.unwrap(await a.wrap(key(), context), context)), key())
  })

  it('a wrapped key unwraps only under its own context: another tenant, key id, version or purpose is KEY_UNWRAP_FAILED', async (t) => {
    const provider = await openLocalKeyProvider({ directory: await temporaryDirectory(t) })
    t.after(() => provider.close())
    const wrapped = await provider.wrap(key(), context)
    for (const other of [
      { ...context, tenantId: 'tenant-b' },
      { ...context, keyId: 'subject-1' },
      { ...context, version: 2 },
      { purpose: 'blind-index-key', version: 1 },
      { purpose: 'hpke-private-key', keyId: 'tenant' },
    ] as const) {
      await assertRefused(() => provider.unwrap(wrapped, other), 'KEY_UNWRAP_FAILED')
    }
  })

  it('every flipped bit of a wrapped key is refused (KEK_VERSION_UNKNOWN only when it renames the KEK version)', async (t) => {
    const directory = await temporaryDirectory(t)
    const provider = await openLocalKeyProvider({ directory })
    t.after(() => provider.close())
    const secrets = [...(await kekSecrets(directory)), Buffer.from(key()).toString('hex')]
    const wrapped = await provider.wrap(key(), context)
    assert.equal(wrapped.length, 65)
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 0, max: 7 }), async (at, bit) => {
        const tampered = Uint8Array.from(wrapped)
        tampered[at]! ^= 1 << bit
        const renamesVersion = at >= 1 && at <= 4 && !(at === 4 && bit === 0)
        await assertRefused(
          () => provider.unwrap(tampered, context),
          renamesVersion ? 'KEK_VERSION_UNKNOWN' : 'KEY_UNWRAP_FAILED',
          secrets,
        )
      }),
    )
    await assertRefused(() => provider.unwrap(wrapped.subarray(0, 64), context), 'KEY_UNWRAP_FAILED')
  })

  it('rotation: new keys use the new version, old ones still unwrap, rewrap moves them, retire ends the old KEK', async (t) => {
    const directory = await temporaryDirectory(t)
    const provider = await openLocalKeyProvider({ directory })
    t.after(() => provider.close())
    const old = await provider.wrap(key(), context)
    assert.equal(await provider.rotate(), 2)
    assert.equal(provider.kekVersion(), 2)
    assert.equal((await stat(join(directory, 'kek-v2.key'))).mode & 0o777, 0o600)
    assert.deepEqual(new Uint8Array(await provider.unwrap(old, context)), key())
    assert.equal(needsRewrap(old, provider), true)

    const moved = await rewrapKey(old, context, provider)
    assert.equal(needsRewrap(moved, provider), false)
    assert.equal(await rewrapKey(moved, context, provider), moved, 'rewrap of a rewrapped key is a no-op')
    assert.deepEqual(new Uint8Array(await provider.unwrap(moved, context)), key())

    await assertRefused(() => provider.retire(2), 'ARGUMENT_INVALID')
    await provider.retire(1)
    await assertRefused(() => provider.unwrap(old, context), 'KEK_VERSION_UNKNOWN')
    await provider.close()
    const reopened = await openLocalKeyProvider({ directory })
    t.after(() => reopened.close())
    assert.deepEqual(reopened.describe().kekVersions, [2])
    assert.deepEqual(new Uint8Array(await reopened.unwrap(moved, dataKeyWrapContext(context))), key())
  })

  it('KEY_FILE_UNSAFE: a key directory readable by others, or a symlink', async (t) => {
    const root = await temporaryDirectory(t)
    const directory = join(root, 'keys')
    await (await openLocalKeyProvider({ directory })).close()
    const secrets = await kekSecrets(directory)
    await chmod(directory, 0o750)
    await assertRefused(() => openLocalKeyProvider({ directory }), 'KEY_FILE_UNSAFE', secrets)
    await chmod(directory, 0o700)
    await symlink(directory, join(root, 'link'))
    await assertRefused(
      () => openLocalKeyProvider({ directory: join(root, 'link') }),
      'KEY_FILE_UNSAFE',
      secrets,
    )
  })

  it('KEY_FILE_UNSAFE: a KEK file readable by group or others, or a symlink', async (t) => {
    const directory = await temporaryDirectory(t)
    await (await openLocalKeyProvider({ directory })).close()
    const secrets = await kekSecrets(directory)
    for (const mode of [0o640, 0o604, 0o660]) {
      await chmod(join(directory, 'kek-v1.key'), mode)
      await assertRefused(() => openLocalKeyProvider({ directory }), 'KEY_FILE_UNSAFE', secrets)
    }
    await chmod(join(directory, 'kek-v1.key'), 0o400)
    await (await openLocalKeyProvider({ directory })).close()
    await rename(join(directory, 'kek-v1.key'), join(directory, 'elsewhere'))
    await symlink(join(directory, 'elsewhere'), join(directory, 'kek-v1.key'))
    await assertRefused(() => openLocalKeyProvider({ directory }), 'KEY_FILE_UNSAFE', secrets)
  })

  it('KEY_FILE_UNSAFE: a KEK file or directory of another user', async (t) => {
    if (process.getuid?.() !== 0) {
      t.skip('needs root to give a file to another user')
      return
    }
    const directory = await temporaryDirectory(t)
    await (await openLocalKeyProvider({ directory })).close()
    await chown(join(directory, 'kek-v1.key'), 1, 1)
    await assertRefused(() => openLocalKeyProvider({ directory }), 'KEY_FILE_UNSAFE')
    await chown(join(directory, 'kek-v1.key'), 0, 0)
    await chown(directory, 1, 1)
    await assertRefused(() => openLocalKeyProvider({ directory }), 'KEY_FILE_UNSAFE')
  })

  it('KEY_FILE_INVALID: a KEK file of the wrong size, magic, or a version other than its name', async (t) => {
    const directory = await temporaryDirectory(t)
    await (await openLocalKeyProvider({ directory })).close()
    const path = join(directory, 'kek-v1.key')
    const good = await readFile(path)
    const secrets = await kekSecrets(directory)
    const bad = [
      good.subarray(0, 43),
      Buffer.concat([good, Buffer.from([0])]),
      Buffer.concat([Buffer.from('MAMORIK1'), good.subarray(8)]),
      Buffer.concat([good.subarray(0, 8), Buffer.from([0, 0, 0, 2]), good.subarray(12)]),
      Buffer.alloc(0),
    ]
    for (const content of bad) {
      await writeFile(path, content, { mode: 0o600 })
      await assertRefused(() => openLocalKeyProvider({ directory }), 'KEY_FILE_INVALID', secrets)
    }
  })

  it('needs: only 32-byte keys are wrapped, and a closed provider refuses work', async (t) => {
    const provider = await openLocalKeyProvider({ directory: await temporaryDirectory(t) })
    await assertRefused(() => provider.wrap(new Uint8Array(16), context), 'ARGUMENT_INVALID')
    const wrapped = await provider.wrap(key(), context)
    await provider.close()
    await assertRefused(() => provider.unwrap(wrapped, context), 'ARGUMENT_INVALID')
    await assertRefused(() => provider.wrap(key(), context), 'ARGUMENT_INVALID')
  })
})
