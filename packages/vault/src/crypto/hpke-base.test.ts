import assert from 'node:assert/strict'
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { VAULT_HPKE_SUITE, vaultHpkeSuite } from '../contract/hpke-seal.ts'
import { type HpkeOpenInput, hpkeBaseOpen, hpkeBaseSeal, hpkeRecipientKey } from './hpke-base.ts'
import { assertRefused } from './test-support.ts'

/**
 * RFC 9180 Appendix A.1.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, mode_base, and
 * its first encryption (sequence number 0). Hex copied from the RFC's vectors as published in
 * Go's src/crypto/internal/hpke/testdata/rfc9180-vectors.json (the entry of that name), checked
 * against the same entry in the oxicrypto-kex crate's src/hpke/tests/rfc9180_vectors.rs.
 */
const A_1_1 = {
  suite: { kem: 'DHKEM(X25519, HKDF-SHA256)', kdf: 'HKDF-SHA256', aead: 'AES-128-GCM' },
  skEm: hex('52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736'),
  skRm: hex('4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8'),
  pkRm: hex('3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d'),
  enc: hex('37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431'),
  info: hex('4f6465206f6e2061204772656369616e2055726e'),
  aad: hex('436f756e742d30'),
  pt: hex('4265617574792069732074727574682c20747275746820626561757479'),
  ct: hex('f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a'),
}

