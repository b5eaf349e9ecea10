/**
 * Reads the log in position order for verification, a large batch per query. A batch comes back
 * as one row: the leaf hashes as one base64 string and the entries' columns as one text, records
 * split by 0x1E and columns by 0x1F: drivers turn rows and bytea into JavaScript values slowly
 * (PGlite ~30 µs a row), while one long string costs little. Optional columns carry a leading
 * `=` when present, so that null and the empty string stay apart.
 *
 * A stored value can hold the separators only if it was tampered with; the parse then refuses the
 * batch and `readEntryRows`, row by row, says exactly where.
 */
import type { QueryExecutorProvider } from 'kysely'
import { sql } from 'kysely'
import type { StoredEntry } from './stored-entry.ts'

export type EntryBatch = {
  from: number
  count: number
  leafHashes: Buffer
  /** The text of the columns, parsed by `parseEntries`. */
  text: string
  /**
   * Every column is printable ASCII without `"` and `\` (as every valid entry's are), so JSON
   * writes each string as it is: canonicalJsonOf's `plain`. One test for the whole batch.
   */
  plain: boolean
}

/** The separators, and the characters JSON.stringify writes unescaped and unchanged. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: 0x1E and 0x1F are the batch's separators
const PLAIN_BATCH = /^[\x1e\x1f\x20\x21\x23-\x5b\x5d-\x7e]*$/

export async function logExtent(db: QueryExecutorProvider): Promise<{ count: number; end: number }> {
  const { rows } = await sql<{ count: string; end: string }>`
    select count(*)::text as count, coalesce(max(position) + 1, 0)::text as end from audit_entries`.execute(
    db,
  )
  return { count: Number(rows[0]!.count), end: Number(rows[0]!.end) }
}

export async function readEntryBatch(
  db: QueryExecutorProvider,
  from: number,
  to: number,
): Promise<EntryBatch> {
  // The aggregates read a subquery sorted by the primary key, without ORDER BY of their own: one
  // sort instead of one per aggregate. Were PostgreSQL ever to aggregate out of order, every
  // entry would get the wrong `seq` and fail: a false alarm, never a false pass.
  const { rows } = await sql<{ count: number; leaves: string | null; text: string | null }>`
    select count(*)::int as count, encode(string_agg(leaf_hash, ''::bytea), 'base64') as leaves,
      string_agg(concat_ws(E'\\x1f', event_type, at_ms, tenant_id, actor_id, operation, result,
        coalesce('=' || client_id, ''), coalesce('=' || subject_id, ''), coalesce('=' || purpose, ''),
        coalesce('=' || document, ''), coalesce('=' || request_id, ''),
        coalesce(cardinality(fields) || '=' || array_to_string(fields, ','), '')), E'\\x1e') as text
    from (select * from audit_entries where position >= ${from} and position < ${to} order by position) as s`.execute(
    db,
  )
  const row = rows[0]!
  const text = row.text ?? ''
  return {
    from,
    count: row.count,
    leafHashes: Buffer.from(row.leaves ?? '', 'base64'),
    text,
    plain: PLAIN_BATCH.test(text),
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

/** The batch's entries, or undefined when the text does not split cleanly (a tampered value). */
export function parseEntries(batch: EntryBatch): StoredEntry[] | undefined {
  if (batch.count === 0) return []
  const records = batch.text.split('\x1e')
  if (records.length !== batch.count) return undefined
  const entries: StoredEntry[] = new Array(records.length)
  for (let i = 0; i < records.length; i++) {
    const c = records[i]!.split('\x1f')
    if (c.length !== 12) return undefined
    const fields = parseFields(c[11]!)
    if (fields === undefined) return undefined
    entries[i] = {
      seq: batch.from + i,
      type: c[0]!,
      at: Number(c[1]),
      tenantId: c[2]!,
      actorId: c[3]!,
      operation: c[4]!,
      result: c[5]!,
      clientId: optional(c[6]!),
      subjectId: optional(c[7]!),
      purpose: optional(c[8]!),
      document: optional(c[9]!),
      requestId: optional(c[10]!),
      fields,
    }
  }
  return entries
}

function optional(text: string): string | null {
  return text === '' ? null : text.slice(1)
}

/** `<count>=<a>,<b>`: the count catches a name that holds a comma. */
function parseFields(text: string): string[] | null | undefined {
  if (text === '') return null
  const split = text.indexOf('=')
  const count = Number(text.slice(0, split))
  const names = text.slice(split + 1)
  const fields = names === '' ? [] : names.split(',')
  return fields.length === count ? fields : undefined
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
