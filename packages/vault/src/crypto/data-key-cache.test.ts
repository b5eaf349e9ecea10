import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { KeyProvider } from '../keys/key-provider.ts'
import { openLocalKeyProvider } from '../keys/local-file.ts'
import { createDataKeyCache } from './data-key-cache.ts'
import { createDataKey, type WrappedDataKey } from './data-keys.ts'
import { assertRefused, temporaryDirectory } from './test-support.ts'

/** The real local provider, counting how often the cache reaches it. */
function counting(provider: KeyProvider) {
  const counter = { unwraps: 0 }
  const counted: KeyProvider = {
    ...provider,
    unwrap: (wrapped, context) => {
      counter.unwraps++
      return provider.unwrap(wrapped, context)
    },
  }
  return { counter, provider: counted }
}

describe('data-key cache', () => {
  async function setup(
    t: Parameters<typeof temporaryDirectory>[0],
    options: { ttlMs?: number; maxEntries?: number },
  ) {
    const local = await openLocalKeyProvider({ directory: await temporaryDirectory(t) })
    t.after(() => local.close())
    const { counter, provider } = counting(local)
    const clock = { now: 1_000_000 }
    const cache = createDataKeyCache({ provider, ...options, now: () => clock.now })
    const row = async (tenantId: string, keyId = 'tenant', version = 1): Promise<WrappedDataKey> => {
      const { wrapped } = await createDataKey(local, { tenantId, keyId, version })
      return { tenantId, keyId, version, wrapped }
    }
    return { cache, counter, clock, row }
  }

  it('a key is unwrapped once, then served from memory until its lifetime ends, however often it is used', async (t) => {
    const { cache, counter, clock, row } = await setup(t, { ttlMs: 300_000 })
    const a = await row('tenant-a')
    const first = await cache.get(a)
    clock.now += 299_999
    assert.equal(await cache.get(a), first)
    assert.equal(counter.unwraps, 1)
    clock.now += 1
    const again = await cache.get(a)
    assert.equal(counter.unwraps, 2, 'expired at exactly ttlMs after the unwrap')
    assert.notEqual(again, first)
    assert.equal(again.key.equals(first.key), true)
  })

  it('at most maxEntries keys are held; the least recently used goes first', async (t) => {
    const { cache, counter, row } = await setup(t, { maxEntries: 2 })
    const [a, b, c] = [await row('a'), await row('b'), await row('c')]
    await cache.get(a)
    await cache.get(b)
    await cache.get(a)
    await cache.get(c)
    assert.equal(cache.size, 2)
    assert.equal(counter.unwraps, 3)
    await cache.get(a)
    assert.equal(counter.unwraps, 3, 'a was used recently and stayed')
    await cache.get(b)
    assert.equal(counter.unwraps, 4, 'b was the least recently used and went')
  })

  it('concurrent misses for one key share one unwrap', async (t) => {
    const { cache, counter, row } = await setup(t, {})
    const a = await row('tenant-a')
    const keys = await Promise.all(Array.from({ length: 20 }, () => cache.get(a)))
    assert.equal(counter.unwraps, 1)
    assert.ok(keys.every((key) => key === keys[0]))
  })

  it('evict drops a key at once, also one whose unwrap is in flight (crypto-shredding a subject)', async (t) => {
    const { cache, counter, row } = await setup(t, {})
    const [v1, v2] = [await row('tenant-a', 'subject-1', 1), await row('tenant-a', 'subject-1', 2)]
    const other = await row('tenant-a', 'subject-2', 1)
    await cache.get(v1)
    await cache.get(v2)
    await cache.get(other)
    cache.evict({ tenantId: 'tenant-a', keyId: 'subject-1' })
    assert.equal(cache.size, 1)
    const inFlight = cache.get(v1)
    cache.evict({ tenantId: 'tenant-a', keyId: 'subject-1', version: 1 })
    await inFlight
    assert.equal(cache.size, 1, 'the evicted key did not come back')
    assert.equal(counter.unwraps, 4)
  })

  it('put adds a key just created, so its first use does not unwrap', async (t) => {
    const local = await openLocalKeyProvider({ directory: await temporaryDirectory(t) })
    t.after(() => local.close())
    const { counter, provider } = counting(local)
    const cache = createDataKeyCache({ provider })
    const { dataKey, wrapped } = await createDataKey(local, {
      tenantId: 'tenant-a',
      keyId: 'tenant',
      version: 1,
    })
    cache.put(dataKey)
    assert.equal(await cache.get({ tenantId: 'tenant-a', keyId: 'tenant', version: 1, wrapped }), dataKey)
    assert.equal(counter.unwraps, 0)
  })

  it('a row whose wrapped key was made for another tenant is refused, and nothing is cached', async (t) => {
    const { cache, row } = await setup(t, {})
    const a = await row('tenant-a')
    await assertRefused(() => cache.get({ ...a, tenantId: 'tenant-b' }), 'KEY_UNWRAP_FAILED')
    assert.equal(cache.size, 0)
  })

  it('destroy clears every key and refuses further use; bad bounds are refused', async (t) => {
    const { cache, row } = await setup(t, {})
    const a = await row('tenant-a')
    await cache.get(a)
    cache.destroy()
    assert.equal(cache.size, 0)
    await assertRefused(() => cache.get(a), 'ARGUMENT_INVALID')
    const local = await openLocalKeyProvider({ directory: await temporaryDirectory(t) })
    t.after(() => local.close())
    const { provider } = counting(local)
    await assertRefused(() => createDataKeyCache({ provider, ttlMs: 0 }), 'ARGUMENT_INVALID')
    await assertRefused(() => createDataKeyCache({ provider, maxEntries: 1.5 }), 'ARGUMENT_INVALID')
  })
})
