import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import {
  CT_CONSISTENCY_PROOFS,
  CT_INCLUSION_PROOFS,
  CT_LEAVES,
  CT_ROOTS,
  fromHex,
  toHex,
} from './ct-test-vectors.ts'
import { AuditError } from './errors.ts'
import {
  consistencyProof,
  consistencyProofRanges,
  inclusionProof,
  inclusionProofRanges,
  leafHash,
  MerkleFrontier,
  nodeHash,
  rootOf,
  splitPoint,
  subtreeRoot,
} from './merkle.ts'

const FC = { seed: 9162, numRuns: 200 } as const

const CT_LEAF_HASHES = CT_LEAVES.map(leafHash)

/** RFC 9162 §2.1.1 transcribed literally, recursion and all: the oracle for the fast code. */
function referenceMth(leaves: readonly Uint8Array[]): Uint8Array {
  const sha = (...parts: Uint8Array[]) => {
    const h = createHash('sha256')
    for (const p of parts) h.update(p)
    return new Uint8Array(h.digest())
  }
  if (leaves.length === 0) return sha()
  if (leaves.length === 1) return sha(Uint8Array.of(0), leaves[0]!)
  let k = 1
  while (k * 2 < leaves.length) k *= 2
  return sha(Uint8Array.of(1), referenceMth(leaves.slice(0, k)), referenceMth(leaves.slice(k)))
}

function syntheticLeafHashes(n: number): Uint8Array[] {
  return Array.from({ length: n }, (_, i) => leafHash(new TextEncoder().encode(`entry ${i}`)))
}

describe('RFC 9162 hashing', () => {
  it('roots of the CT reference tree match the published roots for sizes 0..8', () => {
    for (let n = 0; n <= CT_LEAVES.length; n++) {
      assert.equal(toHex(rootOf(CT_LEAF_HASHES.slice(0, n))), CT_ROOTS[n], `size ${n}`)
    }
  })

  it('leaf hash of the empty entry is SHA-256(0x00), the published size-1 root', () => {
    assert.equal(toHex(leafHash(new Uint8Array(0))), CT_ROOTS[1])
  })

  it('node hash is SHA-256(0x01 || left || right)', () => {
    const [a, b] = [CT_LEAF_HASHES[0]!, CT_LEAF_HASHES[1]!]
    assert.equal(toHex(nodeHash(a, b)), CT_ROOTS[2])
  })

  it('leaf hashes of entries longer than the reused buffer are still right', () => {
    const big = new Uint8Array(5000).fill(7)
    assert.deepEqual(leafHash(big), referenceMth([big]))
    assert.deepEqual(leafHash(Uint8Array.of(1)), referenceMth([Uint8Array.of(1)]))
  })

  it('node hash refuses hashes that are not 32 bytes', () => {
    assert.throws(() => nodeHash(new Uint8Array(31), new Uint8Array(32)), { code: 'ARGUMENT_INVALID' })
  })

  it('the root agrees with the literal recursive MTH for every size up to 70', () => {
    const leaves = Array.from({ length: 70 }, (_, i) => Uint8Array.of(i, i >> 3))
    const hashes = leaves.map(leafHash)
    for (let n = 0; n <= leaves.length; n++) {
      assert.deepEqual(rootOf(hashes.slice(0, n)), referenceMth(leaves.slice(0, n)), `size ${n}`)
    }
  })

  it('splitPoint is the largest power of two smaller than n', () => {
    assert.deepEqual([2, 3, 4, 5, 8, 9, 2 ** 40 + 1].map(splitPoint), [1, 2, 2, 4, 4, 8, 2 ** 40])
    assert.throws(() => splitPoint(1), AuditError)
  })
})

