import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createPlainLeafCheck, type StoredLeaves } from './batch-leaf-hashes.ts'
import { startLeafChecker } from './leaf-checker.ts'
import { leafHash } from './merkle.ts'
import { encodeStoredEntry, type StoredEntry } from './stored-entry.ts'

const entry: StoredEntry = {
  seq: 0,
  type: 'EMPLOYEE_READ',
  at: 1767225600000,
  tenantId: 'office_1',
  actorId: 'user_1',
  operation: 'read',
  result: 'success',
  clientId: null,
  subjectId: 'person_1',
  purpose: null,
  document: null,
  requestId: null,
  fields: null,
}
const leaf = Buffer.from(leafHash(encodeStoredEntry(entry))).toString('latin1')
const G = '\x1d'
const batch: StoredLeaves = {
  from: 0,
  count: 1,
  text: [
    'user_1',
    '1767225600000',
    G,
    G,
    G,
    'read',
    G,
    G,
    'success',
    'person_1',
    'office_1',
    'EMPLOYEE_READ',
  ].join('\x1f'),
  present: 1,
  leafHashes: leaf,
  leavesSized: true,
}

test('the worker answers as the check on the main thread: matched, a changed leaf, a batch not plain', async () => {
  const batches = [
    batch,
    { ...batch, leafHashes: `${leaf.slice(0, 31)}\0` },
    { ...batch, text: batch.text.replace('user_1', 'user"1') },
    { ...batch, leavesSized: false },
  ]
  const checker = startLeafChecker()
  try {
    const answers = await Promise.all(batches.map((b) => checker.check(b)))
    assert.deepEqual(answers, [true, false, false, false])
    assert.deepEqual(answers, batches.map(createPlainLeafCheck()))
  } finally {
    await checker.close()
  }
})
