import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import {
  CT_CONSISTENCY_PROOFS,
  CT_INCLUSION_PROOFS,
  CT_LEAVES,
  CT_ROOTS,
  fromHex,
} from './ct-test-vectors.ts'
import { consistencyProof, inclusionProof, leafHash, rootOf } from './merkle.ts'
import {
  emptyRoot,
  leafHashOf,
  rootFromInclusionProof,
  verifyConsistencyProof,
  verifyInclusionProof,
} from './verify-proof.ts'

const FC = { seed: 6962, numRuns: 60 } as const

const CT_LEAF_HASHES = CT_LEAVES.map(leafHash)
const root = (n: number) => fromHex(CT_ROOTS[n]!)
/** transparency-dev/merkle's "sha256SomeHash": a well-formed hash that is nobody's root. */
const SOME_HASH = fromHex('abacaba000000000000000000000000000000000000000000060061e00123456')

const INCLUSION_INVALID = { code: 'INCLUSION_PROOF_INVALID' }
const CONSISTENCY_INVALID = { code: 'CONSISTENCY_PROOF_INVALID' }
const MALFORMED = { code: 'PROOF_MALFORMED' }

function flipBit(proof: readonly Uint8Array[], i: number, mask: number): Uint8Array[] {
  return proof.map((p, j) => (j === i ? Uint8Array.from(p, (b, k) => (k === 0 ? b ^ mask : b)) : p))
}