describe('MerkleFrontier', () => {
  it('after each append its root is the root of all leaves so far', () => {
    const hashes = syntheticLeafHashes(40)
    const frontier = new MerkleFrontier()
    assert.deepEqual(frontier.root(), rootOf([]))
    hashes.forEach((h, i) => {
      frontier.append(h)
      assert.equal(frontier.size, i + 1)
      assert.deepEqual(frontier.root(), rootOf(hashes.slice(0, i + 1)))
    })
  })

  it('keeps one hash per set bit of its size', () => {
    const frontier = new MerkleFrontier()
    for (const h of syntheticLeafHashes(13)) frontier.append(h)
    assert.equal(frontier.hashes().length, 3)
  })

  it('restored from its hashes, continues as if never stopped', () => {
    const hashes = syntheticLeafHashes(23)
    const first = new MerkleFrontier()
    for (const h of hashes.slice(0, 11)) first.append(h)
    const resumed = MerkleFrontier.restore(first.size, first.hashes())
    for (const h of hashes.slice(11)) resumed.append(h)
    assert.deepEqual(resumed.root(), rootOf(hashes))
  })

  it('restore refuses a hash count that does not fit the size', () => {
    const h = new Uint8Array(32)
    assert.throws(() => MerkleFrontier.restore(3, [h]), { code: 'ARGUMENT_INVALID', field: 'hashes' })
    assert.throws(() => MerkleFrontier.restore(-1, []), { code: 'ARGUMENT_INVALID', field: 'size' })
  })

  it('callers cannot alter its state through what it returns', () => {
    const frontier = new MerkleFrontier()
    frontier.append(CT_LEAF_HASHES[0]!)
    frontier.root().fill(0)
    frontier.hashes()[0]!.fill(0)
    assert.equal(toHex(frontier.root()), CT_ROOTS[1])
  })
})

describe('proof generation (RFC 9162 §2.1.3.1, §2.1.4.1)', () => {
  for (const v of CT_INCLUSION_PROOFS) {
    it(`inclusion proof for leaf ${v.index} of ${v.size} matches the published one`, () => {
      assert.deepEqual(inclusionProof(v.index, v.size, CT_LEAF_HASHES).map(toHex), v.proof)
    })
  }

  for (const v of CT_CONSISTENCY_PROOFS) {
    it(`consistency proof ${v.oldSize} → ${v.newSize} matches the published one`, () => {
      assert.deepEqual(consistencyProof(v.oldSize, v.newSize, CT_LEAF_HASHES).map(toHex), v.proof)
    })
  }

  it('the inclusion path’s subtrees and the leaf partition the tree', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 40 }).chain((size) => fc.tuple(fc.constant(size), fc.nat(size - 1))),
        ([size, index]) => {
          const ranges = [...inclusionProofRanges(index, size), { start: index, end: index + 1 }]
          ranges.sort((a, b) => a.start - b.start)
          assert.equal(ranges[0]!.start, 0)
          assert.equal(ranges.at(-1)!.end, size)
          for (let i = 1; i < ranges.length; i++) assert.equal(ranges[i]!.start, ranges[i - 1]!.end)
          assert.ok(ranges.length <= 41)
        },
      ),
      FC,
    )
  })

  it('a consistency proof names subtrees of the new tree only', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 2 ** 40 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([m, n]) => {
          for (const r of consistencyProofRanges(m, n))
            assert.ok(0 <= r.start && r.start < r.end && r.end <= n)
          if (m === 0 || m === n) assert.deepEqual(consistencyProofRanges(m, n), [])
        },
      ),
      FC,
    )
  })

  it('refuses an index outside the tree and an old size beyond the new', () => {
    assert.throws(() => inclusionProofRanges(3, 3), { code: 'ARGUMENT_INVALID', field: 'index' })
    assert.throws(() => inclusionProofRanges(0, 0), { code: 'ARGUMENT_INVALID', field: 'index' })
    assert.throws(() => consistencyProofRanges(4, 3), { code: 'ARGUMENT_INVALID', field: 'oldSize' })
    assert.throws(() => subtreeRoot(CT_LEAF_HASHES, 0, 9), { code: 'ARGUMENT_INVALID', field: 'range' })
  })

  it('subtree roots are the roots of those leaves alone', () => {
    const hashes = syntheticLeafHashes(20)
    assert.deepEqual(subtreeRoot(hashes, 4, 13), rootOf(hashes.slice(4, 13)))
    assert.deepEqual(subtreeRoot(CT_LEAF_HASHES, 4, 6), fromHex(CT_CONSISTENCY_PROOFS[2]!.proof[0]!))
  })
})
