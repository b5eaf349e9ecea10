/**
 * The sequencer: moves queued entries into the tree in commit order, in one transaction under an
 * advisory lock (one sequencer per database at a time, across processes), and signs a checkpoint
 * at least every N entries or T seconds. Trillian's design: writers only insert into a queue
 * inside their own transactions; the positions, hashes and checkpoints are the sequencer's alone.
 *
 * Commit order, to the batch: a batch holds what had committed when it started, ordered by queue
 * id; an entry whose transaction commits later lands in a later batch, after entries that
 * committed before it.
 */
import { setImmediate } from 'node:timers/promises'
import type { Kysely, QueryExecutorProvider } from 'kysely'
import { sql } from 'kysely'
import { decodeEntry } from './entry-encoding.ts'
import { leafHash } from './merkle.ts'
import { type CheckpointSigner, signCheckpoint } from './sign-checkpoint.ts'
import { encodeStoredEntry, type StoredEntry, storedEntryOf } from './stored-entry.ts'
import { packFrontier, TreeAppender, unpackFrontier } from './tree-appender.ts'
import type { Witness } from './witness.ts'

export type SequencerOptions = {
  signer: CheckpointSigner
  witness: Witness
  /**
   * A checkpoint is signed when this many entries or milliseconds have passed since the last one
   * (and something was integrated since). Defaults: 1,000 entries, 10 seconds.
   */
  checkpointEvery?: { entries?: number; ms?: number }
  now?: () => number
}

export type IntegrateResult = {
  integrated: number
  treeSize: number
  /** Signed notes written by this call, oldest first (already in the witness). */
  checkpoints: string[]
}

const DEFAULT_CHECKPOINT_ENTRIES = 1000
const DEFAULT_CHECKPOINT_MS = 10_000
const DEFAULT_BATCH = 10_000
/** Rows per insert: each column goes as one array parameter, so a chunk is one statement. */
const INSERT_CHUNK = 5000
/** Entries hashed between turns of the event loop (~1–2 ms of work). */
const HASH_SLICE = 256

/** Integrates everything queued, in batches of `maxBatch` entries, one transaction each. */
export async function integrate<DB>(
  db: Kysely<DB>,
  options: SequencerOptions & { maxBatch?: number; forceCheckpoint?: boolean },
): Promise<IntegrateResult> {
  const total: IntegrateResult = { integrated: 0, treeSize: 0, checkpoints: [] }
  for (;;) {
    const batch = await db.transaction().execute((trx) =>
      integrateQueued(trx, options, {
        limit: options.maxBatch ?? DEFAULT_BATCH,
        force: options.forceCheckpoint,
      }),
    )
    for (const note of batch.checkpoints) await options.witness.append(note)
    total.integrated += batch.integrated
    total.treeSize = batch.treeSize
    total.checkpoints.push(...batch.checkpoints)
    if (batch.integrated < (options.maxBatch ?? DEFAULT_BATCH)) return total
  }
}

export type QueuedBatch = IntegrateResult & { positions: Map<string, number> }

/**
 * One batch inside `trx`. The caller commits, then appends `checkpoints` to the witness: after the
 * commit, so that the witness never holds a checkpoint the database does not (a witness that lags
 * by a crash is fine, the next checkpoint covers it).
 */
export async function integrateQueued(
  trx: QueryExecutorProvider,
  options: SequencerOptions,
  batch: { limit?: number; force?: boolean | undefined },
): Promise<QueuedBatch> {
  await sql`select pg_advisory_xact_lock(hashtext('mamori_audit_sequencer'))`.execute(trx)
  const state = await loadState(trx)
  // The batch is the first `limit` committed entries by id, taken as the id range up to the last
  // of them: the same rows as `id in (… order by id limit n)`, without a join whose plan depends on
  // the queue's statistics (a queue filled by an import before any analyze was planned as a nested
  // loop and took minutes per batch).
  const upTo =
    batch.limit === undefined
      ? sql``
      : sql`where id <= (select max(id) from (select id from audit_queue order by id limit ${batch.limit}) as first)`
  const { rows } = await sql<{ id: string; event: Uint8Array }>`
    delete from audit_queue ${upTo}
    returning id::text, event`.execute(trx)
  rows.sort((a, b) => compareIds(a.id, b.id))
  const tree = new TreeAppender(state.size, state.frontier)
  const positions = new Map<string, number>()
  const entries: StoredEntry[] = []
  const leaves: Uint8Array[] = []
  for (const [i, row] of rows.entries()) {
    // A host's requests wait on this thread: let them run between slices of a large batch.
    if (i > 0 && i % HASH_SLICE === 0) await setImmediate()
    const position = tree.size
    positions.set(row.id, position)
    // The queued bytes were encoded from a validated event by record(); decodeEntry holds them to it.
    const entry = storedEntryOf(decodeEntry(row.event), position)
    const leaf = leafHash(encodeStoredEntry(entry))
    tree.append(leaf)
    entries.push(entry)
    leaves.push(leaf)
  }
  for (let i = 0; i < entries.length; i += INSERT_CHUNK) {
    await insertEntries(trx, entries.slice(i, i + INSERT_CHUNK), leaves.slice(i, i + INSERT_CHUNK))
  }
  const nodes = tree.takeCompleted()
  for (let i = 0; i < nodes.length; i += INSERT_CHUNK) {
    const chunk = nodes.slice(i, i + INSERT_CHUNK)
    await sql`insert into audit_tree_nodes (level, index, hash)
      select level, index, decode(hash, 'base64')
      from unnest(${chunk.map((n) => n.level)}::smallint[], ${chunk.map((n) => n.index)}::bigint[],
        ${chunk.map((n) => Buffer.from(n.hash).toString('base64'))}::text[]) as t(level, index, hash)`.execute(
      trx,
    )
  }
  const now = (options.now ?? Date.now)()
  const checkpoints: string[] = []
  let lastCheckpointSize = state.lastCheckpointSize
  let lastCheckpointAt = state.lastCheckpointAt
  if (isCheckpointDue(tree.size, state, now, options, batch.force === true)) {
    const rootHash = tree.root()
    const time = Math.floor(now / 1000)
    const note = await signCheckpoint(
      { origin: options.signer.name, treeSize: tree.size, rootHash, time },
      options.signer,
    )
    await sql`insert into audit_checkpoints (tree_size, root_hash, signed_at, note)
      values (${tree.size}, ${Buffer.from(rootHash)}, to_timestamp(${time}), ${note})`.execute(trx)
    checkpoints.push(note)
    lastCheckpointSize = tree.size
    lastCheckpointAt = now
  }
  await sql`update audit_tree_state set size = ${tree.size}, frontier = ${packFrontier(tree.frontier())},
    last_checkpoint_size = ${lastCheckpointSize},
    last_checkpoint_at = ${lastCheckpointAt === undefined ? null : new Date(lastCheckpointAt).toISOString()}::timestamptz
    where id = 1`.execute(trx)
  return { integrated: rows.length, treeSize: tree.size, checkpoints, positions }
}

