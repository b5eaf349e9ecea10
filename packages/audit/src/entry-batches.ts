/**
 * Reads the log in position order for verification, a large batch per query. A batch comes back
 * as a few rows, one a group of 8,192 entries: the group's leaf hashes as one base64 string and
 * its entries' columns as one text, in the layout batch-leaf-hashes.ts rebuilds the leaves from:
 * drivers turn rows and bytea into JavaScript values slowly (PGlite ~30 µs a row), while a long
 * string costs little. Not one row for the whole batch: PostgreSQL spends about 1 µs an entry in
 * the kernel (page faults) building and sending values of many megabytes, and a tenth of that on
 * values of about a megabyte.
 *
 * The groups' texts are joined, as one text would have them, into UTF-8 bytes in a buffer of their
 * own that a worker thread can take over without a copy.
 *
 * A stored value can break that layout only if it was tampered with; the rebuild then refuses the
 * batch and `readEntryRows`, row by row, says exactly where.
 */
import type { QueryExecutorProvider } from 'kysely'
import { sql } from 'kysely'
import type { StoredLeaves } from './batch-leaf-hashes.ts'
import type { StoredEntry } from './stored-entry.ts'

export type EntryBatch = StoredLeaves

const GROUP = 8192
const RS = 0x1e

export async function logExtent(db: QueryExecutorProvider): Promise<{ count: number; end: number }> {
  const { rows } = await sql<{ count: string; end: string }>`
    select count(*)::text as count, coalesce(max(position) + 1, 0)::text as end from audit_entries`.execute(
    db,
  )
  return { count: Number(rows[0]!.count), end: Number(rows[0]!.end) }
}

/** Entries [from, to), read `group` entries a row. */
export async function readEntryBatch(
  db: QueryExecutorProvider,
  from: number,
  to: number,
  group = GROUP,
): Promise<EntryBatch> {
  // Each group's aggregates read a subquery sorted by the primary key, without ORDER BY of their
  // own: one sort instead of one per aggregate. Were PostgreSQL ever to aggregate out of order,
  // every entry would get the wrong `seq` and fail: a false alarm, never a false pass; groups are
  // put in order by `k` here. The columns come in the order of the canonical JSON's keys; 0x1D
  // stands for null (counted in `present`).
  const { rows } = await sql<{
    k: number
    count: number
    present: number
    leaves_sized: boolean | null
    leaves: string | null
    text: string | null
  }>`
    select g.k::int as k, s.* from generate_series(0, ${Math.ceil((to - from) / group) - 1}::int) as g(k)
    cross join lateral (
      select count(*)::int as count,
        coalesce(sum(num_nonnulls(client_id, document, fields, purpose, request_id, subject_id)), 0)::int
          as present,
        bool_and(length(leaf_hash) = 32) as leaves_sized,
        encode(string_agg(leaf_hash, ''::bytea), 'base64') as leaves,
        string_agg(concat_ws(E'\x1f', actor_id, at_ms, coalesce(client_id, E'\x1d'),
          coalesce(document, E'\x1d'), coalesce(fields::text, E'\x1d'), operation,
          coalesce(purpose, E'\x1d'), coalesce(request_id, E'\x1d'), result,
          coalesce(subject_id, E'\x1d'), tenant_id, event_type), E'\x1e') as text
      from (select * from audit_entries
        where position >= ${from}::bigint + g.k * ${group}::bigint
          and position < least(${from}::bigint + (g.k + 1) * ${group}::bigint, ${to}::bigint)
        order by position) as e) as s`.execute(db)
  const groups = rows.filter((row) => row.count > 0).sort((a, b) => a.k - b.k)
  const texts = groups.map((row) => row.text ?? '')
  // The texts joined by RS, as one string_agg over the batch writes them.
  let length = Math.max(0, texts.length - 1)
  for (const text of texts) length += Buffer.byteLength(text, 'utf8')
  const bytes = new Uint8Array(length)
  const encoder = new TextEncoder()
  let at = 0
  for (const [i, text] of texts.entries()) {
    if (i > 0) bytes[at++] = RS
    at += encoder.encodeInto(text, bytes.subarray(at)).written
  }
  return {
    from,
    count: groups.reduce((n, row) => n + row.count, 0),
    present: groups.reduce((n, row) => n + row.present, 0),
    leavesSized: groups.every((row) => row.leaves_sized !== false),
    leafHashes: Buffer.concat(groups.map((row) => Buffer.from(row.leaves ?? '', 'base64'))).toString(
      'latin1',
    ),
    text: bytes,
  }
}

/** The first position in [from, to) with no entry; called only when a batch came back short. */
export async function firstMissingPosition(
  db: QueryExecutorProvider,
  from: number,
  to: number,
): Promise<number> {
  const { rows } = await sql<{ position: string }>`
    select position::text from audit_entries where position >= ${from} and position < ${to}
    order by audit_entries.position`.execute(db)
  let expected = from
  for (const row of rows) {
    if (Number(row.position) !== expected) return expected
    expected += 1
  }
  return expected
}

/** Row by row, exact: for locating a problem in a batch the fast path refused. */
export async function readEntryRows(
  db: QueryExecutorProvider,
  from: number,
  to: number,
): Promise<Array<{ position: number; leafHash: Uint8Array; entry: StoredEntry }>> {
  const { rows } = await sql<{
    position: string
    leaf_hash: Uint8Array
    event_type: string
    at_ms: string
    tenant_id: string
    actor_id: string
    operation: string
    result: string
    client_id: string | null
    subject_id: string | null
    purpose: string | null
    document: string | null
    request_id: string | null
    fields: string[] | null
  }>`select position::text, leaf_hash, event_type, at_ms::text, tenant_id, actor_id, operation, result,
      client_id, subject_id, purpose, document, request_id, fields
    from audit_entries where position >= ${from} and position < ${to} order by audit_entries.position`.execute(
    db,
  )
  return rows.map((r) => ({
    position: Number(r.position),
    leafHash: r.leaf_hash,
    entry: {
      seq: Number(r.position),
      type: r.event_type,
      at: Number(r.at_ms),
      tenantId: r.tenant_id,
      actorId: r.actor_id,
      operation: r.operation,
      result: r.result,
      clientId: r.client_id,
      subjectId: r.subject_id,
      purpose: r.purpose,
      document: r.document,
      requestId: r.request_id,
      fields: r.fields,
    },
  }))
}
