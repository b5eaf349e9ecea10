/**
 * The log holds ids only, so deleting a person (crypto-shred in the vault, deletion in the server)
 * leaves it whole and verifiable: nothing in it ever named the person. Shown with a synthetic
 * person kept by a host table beside the log, as the server and the vault keep theirs.
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { beforeEach, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import { sql } from 'kysely'
import { createAppender } from './append.ts'
import { AuditError } from './errors.ts'
import { integrate } from './integrate.ts'
import { AUDIT_MIGRATIONS } from './migrations.ts'
import { record } from './record.ts'
import { verifierKeyOf } from './sign-checkpoint.ts'
import { resetLog, syntheticEvent, testSequencer, testSigner } from './test-fixtures.ts'
import { verifyLog } from './verify-log.ts'

const signer = testSigner()
const generator = createSyntheticGenerator(2026)

describeOnEachDatabase('the log and a deleted person', [AUDIT_MIGRATIONS], ({ db }) => {
  beforeEach(async () => {
    await resetLog(db())
    await sql`create table if not exists host_people (id text primary key, name text, address text,
      my_number text)`.execute(db())
  })

  test('deleting a person leaves the log verifiable, and the log never held their name, address or number', async () => {
    const sequencer = await testSequencer(signer)
    const person = generator.employee()
    const myNumber = generator.myNumber()
    const id = randomUUID()
    const name = `${person.familyName} ${person.givenName}`
    await db()
      .transaction()
      .execute(async (trx) => {
        await sql`insert into host_people values (${id}, ${name}, ${person.address}, ${myNumber})`.execute(
          trx,
        )
        await record(
          trx,
          syntheticEvent(0, { subjectId: id, operation: 'create', fields: ['name', 'myNumber'] }),
        )
      })
    await createAppender(db(), sequencer).append([
      syntheticEvent(1, { subjectId: id, fields: ['address'] }),
      syntheticEvent(2, { subjectId: id, operation: 'export', fields: ['myNumber'] }),
    ])
    // The deletion itself is an entry, in the deletion's transaction.
    await db()
      .transaction()
      .execute(async (trx) => {
        await sql`delete from host_people where id = ${id}`.execute(trx)
        await record(trx, syntheticEvent(3, { subjectId: id, operation: 'delete' }))
      })
    await integrate(db(), { ...sequencer, forceCheckpoint: true })

    const report = await verifyLog(db(), { verifierKey: verifierKeyOf(signer), witness: sequencer.witness })
    assert.equal(report.ok, true)
    assert.equal(report.entries, 4)
    const { rows } = await sql<{
      row: string
    }>`select row_to_json(e)::text as row from audit_entries e`.execute(db())
    const stored = rows.map((r) => r.row).join('\n')
    assert.ok(stored.includes(id))
    for (const secret of [person.familyName, person.givenName, person.address, myNumber]) {
      assert.equal(stored.includes(secret), false)
    }
  })

  test('a My Number offered as any value is refused before anything is written', async () => {
    const myNumber = generator.myNumber()
    const spaced = `${myNumber.slice(0, 4)} ${myNumber.slice(4, 8)} ${myNumber.slice(8)}`
    for (const overrides of [
      { subjectId: myNumber },
      { requestId: spaced },
      { document: `doc-${myNumber}` },
    ]) {
      await assert.rejects(
        db()
          .transaction()
          .execute((trx) => record(trx, syntheticEvent(0, overrides))),
        (e: unknown) => e instanceof AuditError && e.code === 'EVENT_CONTAINS_MY_NUMBER',
      )
    }
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_queue`.execute(db())
    assert.equal(rows[0]!.n, 0)
  })
})