/**
 * One statement per chunk, each column one array parameter: far fewer bind parameters to parse
 * than a multi-row VALUES, on the server and in PGlite. Hashes travel as base64 text arrays, which
 * both drivers serialise alike; `fields` as array literals (`{"a","b"}`): data item names are
 * letters, digits, `_` and `.` (audit-event.ts), so quoting needs no escapes.
 */
async function insertEntries(
  trx: QueryExecutorProvider,
  entries: readonly StoredEntry[],
  leaves: readonly Uint8Array[],
): Promise<void> {
  const column = <K extends keyof StoredEntry>(key: K) => entries.map((e) => e[key])
  const fields = entries.map((e) =>
    e.fields === null ? null : `{${e.fields.map((f) => `"${f}"`).join(',')}}`,
  )
  await sql`insert into audit_entries (position, leaf_hash, event_type, at_ms, tenant_id, actor_id, operation,
      result, client_id, subject_id, purpose, document, request_id, fields)
    select position, decode(leaf, 'base64'), event_type, at_ms, tenant_id, actor_id, operation, result,
      client_id, subject_id, purpose, document, request_id, fields::text[]
    from unnest(${column('seq')}::bigint[], ${leaves.map((l) => Buffer.from(l).toString('base64'))}::text[],
      ${column('type')}::text[], ${column('at')}::bigint[], ${column('tenantId')}::text[],
      ${column('actorId')}::text[], ${column('operation')}::text[], ${column('result')}::text[],
      ${column('clientId')}::text[], ${column('subjectId')}::text[], ${column('purpose')}::text[],
      ${column('document')}::text[], ${column('requestId')}::text[], ${fields}::text[])
      as t(position, leaf, event_type, at_ms, tenant_id, actor_id, operation, result, client_id, subject_id,
        purpose, document, request_id, fields)`.execute(trx)
}

type TreeState = {
  size: number
  frontier: Uint8Array[]
  lastCheckpointSize: number
  lastCheckpointAt: number | undefined
}

async function loadState(trx: QueryExecutorProvider): Promise<TreeState> {
  const { rows } = await sql<{
    size: string
    frontier: Uint8Array
    last_checkpoint_size: string
    last_checkpoint_ms: string | null
  }>`select size::text, frontier, last_checkpoint_size::text,
      (extract(epoch from last_checkpoint_at) * 1000)::bigint::text as last_checkpoint_ms
    from audit_tree_state where id = 1`.execute(trx)
  const row = rows[0]
  if (row === undefined) throw new Error('audit_tree_state has no row: the audit migration was not applied')
  return {
    size: Number(row.size),
    frontier: unpackFrontier(row.frontier),
    lastCheckpointSize: Number(row.last_checkpoint_size),
    lastCheckpointAt: row.last_checkpoint_ms === null ? undefined : Number(row.last_checkpoint_ms),
  }
}

function isCheckpointDue(
  size: number,
  state: TreeState,
  now: number,
  options: SequencerOptions,
  force: boolean,
): boolean {
  if (size === state.lastCheckpointSize && state.lastCheckpointAt !== undefined) return false
  if (force || state.lastCheckpointAt === undefined) return true
  const entries = options.checkpointEvery?.entries ?? DEFAULT_CHECKPOINT_ENTRIES
  const ms = options.checkpointEvery?.ms ?? DEFAULT_CHECKPOINT_MS
  return size - state.lastCheckpointSize >= entries || now - state.lastCheckpointAt >= ms
}

/** Queue ids are bigint text: compare by length, then digits. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)
}