describe('inclusion proofs (RFC 9162 §2.1.3.2)', () => {
  it('the browser leaf hash agrees with the server’s', async () => {
    for (const entry of CT_LEAVES) assert.deepEqual(await leafHashOf(entry), leafHash(entry))
    assert.deepEqual(await emptyRoot(), root(0))
  })

  for (const v of CT_INCLUSION_PROOFS) {
    const proof = v.proof.map(fromHex)
    const leaf = CT_LEAF_HASHES[v.index]!
    const good = root(v.size)

    it(`published proof for leaf ${v.index} of ${v.size} leads to the published root`, async () => {
      assert.deepEqual(await rootFromInclusionProof(v.index, v.size, leaf, proof), good)
      await verifyInclusionProof(v.index, v.size, leaf, proof, good)
    })

    // The corruptions of transparency-dev/merkle proof/verify_test.go corruptInclusionProof.
    it(`every corruption of the proof for leaf ${v.index} of ${v.size} fails`, async () => {
      const probes: [number, number, Uint8Array, Uint8Array[], Uint8Array][] = [
        [v.index + 1, v.size, leaf, proof, good],
        [v.index ^ 2, v.size, leaf, proof, good],
        [v.index, v.size * 2, leaf, proof, good],
        [v.index, Math.floor(v.size / 2), leaf, proof, good],
        [v.index, v.size, CT_LEAF_HASHES[(v.index + 1) % 8]!, proof, good],
        [v.index, v.size, leaf, proof, root(0)],
        [v.index, v.size, leaf, proof, SOME_HASH],
        [v.index, v.size, leaf, [...proof, good], good],
        [v.index, v.size, leaf, [good, ...proof], good],
      ]
      if (v.index > 0) probes.push([v.index - 1, v.size, leaf, proof, good])
      if (proof.length > 0) probes.push([v.index, v.size, leaf, proof.slice(0, -1), good])
      if (proof.length > 1)
        probes.push([v.index, v.size, leaf, [proof[0]!, SOME_HASH, ...proof.slice(1)], good])
      for (let i = 0; i < proof.length; i++) probes.push([v.index, v.size, leaf, flipBit(proof, i, 8), good])
      for (const [index, size, l, p, r] of probes) {
        await assert.rejects(verifyInclusionProof(index, size, l, p, r), (e: { code: string }) =>
          ['INCLUSION_PROOF_INVALID', 'PROOF_MALFORMED'].includes(e.code),
        )
      }
    })
  }

  it('trailing or preceding garbage that is not a hash is malformed', async () => {
    const proof = CT_INCLUSION_PROOFS[1]!.proof.map(fromHex)
    await assert.rejects(
      verifyInclusionProof(0, 8, CT_LEAF_HASHES[0]!, [...proof, new Uint8Array(0)], root(8)),
      MALFORMED,
    )
    await assert.rejects(
      verifyInclusionProof(0, 8, CT_LEAF_HASHES[0]!, [new Uint8Array(0), ...proof], root(8)),
      MALFORMED,
    )
  })

  it('no leaf is in an empty tree, nor past its end', async () => {
    for (const [index, size] of [
      [0, 0],
      [1, 0],
      [2, 1],
    ] as const) {
      await assert.rejects(verifyInclusionProof(index, size, SOME_HASH, [], root(0)), INCLUSION_INVALID)
    }
  })

  it('a single-leaf tree’s root is its leaf hash, with an empty proof', async () => {
    const h = await leafHashOf(new TextEncoder().encode('data'))
    await verifyInclusionProof(0, 1, h, [], h)
    await assert.rejects(verifyInclusionProof(0, 1, h, [], SOME_HASH), INCLUSION_INVALID)
    await assert.rejects(verifyInclusionProof(0, 1, new Uint8Array(0), [], h), MALFORMED)
  })

  it('refuses sizes that are not non-negative safe integers, and overlong proofs', async () => {
    const h = CT_LEAF_HASHES[0]!
    for (const [index, size] of [
      [-1, 8],
      [0.5, 8],
      [0, 2 ** 53],
      [0, Number.NaN],
    ] as const) {
      await assert.rejects(verifyInclusionProof(index, size, h, [], h), MALFORMED)
    }
    await assert.rejects(verifyInclusionProof(0, 8, h, Array(129).fill(h), h), MALFORMED)
  })

  it('every leaf of every random tree verifies, and no tampering with it does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 300 })
          .chain((size) => fc.tuple(fc.constant(size), fc.nat(size - 1), fc.nat())),
        async ([size, index, salt]) => {
          // Twice the tree's leaves, so that other sizes' true roots are at hand.
          const all = Array.from({ length: 2 * size }, (_, i) =>
            leafHash(Uint8Array.of(i % 256, i >> 8, salt % 256)),
          )
          const hashes = all.slice(0, size)
          const rootHash = rootOf(hashes)
          const proof = inclusionProof(index, size, hashes)
          await verifyInclusionProof(index, size, hashes[index]!, proof, rootHash)

          const rejects = (p: Promise<void>) =>
            assert.rejects(p, (e: { code: string }) =>
              ['INCLUSION_PROOF_INVALID', 'PROOF_MALFORMED'].includes(e.code),
            )
          const other = (index + 1 + (salt % (size > 1 ? size - 1 : 1))) % size
          if (other !== index)
            await rejects(verifyInclusionProof(other, size, hashes[index]!, proof, rootHash))
          // Sizes are bound to roots by the checkpoint, so a wrong size is tried with its own root.
          for (const wrong of [size + 1, 2 * size, size - 1]) {
            if (wrong > index) {
              await rejects(
                verifyInclusionProof(index, wrong, hashes[index]!, proof, rootOf(all.slice(0, wrong))),
              )
            }
          }
          if (proof.length > 0) {
            const i = salt % proof.length
            await rejects(
              verifyInclusionProof(index, size, hashes[index]!, flipBit(proof, i, 1 << (salt % 8)), rootHash),
            )
            await rejects(verifyInclusionProof(index, size, hashes[index]!, proof.slice(0, -1), rootHash))
          }
          const leaf = hashes[index]!.slice()
          leaf[salt % 32]! ^= 1 << (salt % 8)
          await rejects(verifyInclusionProof(index, size, leaf, proof, rootHash))
        },
      ),
      FC,
    )
  })
})

