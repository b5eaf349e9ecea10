import assert from 'node:assert/strict'
import { test } from 'node:test'
import { validateAuditEvent } from './audit-event.ts'
import { type BatchJob, createBatchSubtreeCheck } from './batch-subtree.ts'
import { leafHash } from './merkle.ts'
import { encodeStoredEntry, storedEntryOf } from './stored-entry.ts'
import { startSubtreeWorkers } from './subtree-workers.ts'
import { batchTextOf, syntheticEvent } from './test-fixtures.ts'

function job(from: number, changeLeaf = false, quote = false): BatchJob {
  const entries = Array.from({ length: 8 }, (_, i) =>
    storedEntryOf(validateAuditEvent(syntheticEvent(from + i)), from + i),
  )
  const leaves = Buffer.concat(entries.map((e) => leafHash(encodeStoredEntry(e))))
  if (changeLeaf) leaves[40]! ^= 1
  const batch = batchTextOf(entries, from)
  if (quote) batch.text[3] = 0x22
  return { ...batch, leafHashes: leaves.toString('latin1'), leavesSized: true, targets: [3] }
}

test('the workers answer each batch as the check on the main thread, and take its text without a copy', async () => {
  const jobs = [job(0), job(8, true), job(16, false, true), { ...job(24), leavesSized: false }, job(32)]
  const inline = jobs.map((j) => createBatchSubtreeCheck()({ ...j, text: j.text.slice() }))
  assert.deepEqual(
    inline.map((s) => s !== undefined),
    [true, false, false, false, true],
  )
  const workers = startSubtreeWorkers(2)
  try {
    assert.deepEqual(await Promise.all(jobs.map((j) => workers.check(j))), inline)
    // Handed over: the text's buffer now belongs to a worker.
    assert.deepEqual(
      jobs.map((j) => j.text.byteLength),
      [0, 0, 0, 0, 0],
    )
  } finally {
    await workers.close()
  }
})