describe('HPKE base mode on node:crypto (RFC 9180 §4.1, §5.1, §5.2)', () => {
  it('RFC 9180 A.1.1: pkRm from skRm, Open of the first encryption, and Seal with skEm give the RFC bytes', () => {
    const recipient = hpkeRecipientKey(x25519PrivateKey(A_1_1.skRm))
    assert.deepEqual(recipient.publicKey, A_1_1.pkRm)
    const { suite, enc, info, aad, ct } = A_1_1
    assert.deepEqual(hpkeBaseOpen(suite, recipient, { enc, info, aad, ciphertext: ct }), A_1_1.pt)
    const sealed = hpkeBaseSeal(suite, A_1_1.pkRm, {
      plaintext: A_1_1.pt,
      info,
      aad,
      ephemeralPrivateKey: x25519PrivateKey(A_1_1.skEm),
    })
    assert.deepEqual(sealed, { enc: A_1_1.enc, ciphertext: A_1_1.ct })
  })

  it('RFC 9180 A.1.1 with any one bit of enc, ciphertext, info or aad flipped → HPKE_OPEN_FAILED', async () => {
    const recipient = hpkeRecipientKey(x25519PrivateKey(A_1_1.skRm))
    const parts = ['enc', 'ct', 'info', 'aad'] as const
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...parts),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        async (part, at, bit) => {
          const input = { ...A_1_1, [part]: altered(A_1_1[part], at, bit) }
          const { enc, info, aad, ct } = input
          await assertRefused(
            () => hpkeBaseOpen(A_1_1.suite, recipient, { enc, info, aad, ciphertext: ct }),
            'HPKE_OPEN_FAILED',
            [A_1_1.pt.toString('hex')],
          )
        },
      ),
      { numRuns: 60 },
    )
  })

  it('@hpke/core seal → our open (AES-256-GCM): any plaintext, info and aad opens to itself', async () => {
    const core = vaultHpkeSuite()
    await fc.assert(
      fc.asyncProperty(arbitraryPrivateKey, arbitraryMessage, async (skRm, { plaintext, info, aad }) => {
        const recipient = hpkeRecipientKey(x25519PrivateKey(skRm))
        const recipientPublicKey = await core.kem.deserializePublicKey(recipient.publicKey)
        const sealed = await core.seal({ recipientPublicKey, info }, plaintext, aad)
        const opened = hpkeBaseOpen(VAULT_HPKE_SUITE, recipient, {
          enc: new Uint8Array(sealed.enc),
          ciphertext: new Uint8Array(sealed.ct),
          info,
          aad,
        })
        assert.deepEqual(new Uint8Array(opened), plaintext)
      }),
      { numRuns: 50 },
    )
  })

  it('our seal → @hpke/core open (AES-256-GCM): any plaintext, info and aad opens to itself', async () => {
    const core = vaultHpkeSuite()
    await fc.assert(
      fc.asyncProperty(arbitraryPrivateKey, arbitraryMessage, async (skRm, { plaintext, info, aad }) => {
        const recipientKey = await core.kem.deserializePrivateKey(skRm)
        const pkRm = hpkeRecipientKey(x25519PrivateKey(skRm)).publicKey
        const { enc, ciphertext } = hpkeBaseSeal(VAULT_HPKE_SUITE, pkRm, { plaintext, info, aad })
        assert.equal(enc.length, 32)
        assert.equal(ciphertext.length, plaintext.length + 16)
        const opened = await core.open({ recipientKey, enc, info }, ciphertext, aad)
        assert.deepEqual(new Uint8Array(opened), plaintext)
      }),
      { numRuns: 50 },
    )
  })

  it('every tamper of what either side sealed (enc, ciphertext, tag, info, aad, another private key) → HPKE_OPEN_FAILED', async () => {
    const tampers = ['enc', 'ciphertext', 'tag', 'info', 'aad', 'privateKey'] as const
    await fc.assert(
      fc.asyncProperty(
        arbitraryPrivateKey,
        arbitraryMessage,
        fc.boolean(),
        fc.constantFrom(...tampers),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        async (skRm, { plaintext, info, aad }, sealedByCore, tamper, at, bit) => {
          const recipient = hpkeRecipientKey(x25519PrivateKey(skRm))
          const sealed = sealedByCore
            ? await sealWithCore(recipient.publicKey, plaintext, info, aad)
            : hpkeBaseSeal(VAULT_HPKE_SUITE, recipient.publicKey, { plaintext, info, aad })
          const tagAt = sealed.ciphertext.length - 16
          const input: HpkeOpenInput = { enc: sealed.enc, ciphertext: sealed.ciphertext, info, aad }
          let openWith = recipient
          switch (tamper) {
            case 'enc':
              input.enc = altered(input.enc, at, bit)
              break
            case 'ciphertext':
              fc.pre(tagAt > 0)
              input.ciphertext = altered(input.ciphertext, at % tagAt, bit)
              break
            case 'tag':
              input.ciphertext = altered(input.ciphertext, tagAt + (at % 16), bit)
              break
            case 'info':
              input.info = altered(info, at, bit)
              break
            case 'aad':
              input.aad = altered(aad, at, bit)
              break
            case 'privateKey':
              openWith = hpkeRecipientKey(generateKeyPairSync('x25519').privateKey)
              break
          }
          await assertRefused(
            () => hpkeBaseOpen(VAULT_HPKE_SUITE, openWith, input),
            'HPKE_OPEN_FAILED',
            plaintext.length >= 4 ? [Buffer.from(plaintext).toString('hex')] : [],
          )
        },
      ),
      { numRuns: 120 },
    )
  })

  it('enc not 32 bytes, a low-order enc (§7.1.4: all-zero DH output), or a ciphertext shorter than its tag → HPKE_OPEN_FAILED', async () => {
    const recipient = hpkeRecipientKey(generateKeyPairSync('x25519').privateKey)
    const { enc, ciphertext } = hpkeBaseSeal(VAULT_HPKE_SUITE, recipient.publicKey, {
      plaintext: Buffer.from('123456789018'),
      info: Buffer.alloc(0),
    })
    const info = Buffer.alloc(0)
    const cases: { enc: Uint8Array; ciphertext: Uint8Array }[] = [
      { enc: enc.subarray(0, 31), ciphertext },
      { enc: Buffer.concat([enc, Buffer.of(0)]), ciphertext },
      { enc: Buffer.alloc(0), ciphertext },
      ...LOW_ORDER_POINTS.map((point) => ({ enc: point, ciphertext })),
      { enc, ciphertext: ciphertext.subarray(0, 15) },
      { enc, ciphertext: Buffer.alloc(0) },
    ]
    for (const tampered of cases) {
      await assertRefused(
        () => hpkeBaseOpen(VAULT_HPKE_SUITE, recipient, { ...tampered, info }),
        'HPKE_OPEN_FAILED',
      )
    }
  })

  it('sealing to a public key that is not 32 bytes or is a low-order point → HPKE_KEY_INVALID', async () => {
    const input = { plaintext: Buffer.of(1), info: Buffer.alloc(0) }
    for (const publicKey of [Buffer.alloc(31), Buffer.alloc(33), Buffer.alloc(0), ...LOW_ORDER_POINTS]) {
      await assertRefused(() => hpkeBaseSeal(VAULT_HPKE_SUITE, publicKey, input), 'HPKE_KEY_INVALID')
    }
  })

  it('any KEM, KDF or AEAD but X25519, HKDF-SHA256 and AES-128/256-GCM is refused (ARGUMENT_INVALID)', async () => {
    const recipient = hpkeRecipientKey(x25519PrivateKey(A_1_1.skRm))
    const { enc, info, aad, ct } = A_1_1
    const others = [
      { ...A_1_1.suite, aead: 'ChaCha20Poly1305' },
      { ...A_1_1.suite, aead: 'Export-only' },
      { ...A_1_1.suite, aead: 'constructor' },
      { ...A_1_1.suite, kdf: 'HKDF-SHA512' },
      { ...A_1_1.suite, kem: 'DHKEM(P-256, HKDF-SHA256)' },
      { ...A_1_1.suite, kem: 'DHKEM(X448, HKDF-SHA512)' },
    ]
    for (const suite of others) {
      await assertRefused(
        () => hpkeBaseOpen(suite, recipient, { enc, info, aad, ciphertext: ct }),
        'ARGUMENT_INVALID',
      )
      await assertRefused(
        () => hpkeBaseSeal(suite, A_1_1.pkRm, { plaintext: A_1_1.pt, info }),
        'ARGUMENT_INVALID',
      )
    }
  })

  it('a recipient key must be an X25519 private KeyObject (ARGUMENT_INVALID otherwise)', async () => {
    const x25519 = generateKeyPairSync('x25519')
    for (const key of [x25519.publicKey, generateKeyPairSync('ed25519').privateKey]) {
      await assertRefused(() => hpkeRecipientKey(key), 'ARGUMENT_INVALID')
    }
  })
})

