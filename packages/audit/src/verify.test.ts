import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { encodeEntry } from './entry-encoding.ts'
import { ed25519FromSeed } from './go-note-vectors.ts'
import { consistencyProof, inclusionProof, leafHash, rootOf } from './merkle.ts'
import { signCheckpoint, verifierKeyOf } from './sign-checkpoint.ts'
import { verifyConsistency, verifyInclusion } from './verify.ts'

const FC = { seed: 5, numRuns: 60 } as const
const ORIGIN = 'mamori.example/vault'
const signer = { name: ORIGIN, privateKey: ed25519FromSeed(new Uint8Array(32).fill(3)) }
const key = verifierKeyOf(signer)
const intruder = { name: ORIGIN, privateKey: ed25519FromSeed(new Uint8Array(32).fill(4)) }

function entries(n: number, tag = 'NUMBER_READ'): Uint8Array[] {
  return Array.from({ length: n }, (_, i) =>
    encodeEntry({
      type: tag,
      officeId: 'o_1',
      actorId: `u_${i % 3}`,
      subjectId: `e_${i}`,
      at: 1_735_689_600_000 + i,
    }),
  )
}

function checkpointOf(leafHashes: readonly Uint8Array[], size: number, who = signer): Promise<string> {
  return signCheckpoint(
    {
      origin: ORIGIN,
      treeSize: size,
      rootHash: rootOf(leafHashes.slice(0, size)),
      time: 1_735_689_600 + size,
    },
    who,
  )
}

const log = entries(50)
const hashes = log.map(leafHash)
const head = await checkpointOf(hashes, 50)
const older = await checkpointOf(hashes, 20)

describe('verifyInclusion', () => {
  it('an entry of the log verifies against the signed checkpoint', async () => {
    const result = await verifyInclusion({
      entry: log[17]!,
      index: 17,
      treeSize: 50,
      proof: inclusionProof(17, 50, hashes),
      checkpoint: head,
      key,
    })
    assert.ok(result.ok)
    assert.equal(result.value.checkpoint.treeSize, 50)
    assert.deepEqual(result.value.leafHash, hashes[17])
  })

  it('a leaf hash verifies in place of the entry', async () => {
    const result = await verifyInclusion({
      leafHash: hashes[0]!,
      index: 0,
      treeSize: 50,
      proof: inclusionProof(0, 50, hashes),
      checkpoint: head,
      key,
    })
    assert.ok(result.ok)
  })

  it('names what is wrong: changed entry, wrong index, other size, other key', async () => {
    const claim = {
      entry: log[17]!,
      index: 17,
      treeSize: 50,
      proof: inclusionProof(17, 50, hashes),
      checkpoint: head,
      key,
    }
    const changed = log[17]!.slice()
    changed[20]! ^= 1
    const cases: [string, Parameters<typeof verifyInclusion>[0]][] = [
      ['INCLUSION_PROOF_INVALID', { ...claim, entry: changed }],
      ['INCLUSION_PROOF_INVALID', { ...claim, index: 16 }],
      ['INCLUSION_PROOF_INVALID', { ...claim, index: 50 }],
      ['CHECKPOINT_SIZE_MISMATCH', { ...claim, treeSize: 49 }],
      ['CHECKPOINT_SIGNATURE_INVALID', { ...claim, key: verifierKeyOf(intruder) }],
      ['CHECKPOINT_MALFORMED', { ...claim, checkpoint: head.replace('\n\n', '\n') }],
      ['PROOF_MALFORMED', { ...claim, proof: [new Uint8Array(3)] }],
    ]
    for (const [code, c] of cases) {
      const result = await verifyInclusion(c)
      assert.equal(result.ok ? 'ok' : result.error.code, code)
      if (!result.ok) assert.ok(result.error.messageJa.length > 0)
    }
  })

  it('needs exactly one of entry and leaf hash', async () => {
    const base = { index: 0, treeSize: 50, proof: inclusionProof(0, 50, hashes), checkpoint: head, key }
    const both = { ...base, entry: log[0]!, leafHash: hashes[0]! } as unknown as Parameters<
      typeof verifyInclusion
    >[0]
    const neither = base as unknown as Parameters<typeof verifyInclusion>[0]
    for (const claim of [both, neither]) {
      const result = await verifyInclusion(claim)
      assert.equal(result.ok ? 'ok' : result.error.code, 'ARGUMENT_INVALID')
    }
  })

  it('a rewritten log cannot prove its entries against the real checkpoint, nor sign its own', async () => {
    const forged = log.slice()
    forged[3] = encodeEntry({ type: 'NUMBER_READ', officeId: 'o_1', actorId: 'u_0', subjectId: 'e_x', at: 0 })
    const forgedHashes = forged.map(leafHash)
    const claim = {
      entry: forged[3]!,
      index: 3,
      treeSize: 50,
      proof: inclusionProof(3, 50, forgedHashes),
      key,
    }
    const unsigned = await verifyInclusion({ ...claim, checkpoint: head })
    assert.equal(unsigned.ok ? 'ok' : unsigned.error.code, 'INCLUSION_PROOF_INVALID')
    const selfSigned = await verifyInclusion({
      ...claim,
      checkpoint: await checkpointOf(forgedHashes, 50, intruder),
    })
    assert.equal(selfSigned.ok ? 'ok' : selfSigned.error.code, 'CHECKPOINT_SIGNATURE_INVALID')
  })
})

