import assert from 'node:assert/strict'
import { generateKeyPairSync } from 'node:crypto'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { type Checkpoint, verifyCheckpoint } from './checkpoint.ts'
import { ed25519FromSeed, GO_TEXT, PETER_SIG, PETER_VERIFIER_KEY, peterSigner } from './go-note-vectors.ts'
import { signCheckpoint, signNote, verifierKeyOf } from './sign-checkpoint.ts'
import { formatVerifierKey } from './signed-note.ts'

const FC = { seed: 8032, numRuns: 150 } as const

const signer = { name: 'mamori.example/vault', privateKey: ed25519FromSeed(new Uint8Array(32).fill(7)) }
const checkpoint: Checkpoint = {
  origin: 'mamori.example/vault',
  treeSize: 1_234_567,
  rootHash: Uint8Array.from({ length: 32 }, (_, i) => i),
  time: 1_735_689_600,
}

describe('signing checkpoints', () => {
  // Ed25519 is deterministic (RFC 8032 §5.1.6), so the same key and text give Go's exact bytes.
  it('signs Go’s note byte for byte as golang.org/x/mod sumdb/note does', async () => {
    assert.equal(await signNote(GO_TEXT, peterSigner()), `${GO_TEXT}\n${PETER_SIG}`)
    assert.equal(await formatVerifierKey(verifierKeyOf(peterSigner())), PETER_VERIFIER_KEY)
  })

  it('a signed checkpoint verifies with the signer’s public key and reads back the same', async () => {
    const note = await signCheckpoint(checkpoint, signer)
    assert.deepEqual(await verifyCheckpoint(note, verifierKeyOf(signer)), checkpoint)
    assert.match(
      note,
      /^mamori\.example\/vault\n1234567\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\ntime 1735689600\n\n— mamori\.example\/vault [A-Za-z0-9+/]{91}=\n$/,
    )
  })

  it('any changed character of a signed checkpoint makes it fail', async () => {
    const note = await signCheckpoint(checkpoint, signer)
    const key = verifierKeyOf(signer)
    await fc.assert(
      fc.asyncProperty(fc.nat(note.length - 1), fc.integer({ min: 1, max: 0xffff }), async (at, delta) => {
        const code = (note.charCodeAt(at) + delta) % 0x10000
        const tampered = note.slice(0, at) + String.fromCharCode(code) + note.slice(at + 1)
        await assert.rejects(verifyCheckpoint(tampered, key), (e: { code: string }) =>
          e.code.startsWith('CHECKPOINT_'),
        )
      }),
      FC,
    )
  })

  it('a checkpoint signed by another key does not verify', async () => {
    const other = { name: signer.name, privateKey: ed25519FromSeed(new Uint8Array(32).fill(8)) }
    const note = await signCheckpoint(checkpoint, other)
    await assert.rejects(verifyCheckpoint(note, verifierKeyOf(signer)), {
      code: 'CHECKPOINT_SIGNATURE_INVALID',
    })
  })

  it('refuses to sign with a key that is not a private Ed25519 key, or for another origin', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    await assert.rejects(signCheckpoint(checkpoint, { name: signer.name, privateKey }), {
      code: 'ARGUMENT_INVALID',
    })
    const ed = generateKeyPairSync('ed25519')
    await assert.rejects(signCheckpoint(checkpoint, { name: signer.name, privateKey: ed.publicKey }), {
      code: 'ARGUMENT_INVALID',
    })
    await assert.rejects(signCheckpoint({ ...checkpoint, origin: 'mamori.example/server' }, signer), {
      code: 'ARGUMENT_INVALID',
      field: 'origin',
    })
  })

  it('refuses to sign text our verifier would not read back', async () => {
    for (const text of ['no newline', 'a\rb\n', '\ud800\n']) {
      await assert.rejects(
        signNote(text, signer),
        { code: 'ARGUMENT_INVALID', field: 'text' },
        JSON.stringify(text),
      )
    }
  })
})
