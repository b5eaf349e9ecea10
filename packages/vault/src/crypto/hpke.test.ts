import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import {
  createRecipientKeyPair,
  fromBase64Url,
  numberSealInfo,
  openSealedFromVault,
  type SealedNumber,
  sealNumberForVault,
  toBase64Url,
  vaultHpkeSuite,
} from '../contract/hpke-seal.ts'
import { ZRecipientPublicKey, ZSealedForRecipient, ZSealedNumber } from '../contract/index.ts'
import { openLocalKeyProvider } from '../keys/local-file.ts'
import { PURPOSES } from '../policy/purposes.ts'
import { rewrapKey } from './data-keys.ts'
import {
  createVaultKeyPair,
  hpkePrivateKeyWrapContext,
  openSealedNumber,
  openVaultKeyPair,
  publishVaultKey,
  sealForRecipient,
} from './hpke.ts'
import { arbitraryId, arbitraryMyNumber, assertRefused, temporaryDirectory } from './test-support.ts'

const arbitraryBinding = fc.record({
  tenantId: arbitraryId,
  subjectId: arbitraryId,
  purpose: fc.constantFrom(...PURPOSES.map((p) => p.purpose)),
})

describe('HPKE: numbers sealed on the device, opened only in the vault', () => {
  async function vault(t: Parameters<typeof temporaryDirectory>[0]) {
    const provider = await openLocalKeyProvider({ directory: await temporaryDirectory(t) })
    t.after(() => provider.close())
    const { keyPair, stored } = await createVaultKeyPair(provider)
    return { provider, keyPair, stored, published: publishVaultKey(keyPair) }
  }

  it('a number sealed for a tenant, subject and purpose opens to itself for exactly those', async (t) => {
    const { keyPair, published } = await vault(t)
    assert.ok(ZRecipientPublicKey.safeParse(published.publicKey).success)
    await fc.assert(
      fc.asyncProperty(arbitraryMyNumber, arbitraryBinding, async (number, binding) => {
        const sealed = await sealNumberForVault(published.publicKey, published.keyId, number, binding)
        assert.ok(ZSealedNumber.safeParse(sealed).success, 'the wire contract accepts what the device sends')
        assert.ok(!JSON.stringify(sealed).includes(number))
        assert.equal(await openSealedNumber(keyPair, sealed, binding), number)
      }),
      { numRuns: 40 },
    )
  })

  it('sealed for another tenant, subject or purpose → HPKE_OPEN_FAILED', async (t) => {
    const { keyPair, published } = await vault(t)
    await fc.assert(
      fc.asyncProperty(
        arbitraryMyNumber,
        arbitraryBinding,
        arbitraryBinding,
        async (number, binding, other) => {
          const sealed = await sealNumberForVault(published.publicKey, published.keyId, number, binding)
          for (const member of ['tenantId', 'subjectId', 'purpose'] as const) {
            fc.pre(binding[member] !== other[member])
            const swapped = { ...binding, [member]: other[member] }
            await assertRefused(() => openSealedNumber(keyPair, sealed, swapped), 'HPKE_OPEN_FAILED', [
              number,
            ])
          }
        },
      ),
      { numRuns: 20 },
    )
  })

  it('every flipped bit of enc or ciphertext → HPKE_OPEN_FAILED', async (t) => {
    const { keyPair, published } = await vault(t)
    await fc.assert(
      fc.asyncProperty(
        arbitraryMyNumber,
        arbitraryBinding,
        fc.constantFrom('enc', 'ciphertext'),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        async (number, binding, part, at, bit) => {
          const sealed = await sealNumberForVault(published.publicKey, published.keyId, number, binding)
          const bytes = fromBase64Url(sealed[part])!
          bytes[at % bytes.length]! ^= 1 << bit
          const tampered = { ...sealed, [part]: toBase64Url(bytes) }
          await assertRefused(() => openSealedNumber(keyPair, tampered, binding), 'HPKE_OPEN_FAILED', [
            number,
          ])
        },
      ),
      { numRuns: 60 },
    )
  })

  it('truncated, non-base64url or non-canonical fields → HPKE_OPEN_FAILED', async (t) => {
    const { keyPair, published } = await vault(t)
    const [number, binding] = fc.sample(fc.tuple(arbitraryMyNumber, arbitraryBinding), 1)[0]!
    const sealed = await sealNumberForVault(published.publicKey, published.keyId, number, binding)
    const variants: SealedNumber[] = [
      { ...sealed, enc: sealed.enc.slice(0, -2) },
      { ...sealed, ciphertext: sealed.ciphertext.slice(0, 20) },
      { ...sealed, ciphertext: '' },
      { ...sealed, enc: `${sealed.enc}=` },
      { ...sealed, enc: sealed.enc.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) },
      { ...sealed, ciphertext: `${sealed.ciphertext.slice(0, 10)}+${sealed.ciphertext.slice(11)}` },
    ]
    for (const variant of variants) {
      await assertRefused(() => openSealedNumber(keyPair, variant, binding), 'HPKE_OPEN_FAILED', [number])
    }
  })

  it('sealed to a key this vault does not hold → HPKE_KEY_UNKNOWN; with another held key id → HPKE_OPEN_FAILED', async (t) => {
    const first = await vault(t)
    const second = await vault(t)
    const [number, binding] = fc.sample(fc.tuple(arbitraryMyNumber, arbitraryBinding), 1)[0]!
    const sealed = await sealNumberForVault(first.published.publicKey, first.published.keyId, number, binding)
    await assertRefused(() => openSealedNumber(second.keyPair, sealed, binding), 'HPKE_KEY_UNKNOWN', [number])
    const both = [first.keyPair, second.keyPair]
    assert.equal(await openSealedNumber(both, sealed, binding), number)
    const relabelled = { ...sealed, keyId: second.keyPair.keyId }
    await assertRefused(() => openSealedNumber(both, relabelled, binding), 'HPKE_OPEN_FAILED', [number])
  })

  it('a wrong check digit is refused after opening (MY_NUMBER_CHECK_DIGIT), without echoing the number', async (t) => {
    const { keyPair, published } = await vault(t)
    await fc.assert(
      fc.asyncProperty(
        arbitraryMyNumber,
        fc.integer({ min: 1, max: 9 }),
        arbitraryBinding,
        async (n, d, binding) => {
          const wrong = `${n.slice(0, 11)}${(Number(n[11]) + d) % 10}`
          const sealed = await sealNumberForVault(published.publicKey, published.keyId, wrong, binding)
          const error = await assertRefused(
            () => openSealedNumber(keyPair, sealed, binding),
            'MY_NUMBER_CHECK_DIGIT',
            [wrong, wrong.slice(0, 6), wrong.slice(6)],
          )
          assert.equal(error.field, 'sealed')
        },
      ),
      { numRuns: 20 },
    )
  })

  it('anything but 12 ASCII digits is refused: by the device (MY_NUMBER_FORMAT), and by the vault after opening', async (t) => {
    const { keyPair, published } = await vault(t)
    const binding = { tenantId: 't', subjectId: 's', purpose: 'WITHHOLDING_SLIP' }
    for (const malformed of [
      '12345678901',
      '1234567890123',
      '１２３４５６７８９０１８',
      '1234 5678 9018',
      'abcdefghijkl',
    ]) {
      await assertRefused(
        () => sealNumberForVault(published.publicKey, published.keyId, malformed, binding),
        'MY_NUMBER_FORMAT',
        [malformed],
      )
      // A device that skips the check: the vault still refuses.
      const raw = await vaultHpkeSuite().seal(
        {
          recipientPublicKey: keyPair.keys.publicKey,
          info: numberSealInfo(published.keyId, binding),
        },
        new TextEncoder().encode(malformed),
      )
      const sealed = {
        keyId: published.keyId,
        enc: toBase64Url(new Uint8Array(raw.enc)),
        ciphertext: toBase64Url(new Uint8Array(raw.ct)),
      }
      await assertRefused(() => openSealedNumber(keyPair, sealed, binding), 'MY_NUMBER_FORMAT', [malformed])
    }
  })

  it('HPKE_KEY_INVALID: a vault public key that is not 32 raw bytes of base64url', async () => {
    const binding = { tenantId: 't', subjectId: 's', purpose: 'WITHHOLDING_SLIP' }
    const [number] = fc.sample(arbitraryMyNumber, 1) as [string]
    for (const publicKey of ['', 'AAAA', 'not base64url!', new Uint8Array(31)]) {
      await assertRefused(() => sealNumberForVault(publicKey, 'k', number, binding), 'HPKE_KEY_INVALID', [
        number,
      ])
    }
  })

  it('the stored key pair reopens after a restart and opens what was sealed to it', async (t) => {
    const { provider, stored, published } = await vault(t)
    const [number, binding] = fc.sample(fc.tuple(arbitraryMyNumber, arbitraryBinding), 1)[0]!
    const sealed = await sealNumberForVault(published.publicKey, published.keyId, number, binding)
    const reopened = await openVaultKeyPair(provider, stored)
    assert.deepEqual(publishVaultKey(reopened), published)
    assert.equal(await openSealedNumber(reopened, sealed, binding), number)
  })

  it('a stored key pair with one half replaced is refused (HPKE_KEY_INVALID / KEY_UNWRAP_FAILED)', async (t) => {
    const a = await vault(t)
    const { stored: b } = await createVaultKeyPair(a.provider)
    await assertRefused(
      () => openVaultKeyPair(a.provider, { ...a.stored, publicKey: b.publicKey }),
      'HPKE_KEY_INVALID',
    )
    await assertRefused(
      () => openVaultKeyPair(a.provider, { ...a.stored, keyId: b.keyId }),
      'HPKE_KEY_INVALID',
    )
    await assertRefused(
      () => openVaultKeyPair(a.provider, { ...a.stored, wrappedPrivateKey: b.wrappedPrivateKey }),
      'KEY_UNWRAP_FAILED',
    )
  })

  it('a stored private key that is not the half of its public key → HPKE_KEY_INVALID', async (t) => {
    const { provider, stored } = await vault(t)
    const otherPrivateKey = new Uint8Array(randomBytes(32))
    const wrappedPrivateKey = await provider.wrap(otherPrivateKey, hpkePrivateKeyWrapContext(stored.keyId))
    await assertRefused(
      () => openVaultKeyPair(provider, { ...stored, wrappedPrivateKey }),
      'HPKE_KEY_INVALID',
    )
  })

  it('a key pair @hpke/core made and serialized (as the vault stored them before) reopens and opens numbers', async (t) => {
    const provider = await openLocalKeyProvider({ directory: await temporaryDirectory(t) })
    t.after(() => provider.close())
    const kem = vaultHpkeSuite().kem
    const keys = await kem.generateKeyPair()
    const publicKey = toBase64Url(new Uint8Array(await kem.serializePublicKey(keys.publicKey)))
    const keyId = createHash('sha256').update(publicKey).digest('base64url').slice(0, 22)
    const rawPrivate = new Uint8Array(await kem.serializePrivateKey(keys.privateKey))
    const wrappedPrivateKey = await provider.wrap(rawPrivate, hpkePrivateKeyWrapContext(keyId))
    const keyPair = await openVaultKeyPair(provider, { keyId, publicKey, wrappedPrivateKey })
    const [number, binding] = fc.sample(fc.tuple(arbitraryMyNumber, arbitraryBinding), 1)[0]!
    const sealed = await sealNumberForVault(publicKey, keyId, number, binding)
    assert.equal(await openSealedNumber(keyPair, sealed, binding), number)
  })

  it('openSealedNumber needs key pairs from createVaultKeyPair or openVaultKeyPair (ARGUMENT_INVALID)', async (t) => {
    const { keyPair, published } = await vault(t)
    const [number, binding] = fc.sample(fc.tuple(arbitraryMyNumber, arbitraryBinding), 1)[0]!
    const sealed = await sealNumberForVault(published.publicKey, published.keyId, number, binding)
    await assertRefused(() => openSealedNumber({ ...keyPair }, sealed, binding), 'ARGUMENT_INVALID', [number])
  })

  it('the wrapped private key follows a KEK rotation by rewrap', async (t) => {
    const { provider, stored, published } = await vault(t)
    await provider.rotate()
    const wrappedPrivateKey = await rewrapKey(
      stored.wrappedPrivateKey,
      hpkePrivateKeyWrapContext(stored.keyId),
      provider,
    )
    await provider.retire(1)
    await assertRefused(() => openVaultKeyPair(provider, stored), 'KEK_VERSION_UNKNOWN')
    assert.deepEqual(
      publishVaultKey(await openVaultKeyPair(provider, { ...stored, wrappedPrivateKey })),
      published,
    )
  })

  it('sealForRecipient: a merge result opens on the requester device for its request only', async () => {
    const device = await createRecipientKeyPair()
    const binding = { tenantId: 'tenant-a', requestId: 'request-1' }
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const sealed = await sealForRecipient(device.publicKey, bytes, binding)
        assert.ok(ZSealedForRecipient.safeParse(sealed).success)
        assert.deepEqual(await openSealedFromVault(device.privateKey, sealed, binding), bytes)
        await assertRefused(
          () => openSealedFromVault(device.privateKey, sealed, { ...binding, requestId: 'request-2' }),
          'HPKE_OPEN_FAILED',
        )
        await assertRefused(
          () => openSealedFromVault(device.privateKey, sealed, { ...binding, tenantId: 'tenant-b' }),
          'HPKE_OPEN_FAILED',
        )
      }),
      { numRuns: 20 },
    )
    const other = await createRecipientKeyPair()
    const sealed = await sealForRecipient(device.publicKey, new Uint8Array([1, 2, 3]), binding)
    await assertRefused(() => openSealedFromVault(other.privateKey, sealed, binding), 'HPKE_OPEN_FAILED')
    await assertRefused(() => sealForRecipient('AAAA', new Uint8Array(1), binding), 'HPKE_KEY_INVALID')
    await assertRefused(
      () => sealForRecipient('not base64url!', new Uint8Array(1), binding),
      'HPKE_KEY_INVALID',
    )
    const lowOrder = toBase64Url(new Uint8Array(32))
    await assertRefused(() => sealForRecipient(lowOrder, new Uint8Array(1), binding), 'HPKE_KEY_INVALID')
  })
})
