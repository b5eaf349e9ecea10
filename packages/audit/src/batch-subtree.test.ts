import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import { validateAuditEvent } from './audit-event.ts'
import { type BatchJob, createBatchSubtreeCheck } from './batch-subtree.ts'
import { leafHash, MerkleFrontier } from './merkle.ts'
import { encodeStoredEntry, type StoredEntry, storedEntryOf } from './stored-entry.ts'
import { batchTextOf, syntheticEvent } from './test-fixtures.ts'
import { TreeAppender } from './tree-appender.ts'

const binary = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1')

function entriesAt(from: number, count: number, salt: number): StoredEntry[] {
  return Array.from({ length: count }, (_, i) =>
    storedEntryOf(validateAuditEvent(syntheticEvent(salt + i, { requestId: `req_${salt}_${i}` })), from + i),
  )
}

/** The batch as verifyLog reads it, its stored leaf hashes those of the canonical encoding. */
function jobOf(entries: readonly StoredEntry[], from: number, targets: number[]): BatchJob {
  const leaves = entries.map((e) => leafHash(encodeStoredEntry(e)))
  return {
    ...batchTextOf(entries, from),
    leafHashes: binary(Buffer.concat(leaves)),
    leavesSized: true,
    targets,
  }
}

test('a batch’s subtree: frontier, roots inside it and stored-level nodes, as the reference tree has them', () => {
  const check = createBatchSubtreeCheck()
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 6 }).chain((k) =>
        fc.record({
          width: fc.constant(2 ** k),
          batch: fc.nat(40),
          count: fc.integer({ min: 1, max: 2 ** k }),
          targets: fc.uniqueArray(fc.integer({ min: 1, max: 2 ** k }), { maxLength: 4 }),
          salt: fc.nat(1000),
        }),
      ),
      ({ width, batch, count, targets, salt }) => {
        const from = batch * width
        const entries = entriesAt(from, count, salt)
        const inside = targets.filter((t) => t < count).sort((a, b) => a - b)
        const subtree = check(jobOf(entries, from, inside))
        assert.ok(subtree !== undefined)
        // The batch alone, as merkle.ts and tree-appender.ts build a tree of its leaves.
        const frontier = new MerkleFrontier()
        const appender = new TreeAppender(0, [])
        const prefixes: string[][] = []
        for (const [i, entry] of entries.entries()) {
          const leaf = leafHash(encodeStoredEntry(entry))
          frontier.append(leaf)
          appender.append(leaf)
          if (inside.includes(i + 1)) prefixes.push(frontier.hashes().map(binary))
        }
        assert.deepEqual(subtree.frontier, frontier.hashes().map(binary))
        assert.deepEqual(subtree.prefixes, prefixes)
        assert.deepEqual(
          subtree.nodes,
          appender.takeCompleted().map((n) => ({ ...n, hash: binary(n.hash) })),
        )
      },
    ),
    { seed: 16, numRuns: 150 },
  )
})

test('a batch with a stored leaf that differs, leaves not 32 bytes or text not plain is refused', () => {
  const check = createBatchSubtreeCheck()
  const job = jobOf(entriesAt(32, 16, 0), 32, [8])
  const flipped = String.fromCharCode(job.leafHashes.charCodeAt(100) ^ 1)
  const refused: Record<string, BatchJob> = {
    'one stored leaf byte changed': {
      ...job,
      leafHashes: job.leafHashes.slice(0, 100) + flipped + job.leafHashes.slice(101),
    },
    'stored leaves not all 32 bytes': { ...job, leavesSized: false },
    'one stored leaf too few': { ...job, leafHashes: job.leafHashes.slice(32) },
    'a quote in a value': { ...job, text: job.text.map((c) => (c === 0x5f ? 0x22 : c)) },
    'the entries at other positions': { ...job, from: 48 },
  }
  assert.ok(check(job) !== undefined)
  for (const [what, tampered] of Object.entries(refused)) assert.equal(check(tampered), undefined, what)
})
