/**
 * The per-client query against the entries themselves: a log of a few hundred entries over seven
 * weeks, summarised in batches so that rows are added to across batches, the last entries not
 * yet, asked about many windows (whole JST days, parts of days, one instant, nothing); and
 * verifyLog's recomputation of the summary, which reports a row edited, removed or added.
 */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { before, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { accessesForClient, type ClientSubjectAccess } from './access-queries.ts'
import { createAppender } from './append.ts'
import type { AuditEvent, AuditOperation } from './audit-event.ts'
import { DAY_MS, dayStartMs } from './client-buckets.ts'
import { summarise, summarisedSize } from './client-buckets-store.ts'
import { AUDIT_MIGRATIONS } from './migrations.ts'
import { verifierKeyOf } from './sign-checkpoint.ts'
import { resetLog, syntheticEvent, testSequencer, testSigner } from './test-fixtures.ts'
import { verifyLog } from './verify-log.ts'

const signer = testSigner()
const verifierKey = verifierKeyOf(signer)
const OPERATIONS: AuditOperation[] = ['read', 'export', 'update', 'print']
const FIELDS = ['address', 'birthDate', 'myNumber', 'salary', 'dependents']
/** A JST midnight; the log runs seven weeks from a day before it. */
const START = dayStartMs(20_500)

/** A small deterministic generator (mulberry32): the same log on every run. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function syntheticLog(count: number): AuditEvent[] {
  const next = random(20_261_123)
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!
  return Array.from({ length: count }, (_, i) => {
    const fields = FIELDS.filter(() => next() < 0.3)
    return syntheticEvent(i, {
      at: START - DAY_MS + Math.floor(next() * 49 * DAY_MS),
      tenantId: pick(['office_1', 'office_1', 'office_2']),
      clientId: pick(['client_a', 'client_a', 'client_b']),
      subjectId: next() < 0.05 ? undefined : `person_${Math.floor(next() * 12)}`,
      actorId: pick(['user_1', 'user_2', 'user_3']),
      operation: pick(OPERATIONS),
      fields: next() < 0.1 ? undefined : fields,
    })
  })
}

/** What the query must answer, computed from the events alone. */
function expected(
  events: readonly AuditEvent[],
  tenantId: string,
  clientId: string,
  from: number,
  to: number,
  operations?: readonly string[],
): ClientSubjectAccess[] {
  const bySubject = new Map<string, AuditEvent[]>()
  for (const e of events) {
    if (e.tenantId !== tenantId || e.clientId !== clientId || e.subjectId === undefined) continue
    if (e.at! < from || e.at! >= to || (operations !== undefined && !operations.includes(e.operation)))
      continue
    bySubject.set(e.subjectId, [...(bySubject.get(e.subjectId) ?? []), e])
  }
  const sorted = (items: Iterable<string>) => [...new Set(items)].sort()
  return [...bySubject.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([subjectId, list]) => ({
      subjectId,
      fields: sorted(list.flatMap((e) => e.fields ?? [])),
      operations: sorted(list.map((e) => e.operation)),
      actorIds: sorted(list.map((e) => e.actorId)),
      entries: list.length,
      firstAt: new Date(Math.min(...list.map((e) => e.at!))),
      lastAt: new Date(Math.max(...list.map((e) => e.at!))),
    }))
}

const ROLL_BACK = Symbol('roll back')

/** `work`'s result, with everything it wrote rolled back. */
async function rolledBack<T>(db: Kysely<unknown>, work: (trx: Kysely<unknown>) => Promise<T>): Promise<T> {
  let result: T | undefined
  await db
    .transaction()
    .execute(async (trx) => {
      result = await work(trx)
      throw ROLL_BACK
    })
    .catch((error: unknown) => {
      if (error !== ROLL_BACK) throw error
    })
  return result as T
}

describeOnEachDatabase('the per-client summary', [AUDIT_MIGRATIONS], ({ db }) => {
  const events = syntheticLog(600)
  let context: Awaited<ReturnType<typeof testSequencer>>

  before(async () => {
    await resetLog(db())
    context = await testSequencer(signer)
    const appender = createAppender(db(), context)
    // The summariser runs between appends, with batches that end inside them, and stops short of
    // the last 150 entries: the queries read those from the log.
    for (let i = 0; i < events.length; i += 75) {
      await appender.append(events.slice(i, i + 75))
      if (i < 450) await summarise(db(), { maxBatch: 40 })
    }
  })

  async function assertAnswers(windows: ReadonlyArray<readonly [number, number]>): Promise<void> {
    for (const [from, to] of windows) {
      for (const operations of [undefined, ['read', 'export'] as AuditOperation[]]) {
        for (const [tenantId, clientId] of [
          ['office_1', 'client_a'],
          ['office_2', 'client_b'],
        ] as const) {
          const window = { from: new Date(from), to: new Date(to) }
          assert.deepEqual(
            await accessesForClient(
              db(),
              tenantId,
              clientId,
              window,
              operations === undefined ? {} : { operations },
            ),
            expected(events, tenantId, clientId, from, to, operations),
            `${tenantId} ${clientId} ${new Date(from).toISOString()}–${new Date(to).toISOString()} ${operations ?? 'all'}`,
          )
        }
      }
    }
  }

  test('answers every window as the entries do: whole days, parts of days, an instant, nothing', async () => {
    assert.equal(await summarisedSize(db()), 450)
    const next = random(7)
    const windows: Array<[number, number]> = [
      [START, START + 7 * DAY_MS],
      [START - DAY_MS, START + 48 * DAY_MS],
      [START + 3 * 3_600_000, START + 30 * DAY_MS + 5 * 3_600_000],
      [START + 3_600_000, START + 2 * 3_600_000],
      [START + 10 * DAY_MS, START + 10 * DAY_MS],
      [START + 10 * DAY_MS, START + 9 * DAY_MS],
      [events[10]!.at!, events[10]!.at! + 1],
    ]
    for (let i = 0; i < 40; i++) {
      const from = START - 2 * DAY_MS + Math.floor(next() * 50 * DAY_MS)
      const aligned = next() < 0.5
      const start = aligned ? dayStartMs(Math.floor((from + 9 * 3_600_000) / DAY_MS)) : from
      windows.push([
        start,
        start + Math.floor(next() * (aligned ? 40 : 40 * DAY_MS)) * (aligned ? DAY_MS : 1),
      ])
    }
    await assertAnswers(windows)
  })

  test('once the summariser has caught up, the answers are the same', async () => {
    assert.equal(await summarise(db()), 150)
    assert.equal(await summarisedSize(db()), 600)
    await assertAnswers([
      [START, START + 30 * DAY_MS],
      [START + 5 * 3_600_000, START + 47 * DAY_MS + 7 * 3_600_000],
      [START - DAY_MS, START + 49 * DAY_MS],
    ])
  })

  test('verify recomputes the summary: a row edited, removed or added is reported with its dates', async () => {
    const verify = (trx: Kysely<unknown>) => verifyLog(trx, { verifierKey, witness: context.witness })
    assert.equal((await verify(db())).ok, true)
    const tampers: Record<string, string> = {
      'a count lowered': `update audit_client_buckets set entries = entries - 1
        where level = 1 and bucket = 5127 and entries > 1`,
      'a data item hidden': `update audit_client_buckets set fields = replace(fields, 'myNumber', 'address')
        where level = 2 and bucket = 1281 and fields like '%myNumber%'`,
      'a person removed': `delete from audit_client_buckets where level = 0 and bucket = 20510
        and subject_id = (select min(subject_id) from audit_client_buckets where level = 0 and bucket = 20510)`,
      'an access added': `insert into audit_client_buckets values
        ('office_1', 'client_a', 0, 20510, 'person_99', 'read', 1, ${START}, ${START}, 'user_1', '')`,
    }
    const days: Record<string, { from: string; to: string }> = {
      'a count lowered': { from: '2026-02-24', to: '2026-02-27' },
      'a data item hidden': { from: '2026-02-12', to: '2026-02-27' },
      'a person removed': { from: '2026-02-26', to: '2026-02-26' },
      'an access added': { from: '2026-02-26', to: '2026-02-26' },
    }
    for (const [what, statement] of Object.entries(tampers)) {
      const report = await rolledBack(db(), async (trx) => {
        const { numAffectedRows } = await sql.raw(statement).execute(trx)
        assert.ok(Number(numAffectedRows) > 0, what)
        return verify(trx)
      })
      assert.deepEqual(
        { code: report?.problem?.code, days: report?.problem?.days },
        { code: 'CLIENT_SUMMARY_MISMATCH', days: days[what] },
        what,
      )
    }
    // The state moved back without the rows: the rows hold entries the state says they do not.
    const moved = await rolledBack(db(), async (trx) => {
      await sql`update audit_summary_state set size = 500`.execute(trx)
      return verify(trx)
    })
    assert.equal(moved.problem?.code, 'CLIENT_SUMMARY_MISMATCH')
    assert.equal((await verify(db())).ok, true)
  })

  test('the migration builds the same summary from entries integrated before it', async () => {
    const file = await readFile(new URL('../migrations/0002_client-buckets.sql', import.meta.url), 'utf8')
    const backfill = file.slice(file.indexOf('-- The summary of entries integrated before this migration.'))
    const report = await rolledBack(db(), async (trx) => {
      await sql`delete from audit_client_buckets`.execute(trx)
      for (const statement of backfill.split(';\n')) await sql.raw(statement).execute(trx)
      await sql`update audit_summary_state set size = (select size from audit_tree_state)`.execute(trx)
      return verifyLog(trx, { verifierKey, witness: context.witness })
    })
    assert.equal(report?.ok, true, JSON.stringify(report?.problem))
  })
})
