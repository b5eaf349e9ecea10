/**
 * Every kind of tampering the issue names, done to a stored log as an attacker with full write
 * access to the database (but not to the signing key or the witness file) would do it, and what
 * verifyLog reports: its code and where. docs/audit.md shows the same table; the last test holds
 * the document to what these tests observe.
 *
 * The log of every case: 40 entries appended 10 at a time, a checkpoint every 10 entries (sizes
 * 10, 20, 30, 40), each copied to the witness. Positions are 0-based.
 */
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { beforeEach, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import fc from 'fast-check'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { createAppender } from './append.ts'
import type { AuditEvent } from './audit-event.ts'
import { summarise } from './client-buckets-store.ts'
import { readEntryRows } from './entry-batches.ts'
import type { SequencerOptions } from './integrate.ts'
import type { LogProblem } from './log-problem.ts'
import { leafHash, MerkleFrontier } from './merkle.ts'
import { AUDIT_MIGRATIONS } from './migrations.ts'
import { verifierKeyOf } from './sign-checkpoint.ts'
import { encodeStoredEntry } from './stored-entry.ts'
import { resetLog, syntheticEvent, testSequencer, testSigner } from './test-fixtures.ts'
import { packFrontier } from './tree-appender.ts'
import { verifyLog } from './verify-log.ts'

const signer = testSigner()
const verifierKey = verifierKeyOf(signer)
const TABLES = [
  'audit_entries',
  'audit_tree_nodes',
  'audit_checkpoints',
  'audit_tree_state',
  'audit_client_buckets',
  'audit_summary_state',
] as const

type Db = Kysely<unknown>
type Context = { db: Db; sequencer: SequencerOptions & { witnessPath: string } }
type Expected = Pick<LogProblem, 'code' | 'position' | 'checkpointSize' | 'range'>
type Case = { id: string; tamper: (context: Context) => Promise<void>; expected: Expected }

/** Entries from..from+count-1, 10 a transaction; `tag` makes them differ from the original log's. */
async function appendEntries(context: Context, from: number, count: number, tag = 'req'): Promise<void> {
  const appender = createAppender(context.db, context.sequencer)
  for (let i = from; i < from + count; i += 10) {
    const batch = Array.from({ length: Math.min(10, from + count - i) }, (_, j) =>
      syntheticEvent(i + j, { requestId: `${tag}_${i + j}` }),
    )
    await appender.append(batch)
  }
  await summarise(context.db)
}

/** Cuts the log to `size` entries and puts the sequencer's state back as it was at that size. */
async function cutTail(db: Db, size: number): Promise<void> {
  await sql`delete from audit_entries where position >= ${size}`.execute(db)
  await sql`delete from audit_checkpoints where tree_size > ${size}`.execute(db)
  await sql`delete from audit_tree_nodes where (index + 1) * (2 ^ level)::bigint > ${size}`.execute(db)
  const { rows } = await sql<{ leaf_hash: Uint8Array }>`
    select leaf_hash from audit_entries order by position`.execute(db)
  const frontier = new MerkleFrontier()
  for (const row of rows) frontier.append(Uint8Array.from(row.leaf_hash))
  await sql`update audit_tree_state set size = ${size}, frontier = ${packFrontier(frontier.hashes())},
    last_checkpoint_size = ${size}`.execute(db)
}

async function snapshot(db: Db): Promise<void> {
  for (const table of TABLES) {
    await sql`drop table if exists ${sql.raw(`snapshot_${table}`)}`.execute(db)
    await sql`create table ${sql.raw(`snapshot_${table}`)} as select * from ${sql.raw(table)}`.execute(db)
  }
}

/** Puts back the database as the snapshot had it: a backup restored over the live log. */
async function restore(db: Db): Promise<void> {
  for (const table of TABLES) {
    await sql`delete from ${sql.raw(table)}`.execute(db)
    await sql`insert into ${sql.raw(table)} select * from ${sql.raw(`snapshot_${table}`)}`.execute(db)
  }
}

/** What an attacker who knows the format can do: change an entry and store its new leaf hash. */
async function rewriteWithHash(db: Db, position: number, subjectId: string): Promise<void> {
  const [row] = await readEntryRows(db, position, position + 1)
  const leaf = leafHash(encodeStoredEntry({ ...row!.entry, subjectId }))
  await sql`update audit_entries set subject_id = ${subjectId}, leaf_hash = ${Buffer.from(leaf)}
    where position = ${position}`.execute(db)
}

export const TAMPER_CASES: readonly Case[] = [
  {
    id: 'T1',
    tamper: ({ db }) =>
      sql`update audit_entries set actor_id = 'user_9' where position = 17`.execute(db).then(),
    expected: { code: 'ENTRY_HASH_MISMATCH', position: 17 },
  },
  {
    id: 'T2',
    tamper: ({ db }) =>
      sql`update audit_entries set leaf_hash = set_byte(leaf_hash, 0, get_byte(leaf_hash, 0) # 1)
        where position = 17`
        .execute(db)
        .then(),
    expected: { code: 'ENTRY_HASH_MISMATCH', position: 17 },
  },
  {
    id: 'T3',
    tamper: ({ db }) => rewriteWithHash(db, 17, 'person_other'),
    expected: { code: 'CHECKPOINT_ROOT_MISMATCH', checkpointSize: 20, range: { from: 10, to: 19 } },
  },
  {
    id: 'T4',
    tamper: ({ db }) => sql`delete from audit_entries where position = 17`.execute(db).then(),
    expected: { code: 'ENTRY_MISSING', position: 17 },
  },
  {
    id: 'T5',
    // Entries 12 and 13 swap places, each row moved whole (the key forbids a direct swap).
    tamper: async ({ db }) => {
      await sql`update audit_entries set position = 1000000 where position = 12`.execute(db)
      await sql`update audit_entries set position = 12 where position = 13`.execute(db)
      await sql`update audit_entries set position = 13 where position = 1000000`.execute(db)
    },
    expected: { code: 'ENTRY_POSITION_MISMATCH', position: 12 },
  },
  {
    id: 'T6',
    tamper: ({ db }) => sql`delete from audit_entries where position >= 33`.execute(db).then(),
    expected: { code: 'LOG_TRUNCATED', checkpointSize: 40, position: 33 },
  },
  {
    id: 'T7',
    // The tail cut off, and with it every checkpoint, subtree hash and state that mentions it.
    tamper: ({ db }) => cutTail(db, 30),
    expected: { code: 'LOG_ROLLED_BACK', checkpointSize: 40, position: 30 },
  },
  {
    id: 'T8',
    // A whole new log, consistent in itself, signed with a key of the attacker's own.
    tamper: async (context) => {
      await resetLog(context.db)
      const forger = await testSequencer(testSigner(), { entries: 10 })
      await appendEntries({ ...context, sequencer: forger }, 0, 40, 'forged')
    },
    expected: { code: 'CHECKPOINT_SIGNATURE_INVALID', checkpointSize: 10 },
  },
  {
    id: 'T9',
    // The same forgery without any checkpoint: the witness still has the real ones.
    tamper: async (context) => {
      await resetLog(context.db)
      const forger = await testSequencer(testSigner(), { entries: 10 })
      await appendEntries({ ...context, sequencer: forger }, 0, 40, 'forged')
      await sql`delete from audit_checkpoints`.execute(context.db)
    },
    expected: { code: 'WITNESS_ROOT_MISMATCH', checkpointSize: 10, range: { from: 0, to: 9 } },
  },
  {
    id: 'T10',
    // A backup taken at 20 entries restored over the log of 40.
    tamper: async () => {},
    expected: { code: 'LOG_ROLLED_BACK', checkpointSize: 40, position: 20 },
  },
  {
    id: 'T11',
    // The same backup restored, and the service kept writing: 15 new entries after position 20.
    tamper: (context) => appendEntries(context, 20, 15, 'after_restore'),
    expected: { code: 'WITNESS_ROOT_MISMATCH', checkpointSize: 30, range: { from: 20, to: 29 } },
  },
  {
    id: 'T12',
    tamper: ({ db }) => sql`delete from audit_checkpoints where tree_size = 20`.execute(db).then(),
    expected: { code: 'CHECKPOINT_MISSING', checkpointSize: 20 },
  },
  {
    id: 'T13',
    tamper: ({ db }) =>
      sql`update audit_checkpoints set note = overlay(note placing
          case when substr(note, length(note) - 5, 1) = 'A' then 'B' else 'A' end from length(note) - 5 for 1)
        where tree_size = 20`
        .execute(db)
        .then(),
    expected: { code: 'CHECKPOINT_SIGNATURE_INVALID', checkpointSize: 20 },
  },
  {
    id: 'T14',
    tamper: ({ db }) =>
      sql`update audit_tree_nodes set hash = set_byte(hash, 0, get_byte(hash, 0) # 1)
        where level = 4 and index = 0`
        .execute(db)
        .then(),
    expected: { code: 'TREE_NODE_MISMATCH', range: { from: 0, to: 15 } },
  },
  {
    id: 'T15',
    // The witness file edited: one character of the signature on its copy of checkpoint 20.
    tamper: async ({ sequencer }) => {
      const lines = (await readFile(sequencer.witnessPath, 'utf8')).split('\n')
      const note = JSON.parse(lines[1]!) as string
      const i = note.length - 6
      lines[1] = JSON.stringify(`${note.slice(0, i)}${note[i] === 'A' ? 'B' : 'A'}${note.slice(i + 1)}`)
      await writeFile(sequencer.witnessPath, lines.join('\n'))
    },
    expected: { code: 'CHECKPOINT_SIGNATURE_INVALID' },
  },
  {
    id: 'T16',
    // Hiding a person from the incident-scope query: their rows of the per-client summary deleted.
    tamper: ({ db }) =>
      sql`delete from audit_client_buckets where subject_id = 'person_3' and level = 0`.execute(db).then(),
    expected: { code: 'CLIENT_SUMMARY_MISMATCH' },
  },
]

const printed = new Map<string, string>()

describeOnEachDatabase('verifyLog on a tampered log', [AUDIT_MIGRATIONS], ({ db }) => {
  let context: Context

  beforeEach(async () => {
    await resetLog(db())
    context = { db: db(), sequencer: await testSequencer(signer, { entries: 10, ms: 3_600_000 }) }
  })

  test('the untouched log verifies', async () => {
    await appendEntries(context, 0, 40)
    const report = await verifyLog(db(), { verifierKey, witness: context.sequencer.witness, batchSize: 16 })
    assert.equal(report.ok, true, JSON.stringify(report.problem))
    assert.deepEqual([report.entries, report.checkpoints, report.witnessed, report.unsigned], [40, 4, 4, 0])
  })

  for (const tamperCase of TAMPER_CASES) {
    test(`${tamperCase.id}: verify reports ${tamperCase.expected.code}`, async () => {
      if (tamperCase.id === 'T10' || tamperCase.id === 'T11') {
        await appendEntries(context, 0, 20)
        await snapshot(db())
        await appendEntries(context, 20, 20)
        await restore(db())
      } else {
        await appendEntries(context, 0, 40)
      }
      await tamperCase.tamper(context)
      // Small batches, so that problems are also found across batch boundaries.
      const report = await verifyLog(db(), { verifierKey, witness: context.sequencer.witness, batchSize: 16 })
      assert.equal(report.ok, false)
      const { code, position, checkpointSize, range } = report.problem!
      assert.deepEqual(
        { code, position, checkpointSize, range },
        { position: undefined, checkpointSize: undefined, range: undefined, ...tamperCase.expected },
      )
      printed.set(tamperCase.id, `エラー [${code}] ${report.problem!.messageJa}`)
    })
  }

  test('changing any one character of any column of any entry is found at that entry', async () => {
    await appendEntries(context, 0, 40)
    const columns = ['event_type', 'tenant_id', 'actor_id', 'operation', 'result', 'client_id', 'subject_id']
    await fc.assert(
      fc.asyncProperty(fc.nat(39), fc.constantFrom(...columns), fc.nat(3), async (position, column, at) => {
        const report = await db()
          .transaction()
          .execute(async (trx) => {
            // Replaces character `at` by a character it cannot be (its successor).
            await sql`update audit_entries set ${sql.ref(column)} = overlay(${sql.ref(column)} placing
                chr(ascii(substr(${sql.ref(column)}, ${at + 1}, 1)) + 1) from ${at + 1} for 1)
              where position = ${position}`.execute(trx)
            const result = await verifyLog(trx, { verifierKey, witness: context.sequencer.witness })
            throw Object.assign(new Error('roll back'), { result })
          })
          .catch((e: { result?: Awaited<ReturnType<typeof verifyLog>> }) => e.result)
        assert.equal(report?.problem?.code, 'ENTRY_HASH_MISMATCH')
        assert.equal(report?.problem?.position, position)
      }),
      { seed: 9, numRuns: 12 },
    )
  })

  test('tampering that breaks the plain form of a batch is found at that entry, as row by row', async () => {
    // Entry 17 has no client; entry 36 a field named null, which PostgreSQL quotes in a text[], so
    // that its batch (32–39, of 16 entries a batch) is always read row by row, and only that one.
    const appender = createAppender(db(), context.sequencer)
    const special: Record<number, Partial<AuditEvent>> = {
      17: { clientId: undefined },
      36: { fields: ['address', 'null'] },
    }
    await appender.append(Array.from({ length: 40 }, (_, i) => syntheticEvent(i, special[i])))
    const cases: Record<string, { tamper: string; expected: Expected }> = {
      'a null client set to the null marker': {
        tamper: `update audit_entries set client_id = E'\\x1d' where position = 17`,
        expected: { code: 'ENTRY_HASH_MISMATCH', position: 17 },
      },
      'a field named null set to a null element': {
        tamper: `update audit_entries set fields = array['address', null] where position = 36`,
        expected: { code: 'ENTRY_HASH_MISMATCH', position: 36 },
      },
      'fields made a two-dimensional array of the same names': {
        tamper: `update audit_entries set fields = array[array['address', 'birthDate']] where position = 18`,
        expected: { code: 'ENTRY_HASH_MISMATCH', position: 18 },
      },
      'a character outside ASCII': {
        tamper: `update audit_entries set actor_id = 'usér_0' where position = 18`,
        expected: { code: 'ENTRY_HASH_MISMATCH', position: 18 },
      },
      'a column separator inside a value': {
        tamper: `update audit_entries set request_id = E'req\\x1f18' where position = 18`,
        expected: { code: 'ENTRY_HASH_MISMATCH', position: 18 },
      },
      'two stored leaf hashes of 31 and 33 bytes that concatenate as before': {
        tamper: `alter table audit_entries drop constraint audit_entries_leaf_hash_check;
          update audit_entries set leaf_hash = case position
            when 19 then substr(leaf_hash, 1, 31)
            else substr((select leaf_hash from audit_entries where position = 19), 32, 1) || leaf_hash end
          where position in (19, 20)`,
        expected: { code: 'ENTRY_HASH_MISMATCH', position: 19 },
      },
      'a byte added after the stored frontier': {
        tamper: `update audit_tree_state set frontier = frontier || '\\x00'::bytea`,
        expected: { code: 'TREE_STATE_MISMATCH', position: 40 },
      },
    }
    for (const [what, { tamper, expected }] of Object.entries(cases)) {
      const report = await db()
        .transaction()
        .execute(async (trx) => {
          for (const statement of tamper.split(';')) await sql.raw(statement).execute(trx)
          const result = await verifyLog(trx, {
            verifierKey,
            witness: context.sequencer.witness,
            batchSize: 16,
          })
          throw Object.assign(new Error('roll back'), { result })
        })
        .catch((e: { result?: Awaited<ReturnType<typeof verifyLog>> }) => e.result)
      const { code, position } = report?.problem ?? {}
      assert.deepEqual({ code, position }, expected, what)
    }
    const report = await verifyLog(db(), { verifierKey, witness: context.sequencer.witness })
    assert.equal(report.ok, true, JSON.stringify(report.problem))
  })

  test('batches folded apart report what one fold of the whole log does, whatever the batch size', async () => {
    // 300 entries: subtree hashes at levels 4 and 8, checkpoints inside batches and at their ends.
    await appendEntries(context, 0, 300)
    const flipNode = (level: number, index: number) => async (trx: Db) => {
      await sql`update audit_tree_nodes set hash = set_byte(hash, 0, get_byte(hash, 0) # 1)
        where level = ${level} and index = ${index}`.execute(trx)
    }
    const cases: Record<string, { tamper: (trx: Db) => Promise<void>; expected: Partial<Expected> }> = {
      'untouched: no problem': { tamper: async () => {}, expected: {} },
      'a level-8 subtree hash, above batches of 16 and 64': {
        tamper: flipNode(8, 0),
        expected: { code: 'TREE_NODE_MISMATCH', range: { from: 0, to: 255 } },
      },
      'a level-4 subtree hash inside a batch of 64': {
        tamper: flipNode(4, 9),
        expected: { code: 'TREE_NODE_MISMATCH', range: { from: 144, to: 159 } },
      },
      'an entry rewritten with its leaf hash: the root signed inside its batch differs': {
        tamper: (trx) => rewriteWithHash(trx, 100, 'person_other'),
        expected: { code: 'CHECKPOINT_ROOT_MISMATCH', checkpointSize: 110, range: { from: 100, to: 109 } },
      },
    }
    for (const [what, { tamper, expected }] of Object.entries(cases)) {
      for (const batchSize of [16, 64, undefined]) {
        const report = await db()
          .transaction()
          .execute(async (trx) => {
            await tamper(trx)
            const result = await verifyLog(trx, {
              verifierKey,
              witness: context.sequencer.witness,
              batchSize,
            })
            throw Object.assign(new Error('roll back'), { result })
          })
          .catch((e: { result?: Awaited<ReturnType<typeof verifyLog>> }) => e.result)
        assert.ok(report !== undefined)
        const { code, position, checkpointSize, range } = report.problem ?? {}
        assert.deepEqual(
          { code, position, checkpointSize, range },
          { position: undefined, checkpointSize: undefined, range: undefined, code: undefined, ...expected },
          `${what}, batches of ${batchSize ?? 'the default size'}`,
        )
        if (expected.code === undefined) assert.equal(report.entries, 300)
      }
    }
  })

  test('docs/audit.md shows, for each case, the code and the message verify prints', async () => {
    const doc = await readFile(new URL('../../../docs/audit.md', import.meta.url), 'utf8')
    const rows = new Map(
      doc
        .split('\n')
        .filter((line) => /^\| T\d+ \|/.test(line))
        .map((line) => {
          const cells = line.split('|').map((c) => c.trim())
          return [cells[1]!, { code: cells[3]!.replaceAll('`', ''), prints: cells[5]! }] as const
        }),
    )
    assert.deepEqual(
      [...rows.keys()],
      TAMPER_CASES.map((c) => c.id),
    )
    for (const tamperCase of TAMPER_CASES) {
      assert.equal(rows.get(tamperCase.id)?.code, tamperCase.expected.code, tamperCase.id)
      assert.equal(rows.get(tamperCase.id)?.prints, printed.get(tamperCase.id), tamperCase.id)
    }
  })
})
