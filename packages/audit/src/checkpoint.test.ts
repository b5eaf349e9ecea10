import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { type Checkpoint, formatCheckpointBody, parseCheckpointBody, verifyCheckpoint } from './checkpoint.ts'
import { ed25519FromSeed } from './go-note-vectors.ts'
import { signNote, verifierKeyOf } from './sign-checkpoint.ts'

const FC = { seed: 2025, numRuns: 200 } as const
const ROOT_B64 = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8='
const ROOT = Uint8Array.from({ length: 32 }, (_, i) => i)

describe('checkpoint body (c2sp.org/tlog-checkpoint)', () => {
  it('is origin, size, base64 root and time, one per line', () => {
    const body = formatCheckpointBody({
      origin: 'mamori.example/server',
      treeSize: 0,
      rootHash: ROOT,
      time: 0,
    })
    assert.equal(body, `mamori.example/server\n0\n${ROOT_B64}\ntime 0\n`)
  })

  it('parses back exactly what it formats', () => {
    const checkpoint = fc.record(
      {
        origin: fc.stringMatching(/^[a-z0-9./_-]{1,40}$/),
        treeSize: fc.maxSafeNat(),
        rootHash: fc.uint8Array({ minLength: 32, maxLength: 32 }),
        time: fc.maxSafeNat(),
      },
      { noNullPrototype: true },
    )
    fc.assert(
      fc.property(checkpoint, (c: Checkpoint) => {
        assert.deepEqual(parseCheckpointBody(formatCheckpointBody(c)), c)
      }),
      FC,
    )
  })

  const malformed: [string, string][] = [
    ['a missing time line', `log\n1\n${ROOT_B64}\n`],
    ['an extra extension line', `log\n1\n${ROOT_B64}\ntime 5\nextra\n`],
    ['no final newline', `log\n1\n${ROOT_B64}\ntime 5`],
    ['an empty origin', `\n1\n${ROOT_B64}\ntime 5\n`],
    ['a space in the origin', `my log\n1\n${ROOT_B64}\ntime 5\n`],
    ['a leading zero in the size', `log\n01\n${ROOT_B64}\ntime 5\n`],
    ['a signed size', `log\n+1\n${ROOT_B64}\ntime 5\n`],
    ['a size past 2^53', `log\n9007199254740992\n${ROOT_B64}\ntime 5\n`],
    ['a size in another notation', `log\n1e3\n${ROOT_B64}\ntime 5\n`],
    ['a short root', `log\n1\nAAEC\ntime 5\n`],
    ['an unpadded root', `log\n1\n${ROOT_B64.slice(0, -1)}\ntime 5\n`],
    ['a root in base64url', `log\n1\n${'_'.repeat(43)}=\ntime 5\n`],
    ['a fractional time', `log\n1\n${ROOT_B64}\ntime 5.5\n`],
    ['a negative time', `log\n1\n${ROOT_B64}\ntime -5\n`],
    ['a misspelt time line', `log\n1\n${ROOT_B64}\ntimestamp 5\n`],
    ['two spaces in the time line', `log\n1\n${ROOT_B64}\ntime  5\n`],
  ]
  for (const [name, body] of malformed) {
    it(`refuses a body with ${name}`, () => {
      assert.throws(() => parseCheckpointBody(body), { code: 'CHECKPOINT_MALFORMED' })
    })
  }

  it('refuses to format fields out of range', () => {
    const good: Checkpoint = { origin: 'log', treeSize: 1, rootHash: ROOT, time: 1 }
    for (const bad of [
      { ...good, origin: 'a b' },
      { ...good, treeSize: -1 },
      { ...good, treeSize: 1.5 },
      { ...good, time: 2 ** 53 },
      { ...good, rootHash: new Uint8Array(31) },
    ]) {
      assert.throws(() => formatCheckpointBody(bad), { code: 'ARGUMENT_INVALID' })
    }
  })
})

describe('verifyCheckpoint', () => {
  const signer = { name: 'mamori.example/vault', privateKey: ed25519FromSeed(new Uint8Array(32).fill(1)) }
  const key = verifierKeyOf(signer)

  it('checks the signature before reading the body', async () => {
    const note = await signNote('not a checkpoint\n', signer)
    await assert.rejects(verifyCheckpoint(note, key), { code: 'CHECKPOINT_MALFORMED' })
    const unsigned = `mamori.example/vault\n1\n${ROOT_B64}\ntime 1\n\n— mamori.example/vault AAAAAAAA\n`
    await assert.rejects(verifyCheckpoint(unsigned, key), { code: 'CHECKPOINT_SIGNATURE_INVALID' })
  })

  it('refuses a checkpoint of another log signed with the same key name', async () => {
    const body = formatCheckpointBody({
      origin: 'mamori.example/server',
      treeSize: 1,
      rootHash: ROOT,
      time: 1,
    })
    await assert.rejects(verifyCheckpoint(await signNote(body, signer), key), {
      code: 'CHECKPOINT_ORIGIN_MISMATCH',
    })
  })
})
