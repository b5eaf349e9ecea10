import assert from 'node:assert/strict'
import { beforeEach, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import { sql } from 'kysely'
import { createAppender } from './append.ts'
import type { AuditEvent } from './audit-event.ts'
import { readEntryBatch, readEntryRows } from './entry-batches.ts'
import { AUDIT_MIGRATIONS } from './migrations.ts'
import { rebuiltLeaves, resetLog, syntheticEvent, testSequencer, testSigner } from './test-fixtures.ts'

const signer = testSigner()

describeOnEachDatabase('reading the log in batches', [AUDIT_MIGRATIONS], ({ db }) => {
  beforeEach(async () => {
    await resetLog(db())
  })

  test('a valid log is read in the plain form, and every leaf rebuilt from it is the stored one', async () => {
    const absent: Partial<AuditEvent> = {
      clientId: undefined,
      subjectId: undefined,
      purpose: undefined,
      document: undefined,
      requestId: undefined,
      fields: undefined,
    }
    const variants: Partial<AuditEvent>[] = [{}, absent, { fields: [] }, { fields: ['myNumber'] }]
    const appender = createAppender(db(), await testSequencer(signer))
    await appender.append(Array.from({ length: 24 }, (_, i) => syntheticEvent(i, variants[i % 4])))

    const batch = await readEntryBatch(db(), 3, 20)
    assert.deepEqual([batch.from, batch.count, batch.leavesSized], [3, 17, true])
    const stored = (await readEntryRows(db(), 3, 20)).map((r) => Buffer.from(r.leafHash).toString('latin1'))
    assert.equal(batch.leafHashes, stored.join(''))
    assert.deepEqual(rebuiltLeaves(batch), stored)
    // Read in rows of 5 entries, the last short: the same batch, joined as one text.
    assert.deepEqual(await readEntryBatch(db(), 3, 20, 5), batch)
  })

  test('a batch with a group of entries missing comes back short, for the row-by-row search', async () => {
    const appender = createAppender(db(), await testSequencer(signer))
    await appender.append(Array.from({ length: 12 }, (_, i) => syntheticEvent(i)))
    await sql`delete from audit_entries where position between 4 and 7`.execute(db())
    const batch = await readEntryBatch(db(), 0, 12, 4)
    assert.equal(batch.count, 8)
    assert.deepEqual(batch, await readEntryBatch(db(), 0, 12, 1))
  })

  test('a range without entries is an empty batch', async () => {
    const batch = await readEntryBatch(db(), 0, 10)
    assert.deepEqual([batch.count, batch.text.length, batch.leafHashes], [0, 0, ''])
    assert.deepEqual(rebuiltLeaves(batch), [])
  })
})
