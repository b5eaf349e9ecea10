import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { openLocalKeyProvider } from '../keys/local-file.ts'
import { blindIndexWrapContext, createBlindIndex, openBlindIndex } from './blind-index.ts'
import { rewrapKey } from './data-keys.ts'
import { arbitraryId, arbitraryMyNumber, assertRefused, temporaryDirectory } from './test-support.ts'

describe('blind index (HMAC-SHA-256, per-tenant HKDF keys)', () => {
  async function setup(t: Parameters<typeof temporaryDirectory>[0]) {
    const provider = await openLocalKeyProvider({ directory: await temporaryDirectory(t) })
    t.after(() => provider.close())
    return { provider, ...(await createBlindIndex(provider)) }
  }

  it('the same number in one tenant gives the same 32-byte index (a duplicate is found without decrypting)', async (t) => {
    const { blindIndex } = await setup(t)
    fc.assert(
      fc.property(arbitraryMyNumber, arbitraryId, (number, tenantId) => {
        const index = blindIndex.compute(tenantId, number)
        assert.equal(index.length, 32)
        assert.deepEqual(blindIndex.compute(tenantId, number), index)
        assert.ok(!Buffer.from(index).toString('hex').includes(number))
      }),
    )
  })

  it('different numbers, or one number in two tenants, give different indexes', async (t) => {
    const { blindIndex } = await setup(t)
    fc.assert(
      fc.property(
        arbitraryMyNumber,
        arbitraryMyNumber,
        arbitraryId,
        arbitraryId,
        (a, b, tenantA, tenantB) => {
          fc.pre(a !== b && tenantA !== tenantB)
          assert.notDeepEqual(blindIndex.compute(tenantA, a), blindIndex.compute(tenantA, b))
          assert.notDeepEqual(blindIndex.compute(tenantA, a), blindIndex.compute(tenantB, a))
        },
      ),
    )
  })

  it('the stored root key reopens to the same indexes, also after a KEK rotation; another root gives others', async (t) => {
    const { provider, blindIndex, wrapped } = await setup(t)
    const [number] = fc.sample(arbitraryMyNumber, 1) as [string]
    const index = blindIndex.compute('tenant-a', number)
    assert.deepEqual((await openBlindIndex(provider, wrapped)).compute('tenant-a', number), index)
    await provider.rotate()
    const moved = await rewrapKey(wrapped, blindIndexWrapContext(), provider)
    assert.deepEqual((await openBlindIndex(provider, moved)).compute('tenant-a', number), index)
    const other = await createBlindIndex(provider)
    assert.notDeepEqual(other.blindIndex.compute('tenant-a', number), index)
  })

  it('a data key or other wrapped key is not accepted as the blind-index root (KEY_UNWRAP_FAILED)', async (t) => {
    const { provider, wrapped } = await setup(t)
    const dataKey = await provider.wrap(new Uint8Array(32), {
      purpose: 'data-key',
      tenantId: 't',
      keyId: 'k',
      version: 1,
    })
    await assertRefused(() => openBlindIndex(provider, dataKey), 'KEY_UNWRAP_FAILED')
    await assertRefused(() => openBlindIndex(provider, wrapped, 2), 'KEY_UNWRAP_FAILED')
  })

  it('needs: only a valid 12-digit My Number is indexed, refused without echoing it; destroy ends use', async (t) => {
    const { blindIndex } = await setup(t)
    const [number] = fc.sample(arbitraryMyNumber, 1) as [string]
    const wrong = `${number.slice(0, 11)}${(Number(number[11]) + 1) % 10}`
    for (const bad of [wrong, number.slice(1), `${number.slice(0, 4)}-${number.slice(4)}`]) {
      await assertRefused(() => blindIndex.compute('tenant-a', bad), 'ARGUMENT_INVALID', [bad])
    }
    await assertRefused(() => blindIndex.compute('', number), 'ARGUMENT_INVALID', [number])
    blindIndex.destroy()
    await assertRefused(() => blindIndex.compute('tenant-a', number), 'ARGUMENT_INVALID', [number])
  })
})
