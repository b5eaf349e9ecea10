import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { openLocalKeyProvider } from '../keys/local-file.ts'
import { createDataKey, type DataKey } from './data-keys.ts'
import { dataKeyVersionOf, openNumber, openValue, sealNumber, sealValue } from './envelope.ts'
import { arbitraryId, arbitraryMyNumber, assertRefused, temporaryDirectory } from './test-support.ts'

const field = 'myNumber'

describe('envelope (AES-256-GCM per sealed number)', async () => {
  async function dataKeys(t: Parameters<typeof temporaryDirectory>[0]) {
    const provider = await openLocalKeyProvider({ directory: await temporaryDirectory(t) })
    t.after(() => provider.close())
    const make = async (tenantId: string, keyId: string, version: number): Promise<DataKey> =>
      (await createDataKey(provider, { tenantId, keyId, version })).dataKey
    return { make }
  }

  it('a sealed number opens to itself under the same key, tenant, subject and field', async (t) => {
    const { make } = await dataKeys(t)
    const key = await make('tenant-a', 'tenant', 1)
    fc.assert(
      fc.property(
        arbitraryMyNumber,
        arbitraryId,
        fc.string({ minLength: 1, maxLength: 40 }),
        (number, subjectId, f) => {
          fc.pre(f.isWellFormed())
          const context = { tenantId: 'tenant-a', subjectId, field: f }
          assert.equal(openNumber(key, context, sealNumber(key, context, number)), number)
        },
      ),
    )
  })

  it('any bytes round-trip, and the layout is header + nonce + ciphertext + tag', async (t) => {
    const { make } = await dataKeys(t)
    const key = await make('tenant-a', 'tenant', 7)
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (value) => {
        const context = { tenantId: 'tenant-a', subjectId: 's', field }
        const sealed = sealValue(key, context, value)
        assert.equal(sealed.length, 1 + 4 + 12 + value.length + 16)
        assert.equal(sealed[0], 1)
        assert.equal(dataKeyVersionOf(sealed), 7)
        assert.deepEqual(new Uint8Array(openValue(key, context, sealed)), value)
      }),
    )
  })

  it('two seals of one number differ (random nonce)', async (t) => {
    const { make } = await dataKeys(t)
    const key = await make('tenant-a', 'tenant', 1)
    const context = { tenantId: 'tenant-a', subjectId: 's', field }
    const [number] = fc.sample(arbitraryMyNumber, 1) as [string]
    assert.notDeepEqual(sealNumber(key, context, number), sealNumber(key, context, number))
  })

  it('every flipped bit (format, key version, nonce, ciphertext, tag) is refused with SEAL_OPEN_FAILED', async (t) => {
    const { make } = await dataKeys(t)
    const key = await make('tenant-a', 'tenant', 1)
    const context = { tenantId: 'tenant-a', subjectId: 's', field }
    await fc.assert(
      fc.asyncProperty(
        arbitraryMyNumber,
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        async (number, at, bit) => {
          const sealed = sealNumber(key, context, number)
          const i = at % sealed.length
          sealed[i]! ^= 1 << bit
          await assertRefused(() => openNumber(key, context, sealed), 'SEAL_OPEN_FAILED', [number])
        },
      ),
    )
  })

  it('a truncated or extended sealed value is refused with SEAL_OPEN_FAILED', async (t) => {
    const { make } = await dataKeys(t)
    const key = await make('tenant-a', 'tenant', 1)
    const context = { tenantId: 'tenant-a', subjectId: 's', field }
    await fc.assert(
      fc.asyncProperty(arbitraryMyNumber, fc.nat(), async (number, cut) => {
        const sealed = sealNumber(key, context, number)
        await assertRefused(
          () => openNumber(key, context, sealed.subarray(0, cut % sealed.length)),
          'SEAL_OPEN_FAILED',
        )
        const longer = new Uint8Array([...sealed, cut % 256])
        await assertRefused(() => openNumber(key, context, longer), 'SEAL_OPEN_FAILED', [number])
      }),
    )
  })

  it('a sealed number moved to another subject, field, tenant, data key or key version does not open', async (t) => {
    const { make } = await dataKeys(t)
    const key = await make('tenant-a', 'tenant', 1)
    const others = {
      tenant: await make('tenant-b', 'tenant', 1),
      keyId: await make('tenant-a', 'other-key', 1),
      version: await make('tenant-a', 'tenant', 2),
      sameRefOtherBytes: await make('tenant-a', 'tenant', 1),
    }
    await fc.assert(
      fc.asyncProperty(
        arbitraryMyNumber,
        arbitraryId,
        arbitraryId,
        async (number, subjectId, otherSubject) => {
          fc.pre(subjectId !== otherSubject)
          const context = { tenantId: 'tenant-a', subjectId, field }
          const sealed = sealNumber(key, context, number)
          const refuse = (k: DataKey, c: typeof context) =>
            assertRefused(() => openNumber(k, c, sealed), 'SEAL_OPEN_FAILED', [number])
          await refuse(key, { ...context, subjectId: otherSubject })
          await refuse(key, { ...context, field: 'dependentMyNumber' })
          await refuse(others.tenant, { ...context, tenantId: 'tenant-b' })
          await refuse(others.keyId, context)
          await refuse(others.version, context)
          await refuse(others.sameRefOtherBytes, context)
        },
      ),
      { numRuns: 50 },
    )
  })

  it("needs: a data key seals only its own tenant's values (ARGUMENT_INVALID otherwise)", async (t) => {
    const { make } = await dataKeys(t)
    const key = await make('tenant-a', 'tenant', 1)
    const [number] = fc.sample(arbitraryMyNumber, 1) as [string]
    const error = await assertRefused(
      () => sealNumber(key, { tenantId: 'tenant-b', subjectId: 's', field }, number),
      'ARGUMENT_INVALID',
      [number],
    )
    assert.equal(error.field, 'tenantId')
  })

  it('needs: only a valid 12-digit My Number is sealed; a wrong check digit is refused without echoing it', async (t) => {
    const { make } = await dataKeys(t)
    const key = await make('tenant-a', 'tenant', 1)
    const context = { tenantId: 'tenant-a', subjectId: 's', field }
    await fc.assert(
      fc.asyncProperty(arbitraryMyNumber, fc.integer({ min: 1, max: 9 }), async (number, delta) => {
        const wrong = `${number.slice(0, 11)}${(Number(number[11]) + delta) % 10}`
        await assertRefused(() => sealNumber(key, context, wrong), 'ARGUMENT_INVALID', [wrong, number])
      }),
    )
    await assertRefused(() => sealNumber(key, context, ''), 'ARGUMENT_INVALID')
    for (const malformed of ['12345678901', '１２３４５６７８９０１８', '1234-5678-9018']) {
      await assertRefused(() => sealNumber(key, context, malformed), 'ARGUMENT_INVALID', [malformed])
    }
  })
})