describe('consistency proofs (RFC 9162 §2.1.4.2)', () => {
  for (const v of CT_CONSISTENCY_PROOFS) {
    const proof = v.proof.map(fromHex)
    const [root1, root2] = [root(v.oldSize), root(v.newSize)]

    it(`published proof ${v.oldSize} → ${v.newSize} links the published roots`, async () => {
      await verifyConsistencyProof(v.oldSize, v.newSize, root1, root2, proof)
    })

    if (proof.length === 0) continue
    // The corruptions of transparency-dev/merkle proof/verify_test.go corruptConsistencyProof.
    it(`every corruption of the proof ${v.oldSize} → ${v.newSize} fails`, async () => {
      const probes: [number, number, Uint8Array, Uint8Array, Uint8Array[]][] = [
        [v.oldSize - 1, v.newSize, root1, root2, proof],
        [v.oldSize + 1, v.newSize, root1, root2, proof],
        [v.oldSize ^ 2, v.newSize, root1, root2, proof],
        [v.oldSize, v.newSize * 2, root1, root2, proof],
        [v.oldSize, Math.floor(v.newSize / 2), root1, root2, proof],
        [v.oldSize, v.newSize, SOME_HASH, root2, proof],
        [v.oldSize, v.newSize, root1, SOME_HASH, proof],
        [v.oldSize, v.newSize, root2, root1, proof],
        [v.oldSize, v.newSize, root1, root2, []],
        [v.oldSize, v.newSize, root1, root2, [...proof, root1]],
        [v.oldSize, v.newSize, root1, root2, [...proof, root2]],
        [v.oldSize, v.newSize, root1, root2, [root1, ...proof]],
        [v.oldSize, v.newSize, root1, root2, [root2, ...proof]],
        [v.oldSize, v.newSize, root1, root2, [proof[0]!, ...proof]],
        [v.oldSize, v.newSize, root1, root2, proof.slice(0, -1)],
      ]
      for (let i = 0; i < proof.length; i++)
        probes.push([v.oldSize, v.newSize, root1, root2, flipBit(proof, i, 16)])
      for (const [m, n, r1, r2, p] of probes) {
        await assert.rejects(verifyConsistencyProof(m, n, r1, r2, p), CONSISTENCY_INVALID, `${m} → ${n}`)
      }
    })
  }

  // transparency-dev/merkle proof/verify_test.go TestVerifyConsistency, with real hashes for
  // its "don't care" roots, and stricter in one place: an empty old tree must have the empty root.
  it('edge sizes: equal sizes need equal roots and no proof; an empty tree needs no proof', async () => {
    const [r0, r1, r2] = [root(0), root(1), root(2)]
    await verifyConsistencyProof(0, 0, r0, r0, [])
    await verifyConsistencyProof(0, 1, r0, r1, [])
    await verifyConsistencyProof(1, 1, r1, r1, [])
    await assert.rejects(verifyConsistencyProof(0, 1, SOME_HASH, r1, []), CONSISTENCY_INVALID)
    await assert.rejects(verifyConsistencyProof(1, 1, r1, r2, []), CONSISTENCY_INVALID)
    await assert.rejects(verifyConsistencyProof(1, 0, r1, r0, []), CONSISTENCY_INVALID)
    await assert.rejects(verifyConsistencyProof(2, 1, r2, r1, []), CONSISTENCY_INVALID)
    await assert.rejects(verifyConsistencyProof(1, 2, r1, r2, []), CONSISTENCY_INVALID)
    await assert.rejects(verifyConsistencyProof(0, 0, r0, r0, [r0]), CONSISTENCY_INVALID)
    await assert.rejects(verifyConsistencyProof(0, 1, r0, r1, [r0]), CONSISTENCY_INVALID)
    await assert.rejects(verifyConsistencyProof(1, 1, r1, r1, [r1]), CONSISTENCY_INVALID)
  })

  it('every pair of sizes of every random tree is consistent, and no tampering is', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 300 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n), fc.nat())),
        async ([m, n, salt]) => {
          const all = Array.from({ length: n + 1 }, (_, i) =>
            leafHash(Uint8Array.of(i % 256, i >> 8, salt % 256)),
          )
          const hashes = all.slice(0, n)
          const rootAt = (size: number) => rootOf(all.slice(0, size))
          const [oldRoot, newRoot] = [rootAt(m), rootAt(n)]
          const proof = consistencyProof(m, n, hashes)
          await verifyConsistencyProof(m, n, oldRoot, newRoot, proof)

          const rejects = (p: Promise<void>) =>
            assert.rejects(p, (e: { code: string }) =>
              ['CONSISTENCY_PROOF_INVALID', 'PROOF_MALFORMED'].includes(e.code),
            )
          if (m > 0 && m < n) {
            // Sizes are bound to roots by the checkpoints, so wrong sizes are tried with their own roots.
            await rejects(verifyConsistencyProof(m - 1, n, rootAt(m - 1), newRoot, proof))
            await rejects(verifyConsistencyProof(m + 1, n, rootAt(m + 1), newRoot, proof))
            await rejects(verifyConsistencyProof(m, n + 1, oldRoot, rootAt(n + 1), proof))
            const i = salt % proof.length
            await rejects(verifyConsistencyProof(m, n, oldRoot, newRoot, flipBit(proof, i, 1 << (salt % 8))))
            await rejects(verifyConsistencyProof(m, n, oldRoot, newRoot, proof.slice(0, -1)))
            // A log that changed one old entry: the new root no longer extends the old one.
            const forged = hashes.slice()
            forged[salt % m] = leafHash(Uint8Array.of(0xff, 0xff, 0xff, 0xff))
            await rejects(
              verifyConsistencyProof(m, n, oldRoot, rootOf(forged), consistencyProof(m, n, forged)),
            )
          }
          if (m < n) await rejects(verifyConsistencyProof(n, m, newRoot, oldRoot, proof))
        },
      ),
      FC,
    )
  })
})
