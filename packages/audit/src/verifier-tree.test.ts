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
