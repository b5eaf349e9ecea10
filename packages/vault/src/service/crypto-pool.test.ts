import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { sealNumberForVault } from '../contract/hpke-seal.ts'
import {
  blindIndexFromRoot,
  createBlindIndex,
  createDataKey,
  createVaultKeyPair,
  openBlindIndexRoot,
  openLocalKeyProvider,
  openNumber,
  publishVaultKey,
  vaultRecipientKeys,
} from '../crypto/index.ts'
import { arbitraryId, arbitraryMyNumber, assertRefused, temporaryDirectory } from '../crypto/test-support.ts'
import { PURPOSES } from '../policy/purposes.ts'
import { createCryptoPool } from './crypto-pool.ts'

const arbitraryBinding = fc.record({
  tenantId: arbitraryId,
  subjectId: arbitraryId,
  purpose: fc.constantFrom(...PURPOSES.map((p) => p.purpose)),
})

describe('crypto pool: HPKE open, blind index and envelope on worker threads', () => {
  async function vaultKeys(t: Parameters<typeof temporaryDirectory>[0]) {
    const provider = await openLocalKeyProvider({ directory: await temporaryDirectory(t) })
    t.after(() => provider.close())
    const { keyPair } = await createVaultKeyPair(provider)
    const blindIndexRoot = await openBlindIndexRoot(provider, (await createBlindIndex(provider)).wrapped)
    const keys = { recipients: vaultRecipientKeys([keyPair]), blindIndexRoot }
    const workers = createCryptoPool(keys, 2)
    const inline = createCryptoPool(keys, 0)
    t.after(async () => {
      await Promise.all([workers.close(), inline.close()])
    })
    return {
      provider,
      published: publishVaultKey(keyPair),
      blindIndex: blindIndexFromRoot(blindIndexRoot),
      workers,
      inline,
    }
  }

  it('workers give the blind index of the main thread, and envelopes that open to the number under their data key', async (t) => {
    const { provider, published, blindIndex, workers, inline } = await vaultKeys(t)
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(arbitraryMyNumber, arbitraryBinding), { minLength: 1, maxLength: 12 }),
        async (cases) => {
          const jobs = await Promise.all(
            cases.map(async ([number, binding]) => ({
              number,
              binding,
              sealed: await sealNumberForVault(published.publicKey, published.keyId, number, binding),
              dataKey: (
                await createDataKey(provider, {
                  tenantId: binding.tenantId,
                  keyId: binding.subjectId,
                  version: 1,
                })
              ).dataKey,
            })),
          )
          // Submitted in one turn: they cross to the workers together and come back each to its own caller.
          const sealedAtRest = await Promise.all(
            jobs.map((j) =>
              workers.run({
                sealed: j.sealed,
                binding: j.binding,
                seal: { dataKey: j.dataKey, field: 'myNumber' },
              }),
            ),
          )
          const indexed = await Promise.all(
            jobs.map((j) => inline.run({ sealed: j.sealed, binding: j.binding })),
          )
          for (const [i, j] of jobs.entries()) {
            const expected = Buffer.from(blindIndex.compute(j.binding.tenantId, j.number))
            const fromWorker = sealedAtRest[i] as (typeof sealedAtRest)[number]
            assert.deepEqual(Buffer.from(fromWorker.blindIndex), expected)
            assert.deepEqual(Buffer.from((indexed[i] as (typeof indexed)[number]).blindIndex), expected)
            assert.equal(indexed[i]?.envelope, undefined)
            const context = {
              tenantId: j.binding.tenantId,
              subjectId: j.binding.subjectId,
              field: 'myNumber',
            }
            assert.equal(openNumber(j.dataKey, context, fromWorker.envelope as Uint8Array), j.number)
          }
        },
      ),
      { numRuns: 8 },
    )
  })

  it('a refusal comes back with its code and without the number; its batch-mates still succeed', async (t) => {
    const { published, workers } = await vaultKeys(t)
    const [number, binding, other] = fc.sample(
      fc.tuple(arbitraryMyNumber, arbitraryBinding, arbitraryBinding),
      { numRuns: 1, seed: 4 },
    )[0] as [
      string,
      { tenantId: string; subjectId: string; purpose: string },
      { tenantId: string; subjectId: string; purpose: string },
    ]
    const sealed = await sealNumberForVault(published.publicKey, published.keyId, number, binding)
    const wrongDigit = `${number.slice(0, 11)}${(Number(number[11]) + 1) % 10}`
    const badCheck = await sealNumberForVault(published.publicKey, published.keyId, wrongDigit, binding)
    const good = workers.run({ sealed, binding })
    const refusals = [
      assertRefused(() => workers.run({ sealed, binding: other }), 'HPKE_OPEN_FAILED', [number]),
      assertRefused(
        () => workers.run({ sealed: { ...sealed, keyId: 'unknown' }, binding }),
        'HPKE_KEY_UNKNOWN',
      ),
      assertRefused(() => workers.run({ sealed: badCheck, binding }), 'MY_NUMBER_CHECK_DIGIT', [wrongDigit]),
    ]
    await Promise.all(refusals)
    assert.equal((await good).blindIndex.length, 32)
  })

  it('a closed pool refuses jobs', async (t) => {
    const { published, workers } = await vaultKeys(t)
    const [number, binding] = fc.sample(fc.tuple(arbitraryMyNumber, arbitraryBinding), {
      numRuns: 1,
      seed: 4,
    })[0] as [string, { tenantId: string; subjectId: string; purpose: string }]
    const sealed = await sealNumberForVault(published.publicKey, published.keyId, number, binding)
    await workers.close()
    await assert.rejects(workers.run({ sealed, binding }), /closed/)
  })
})