/** Any 32 bytes are an X25519 private key (RFC 7748 §5 clamps them). */
const arbitraryPrivateKey = fc.uint8Array({ minLength: 32, maxLength: 32 })

const arbitraryMessage = fc.record({
  plaintext: fc.uint8Array({ maxLength: 300 }),
  info: fc.uint8Array({ maxLength: 120 }),
  aad: fc.uint8Array({ maxLength: 64 }),
})

/**
 * X25519 public keys of small order (0, 1, the two points of order 8, p − 1, p, p + 1; the list
 * libsodium refuses): with any private key the shared secret is all zero. The sealing test shows
 * each one is refused.
 */
const LOW_ORDER_POINTS = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
  '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
].map(hex)

async function sealWithCore(pkRm: Uint8Array, plaintext: Uint8Array, info: Uint8Array, aad: Uint8Array) {
  const core = vaultHpkeSuite()
  const sealed = await core.seal(
    { recipientPublicKey: await core.kem.deserializePublicKey(pkRm), info },
    plaintext,
    aad,
  )
  return { enc: new Uint8Array(sealed.enc), ciphertext: new Uint8Array(sealed.ct) }
}

function x25519PrivateKey(raw: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.from(raw), format: 'raw-private', asymmetricKeyType: 'x25519' })
}

/** A copy with one bit flipped (`at` taken modulo the length); for empty bytes, one non-zero byte. */
function altered(bytes: Uint8Array, at: number, bit: number): Buffer {
  if (bytes.length === 0) {
    return Buffer.of(1 << bit)
  }
  const copy = Buffer.from(bytes)
  copy[at % copy.length]! ^= 1 << bit
  return copy
}

function hex(text: string): Buffer {
  return Buffer.from(text, 'hex')
}
