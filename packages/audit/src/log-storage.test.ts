import assert from 'node:assert/strict'
import { beforeEach, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import { sql } from 'kysely'
import { accessesForClient, accessesToSubject } from './access-queries.ts'
import { createAppender } from './append.ts'
import { decodeBase64 } from './bytes.ts'
import { decodeEntry } from './entry-encoding.ts'
import { AuditError } from './errors.ts'
import { inclusionProofFor } from './inclusion-proof-for.ts'
import { integrate } from './integrate.ts'
import { AUDIT_MIGRATIONS } from './migrations.ts'
import { record } from './record.ts'
import { verifierKeyOf } from './sign-checkpoint.ts'
import { resetLog, syntheticEvent, testSequencer, testSigner } from './test-fixtures.ts'
import { verifyInclusion } from './verify.ts'
import { verifyLog } from './verify-log.ts'

const signer = testSigner()
const verifierKey = verifierKeyOf(signer)

async function positionsOf(db: Parameters<typeof resetLog>[0]): Promise<Map<string, number>> {
  const { rows } = await sql<{ position: string; request: string }>`
    select position::text, request_id as request from audit_entries order by audit_entries.position`.execute(
    db,
  )
  return new Map(rows.map((r) => [r.request, Number(r.position)]))
}

describeOnEachDatabase('audit log storage', [AUDIT_MIGRATIONS], ({ db, backend }) => {
  beforeEach(async () => {
    await resetLog(db())
  })

  test('an entry recorded in a transaction that rolls back leaves nothing', async () => {
    await assert.rejects(
      db()
        .transaction()
        .execute(async (trx) => {
          await record(trx, syntheticEvent(1))
          throw new Error('the change failed')
        }),
      /the change failed/,
    )
    const options = await testSequencer(signer)
    assert.equal((await integrate(db(), options)).integrated, 0)
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_entries`.execute(db())
    assert.equal(rows[0]!.n, 0)
  })

  test('a refused event fails the caller before anything is written', async () => {
    await assert.rejects(
      db()
        .transaction()
        .execute((trx) => record(trx, syntheticEvent(1, { subjectId: '123456789012' }))),
      (e: unknown) =>
        e instanceof AuditError && e.code === 'EVENT_CONTAINS_MY_NUMBER' && e.field === 'subjectId',
    )
  })

  // Only the server runs transactions side by side; PGlite has one connection, and its
  // transactions commit in the order they run, so there is no other order to get wrong.
  if (backend === 'postgres')
    test('integrate gives positions in commit order, not in the order of recording', async () => {
      const options = await testSequencer(signer)
      let releaseFirst: () => void = () => {}
      const firstMayCommit = new Promise<void>((resolve) => {
        releaseFirst = resolve
      })
      let firstRecorded: () => void = () => {}
      const recorded = new Promise<void>((resolve) => {
        firstRecorded = resolve
      })
      const first = db()
        .transaction()
        .execute(async (trx) => {
          await record(trx, syntheticEvent(1, { requestId: 'req_first' }))
          firstRecorded()
          await firstMayCommit
        })
      await recorded
      await db()
        .transaction()
        .execute((trx) => record(trx, syntheticEvent(2, { requestId: 'req_second' })))
      await integrate(db(), options)
      releaseFirst()
      await first
      await integrate(db(), options)
      assert.deepEqual(
        [...(await positionsOf(db())).entries()],
        [
          ['req_second', 0],
          ['req_first', 1],
        ],
      )
    })

  test('64 concurrent appenders: every entry integrated exactly once, at the position returned', async () => {
    const options = await testSequencer(signer)
    const appender = createAppender(db(), options)
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, w) =>
        appender.append([
          syntheticEvent(w, { requestId: `req_${w}_a` }),
          syntheticEvent(w, { requestId: `req_${w}_b` }),
        ]),
      ),
    )
    const stored = await positionsOf(db())
    assert.equal(stored.size, 128)
    results.forEach((positions, w) => {
      assert.deepEqual(positions, [stored.get(`req_${w}_a`), stored.get(`req_${w}_b`)])
    })
    assert.deepEqual(
      [...stored.values()].sort((a, b) => a - b),
      Array.from({ length: 128 }, (_, i) => i),
    )
    assert.equal((await verifyLog(db(), { verifierKey, witness: options.witness })).ok, true)
  })

  test('a checkpoint is signed every N entries, and copied to the witness', async () => {
    const options = await testSequencer(signer, { entries: 10, ms: 3_600_000 })
    const appender = createAppender(db(), options)
    for (let i = 0; i < 25; i++) await appender.append([syntheticEvent(i)])
    const { rows } = await sql<{ tree_size: string }>`
      select tree_size::text from audit_checkpoints order by audit_checkpoints.tree_size`.execute(db())
    assert.deepEqual(
      rows.map((r) => Number(r.tree_size)),
      [1, 11, 21],
    )
    assert.equal((await options.witness.checkpoints()).length, 3)
  })

  test('every inclusion proof from storage passes the standalone verifier', async () => {
    const options = await testSequencer(signer, { entries: 1000, ms: 3_600_000 })
    const appender = createAppender(db(), options)
    await appender.append(Array.from({ length: 300 }, (_, i) => syntheticEvent(i)))
    await integrate(db(), { ...options, forceCheckpoint: true })
    for (const position of [0, 1, 15, 16, 17, 255, 256, 299]) {
      const bundle = await inclusionProofFor(db(), position)
      const entry = decodeBase64(bundle.entry)!
      assert.equal(decodeEntry(entry).seq, position)
      const result = await verifyInclusion({
        entry,
        index: bundle.index,
        treeSize: bundle.treeSize,
        proof: bundle.proof.map((p) => decodeBase64(p)!),
        checkpoint: bundle.checkpoint,
        key: verifierKey,
      })
      assert.equal(result.ok, true, `position ${position}`)
    }
  })

  test('a proof for an entry no checkpoint covers yet is refused with ENTRY_NOT_CHECKPOINTED', async () => {
    const options = await testSequencer(signer, { entries: 1000, ms: 3_600_000 })
    const appender = createAppender(db(), options)
    await appender.append([syntheticEvent(0)])
    await appender.append([syntheticEvent(1)])
    await assert.rejects(
      inclusionProofFor(db(), 1),
      (e: unknown) => e instanceof AuditError && e.code === 'ENTRY_NOT_CHECKPOINTED',
    )
    await assert.rejects(
      inclusionProofFor(db(), 9),
      (e: unknown) => e instanceof AuditError && e.code === 'ENTRY_NOT_FOUND',
    )
  })

  test('queries: every access to one person, and per client which people and which items', async () => {
    const options = await testSequencer(signer)
    const appender = createAppender(db(), options)
    await appender.append([
      syntheticEvent(0, { subjectId: 'person_a', clientId: 'client_x', fields: ['address'] }),
      syntheticEvent(1, {
        subjectId: 'person_a',
        clientId: 'client_x',
        fields: ['myNumber'],
        operation: 'export',
      }),
      syntheticEvent(2, { subjectId: 'person_b', clientId: 'client_x', fields: [] }),
      syntheticEvent(3, { subjectId: 'person_a', tenantId: 'office_2', clientId: 'client_x' }),
      syntheticEvent(4, { subjectId: 'person_c', clientId: 'client_y' }),
    ])
    const window = { from: new Date(Date.UTC(2026, 0, 1)), to: new Date(Date.UTC(2026, 0, 2)) }
    const toA = await accessesToSubject(db(), 'office_1', 'person_a', window)
    assert.deepEqual(
      toA.map((a) => [a.position, a.operation, a.fields, a.actorId, a.purpose, a.document]),
      [
        [1, 'export', ['myNumber'], 'user_1', 'social_insurance', 'kenpo_shikaku_shutoku'],
        [0, 'read', ['address'], 'user_0', 'social_insurance', 'kenpo_shikaku_shutoku'],
      ],
    )
    const narrow = { from: new Date(Date.UTC(2026, 0, 1, 0, 1)), to: window.to }
    assert.deepEqual(
      (await accessesToSubject(db(), 'office_1', 'person_a', narrow)).map((a) => a.position),
      [1],
    )
    const x = await accessesForClient(db(), 'office_1', 'client_x', window)
    assert.deepEqual(
      x.map((s) => [s.subjectId, s.fields, s.operations, s.entries]),
      [
        ['person_a', ['address', 'myNumber'], ['export', 'read'], 2],
        ['person_b', [], ['read'], 1],
      ],
    )
  })

  test('both queries are served by their indexes', async () => {
    const plans = await db()
      .transaction()
      .execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx)
        const range = sql`at_ms >= 1767225600000 and at_ms < 1767312000000`
        const subject = await sql<{ 'QUERY PLAN': string }>`explain select * from audit_entries
          where tenant_id = 'o' and subject_id = 's' and ${range}`.execute(trx)
        const client = await sql<{ 'QUERY PLAN': string }>`explain select * from audit_entries
          where tenant_id = 'o' and client_id = 'c' and subject_id is not null and ${range}`.execute(trx)
        return [subject, client].map((r) => r.rows.map((row) => row['QUERY PLAN']).join('\n'))
      })
    assert.match(plans[0]!, /audit_entries_subject/)
    assert.match(plans[1]!, /audit_entries_client/)
  })
})
