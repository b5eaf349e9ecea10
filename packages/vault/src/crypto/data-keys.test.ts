import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { openLocalKeyProvider } from '../keys/local-file.ts'
import { kekVersionOf } from '../keys/wrapped-key.ts'
import { createDataKey, needsRewrap, rewrapDataKey, unwrapDataKey, type WrappedDataKey } from './data-keys.ts'
import { openNumber, sealNumber } from './envelope.ts'
import { arbitraryMyNumber, assertRefused, temporaryDirectory } from './test-support.ts'

describe('data keys wrapped by the KEK', () => {
  it('a data-key row moved to another tenant, key id or version does not unwrap (KEY_UNWRAP_FAILED)', async (t) => {
    const provider = await openLocalKeyProvider({ directory: await temporaryDirectory(t) })
    t.after(() => provider.close())
    const ref = { tenantId: 'tenant-a', keyId: 'tenant', version: 1 }
    const { dataKey, wrapped } = await createDataKey(provider, ref)
    const row: WrappedDataKey = { ...ref, wrapped }
    assert.equal((await unwrapDataKey(provider, row)).key.equals(dataKey.key), true)
    for (const moved of [{ tenantId: 'tenant-b' }, { keyId: 'subject-1' }, { version: 2 }]) {
      await assertRefused(() => unwrapDataKey(provider, { ...row, ...moved }), 'KEY_UNWRAP_FAILED')
    }
    await assertRefused(() => unwrapDataKey(provider, { ...row, tenantId: '' }), 'ARGUMENT_INVALID')
  })

  it('online KEK rotation, killed halfway and resumed, leaves every row under the new KEK and every number readable', async (t) => {
    const directory = await temporaryDirectory(t)
    let provider = await openLocalKeyProvider({ directory })
    const numbers = fc.sample(arbitraryMyNumber, 20)
    const rows = await Promise.all(
      numbers.map(async (number, i) => {
        const ref = { tenantId: 'tenant-a', keyId: `subject-${i}`, version: 1 }
        const { dataKey, wrapped } = await createDataKey(provider, ref)
        const context = { tenantId: 'tenant-a', subjectId: `subject-${i}`, field: 'myNumber' }
        return {
          row: { ...ref, wrapped } as WrappedDataKey,
          sealed: sealNumber(dataKey, context, number),
          context,
        }
      }),
    )
    await provider.rotate()
    for (const entry of rows.slice(0, 7)) {
      entry.row = { ...entry.row, wrapped: await rewrapDataKey(entry.row, provider) }
    }
    // The process dies here; a new one opens the same key directory and runs the rotation again.
    await provider.close()
    provider = await openLocalKeyProvider({ directory })
    t.after(() => provider.close())
    assert.equal(provider.kekVersion(), 2)
    assert.equal(rows.filter((entry) => needsRewrap(entry.row.wrapped, provider)).length, 13)
    for (const entry of rows) {
      if (needsRewrap(entry.row.wrapped, provider)) {
        entry.row = { ...entry.row, wrapped: await rewrapDataKey(entry.row, provider) }
      }
    }
    await provider.retire(1)
    for (const [i, entry] of rows.entries()) {
      assert.equal(kekVersionOf(entry.row.wrapped), 2)
      assert.equal(
        openNumber(await unwrapDataKey(provider, entry.row), entry.context, entry.sealed),
        numbers[i],
      )
    }
  })
})