describe('verifyConsistency', () => {
  it('the newer checkpoint extends the older one', async () => {
    const result = await verifyConsistency(older, head, consistencyProof(20, 50, hashes), key)
    assert.ok(result.ok)
    assert.equal(result.value.older.treeSize, 20)
    assert.equal(result.value.newer.treeSize, 50)
    assert.ok((await verifyConsistency(head, head, [], key)).ok)
  })

  it('a rollback is named as such', async () => {
    const result = await verifyConsistency(head, older, consistencyProof(20, 50, hashes), key)
    assert.equal(result.ok ? 'ok' : result.error.code, 'CHECKPOINT_SIZE_DECREASED')
  })

  it('a fork that changed an old entry, even signed with the real key, is inconsistent', async () => {
    const forged = hashes.slice()
    forged[5] = leafHash(encodeEntry({ type: 'NUMBER_DELETED', subjectId: 'e_5' }))
    const forkHead = await checkpointOf(forged, 50)
    const result = await verifyConsistency(older, forkHead, consistencyProof(20, 50, forged), key)
    assert.equal(result.ok ? 'ok' : result.error.code, 'CONSISTENCY_PROOF_INVALID')
  })

  it('checkpoints of another key are refused', async () => {
    const result = await verifyConsistency(
      older,
      head,
      consistencyProof(20, 50, hashes),
      verifierKeyOf(intruder),
    )
    assert.equal(result.ok ? 'ok' : result.error.code, 'CHECKPOINT_SIGNATURE_INVALID')
  })

  it('random logs: every entry and every older checkpoint verify, and a flipped proof bit never does', async () => {
    const all = entries(64, 'RANDOM').map(leafHash)
    const heads = new Map<number, string>()
    const headAt = async (n: number) => heads.get(n) ?? heads.set(n, await checkpointOf(all, n)).get(n)!
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 64 })
          .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n }), fc.nat(n - 1), fc.nat())),
        async ([n, m, index, bit]) => {
          const newer = await headAt(n)
          const inclusion = inclusionProof(index, n, all)
          const consistency = consistencyProof(m, n, all)
          const claim = {
            leafHash: all[index]!,
            index,
            treeSize: n,
            proof: inclusion,
            checkpoint: newer,
            key,
          }
          assert.ok((await verifyInclusion(claim)).ok)
          assert.ok((await verifyConsistency(await headAt(m), newer, consistency, key)).ok)
          const flip = (proof: Uint8Array[]) =>
            proof.map((p, i) =>
              i === bit % proof.length ? p.map((b, j) => (j === bit % 32 ? b ^ 1 : b)) : p,
            )
          if (inclusion.length > 0)
            assert.equal((await verifyInclusion({ ...claim, proof: flip(inclusion) })).ok, false)
          if (consistency.length > 0) {
            assert.equal((await verifyConsistency(await headAt(m), newer, flip(consistency), key)).ok, false)
          }
        },
      ),
      FC,
    )
  })
})
