import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { leafHash, MerkleFrontier } from './merkle.ts'
import { TreeAppender } from './tree-appender.ts'
import { VerifierTree } from './verifier-tree.ts'

const binary = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1')

test('roots, frontier and completed stored-level nodes are those of MerkleFrontier and TreeAppender', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 300 }), fc.nat(), (size, salt) => {
      const frontier = new MerkleFrontier()
      const appender = new TreeAppender(0, [])
      const tree = new VerifierTree()
      assert.equal(tree.root(), binary(frontier.root()))
      for (let i = 0; i < size; i++) {
        const leaf = leafHash(new TextEncoder().encode(`entry ${salt} ${i}`))
        frontier.append(leaf)
        appender.append(leaf)
        tree.append(binary(leaf))
        assert.deepEqual(
          tree.takeCompleted(),
          appender.takeCompleted().map((n) => ({ ...n, hash: binary(n.hash) })),
        )
        assert.equal(tree.root(), binary(frontier.root()), `size ${i + 1}`)
      }
      assert.equal(tree.size, size)
      assert.equal(tree.frontier(), binary(Buffer.concat(frontier.hashes())))
    }),
    { seed: 9162, numRuns: 40 },
  )
})

test('batches of 2^k leaves folded apart and joined by their frontiers give the tree leaf by leaf', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 300 }),
      fc.integer({ min: 0, max: 6 }),
      fc.nat(),
      (size, k, salt) => {
        const width = 2 ** k
        const leaves = Array.from({ length: size }, (_, i) =>
          binary(leafHash(new TextEncoder().encode(`entry ${salt} ${i}`))),
        )
        const reference = new VerifierTree()
        const joined = new VerifierTree()
        for (let from = 0; from < size; from += width) {
          const batch = new VerifierTree()
          for (let i = from; i < Math.min(from + width, size); i++) {
            reference.append(leaves[i]!)
            batch.append(leaves[i]!)
            assert.equal(joined.rootAfter(batch.hashes()), reference.root(), `size ${i + 1}`)
          }
          const expected = reference.takeCompleted()
          const inside = batch.takeCompleted().map((n) => ({ ...n, index: n.index + from / 2 ** n.level }))
          const count = batch.size
          let f = 0
          for (let level = 31; level >= 0; level--) {
            if ((count >>> level) & 1) joined.appendSubtree(batch.hashes()[f++]!, level)
          }
          assert.deepEqual([...inside, ...joined.takeCompleted()], expected)
        }
        assert.equal(joined.size, size)
        assert.equal(joined.root(), reference.root())
        assert.equal(joined.frontier(), reference.frontier())
      },
    ),
    { seed: 4, numRuns: 60 },
  )
})

test('a subtree that does not start at a multiple of its width is refused', () => {
  const tree = new VerifierTree()
  tree.append('\0'.repeat(32))
  assert.throws(() => tree.appendSubtree('\0'.repeat(32), 1), RangeError)
})
