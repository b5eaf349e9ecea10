/**
 * audit_client_buckets in the database: the summariser, which adds integrated entries to it in
 * log order behind the sequencer (so appends never wait on it), and verifyLog's recomputation of
 * the whole table from the entries. Layout and meaning: client-buckets.ts and migration 0002.
 */
import type { Kysely, QueryExecutorProvider, RawBuilder } from 'kysely'
import { sql } from 'kysely'
import {
  type BucketRow,
  bucketRowsOf,
  LIST_SEPARATOR,
  type SummarisedEntry,
  TOP_LEVEL,
} from './client-buckets.ts'

/** Rows per statement: each column goes as one array parameter. */
const UPSERT_CHUNK = 5000
const DEFAULT_SUMMARY_BATCH = 5000

/** Entries [0, size) are in the summary (audit_summary_state). */
export async function summarisedSize(db: QueryExecutorProvider): Promise<number> {
  const { rows } = await sql<{
    size: string
  }>`select size::text from audit_summary_state where id = 1`.execute(db)
  return Number(rows[0]?.size ?? 0)
}

/**
 * Adds every integrated entry not yet in the summary, `maxBatch` entries a transaction, in log
 * order; returns how many. One summariser at a time per database (an advisory lock of its own,
 * not the sequencer's). Integrated entries are always a prefix of the log, each sequencer batch
 * committing under its lock before the next, so what it reads from `size` on has no gap.
 */
export async function summarise<DB>(db: Kysely<DB>, options: { maxBatch?: number } = {}): Promise<number> {
  const limit = options.maxBatch ?? DEFAULT_SUMMARY_BATCH
  let total = 0
  for (;;) {
    const added = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext('mamori_audit_summariser'))`.execute(trx)
      const from = await summarisedSize(trx)
      const { rows } = await sql<{
        at_ms: string
        tenant_id: string
        actor_id: string
        operation: string
        client_id: string | null
        subject_id: string | null
        fields: string[] | null
      }>`select at_ms::text, tenant_id, actor_id, operation, client_id, subject_id, fields from audit_entries
        where position >= ${from} and position < ${from + limit} order by position`.execute(trx)
      const entries: SummarisedEntry[] = rows.map((r) => ({
        at: Number(r.at_ms),
        tenantId: r.tenant_id,
        actorId: r.actor_id,
        operation: r.operation,
        clientId: r.client_id,
        subjectId: r.subject_id,
        fields: r.fields,
      }))
      await addToClientBuckets(trx, bucketRowsOf(entries))
      await sql`update audit_summary_state set size = ${from + entries.length} where id = 1`.execute(trx)
      return entries.length
    })
    total += added
    if (added < limit) return total
  }
}

/** Adds a batch's rows (bucketRowsOf) to the table. */
export async function addToClientBuckets(
  trx: QueryExecutorProvider,
  rows: readonly BucketRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
    const chunk = rows.slice(i, i + UPSERT_CHUNK)
    const column = <K extends keyof BucketRow>(key: K) => chunk.map((row) => row[key])
    await sql`insert into audit_client_buckets as b (tenant_id, client_id, level, bucket, subject_id, operation,
        entries, first_ms, last_ms, actor_ids, fields)
      select * from unnest(${column('tenantId')}::text[], ${column('clientId')}::text[],
        ${column('level')}::smallint[], ${column('bucket')}::bigint[], ${column('subjectId')}::text[],
        ${column('operation')}::text[], ${column('entries')}::bigint[], ${column('firstMs')}::bigint[],
        ${column('lastMs')}::bigint[], ${chunk.map((row) => row.actorIds.join(LIST_SEPARATOR))}::text[],
        ${chunk.map((row) => row.fields.join(LIST_SEPARATOR))}::text[])
      on conflict (tenant_id, client_id, level, bucket, subject_id, operation) do update set
        entries = b.entries + excluded.entries,
        first_ms = least(b.first_ms, excluded.first_ms),
        last_ms = greatest(b.last_ms, excluded.last_ms),
        actor_ids = case when b.actor_ids = excluded.actor_ids then b.actor_ids
          else audit_merge_lists(b.actor_ids, excluded.actor_ids) end,
        fields = case when b.fields = excluded.fields then b.fields
          else audit_merge_lists(b.fields, excluded.fields) end`.execute(trx)
  }
}

export type BucketDifference = { level: number; bucket: number }

/**
 * The check runs as this many statements at once, each over the people whose id hashes to its
 * part: every level of a person's rows derives from their own entries alone, so the parts are
 * independent, and on a server each takes a core.
 */
const CHECK_PARTS = 2

/**
 * The first bucket (by level, then bucket) whose stored rows differ from the ones recomputed from
 * the entries the summary state says it holds: level 0 from audit_entries, each level above from
 * the recomputed level below. A row edited, added or removed shows, and so does a state moved
 * without the rows; undefined when the table is exactly what those entries make.
 */
export async function firstClientBucketDifference(
  db: QueryExecutorProvider,
): Promise<BucketDifference | undefined> {
  const found = await Promise.all(
    Array.from({ length: CHECK_PARTS }, (_, part) => firstDifferenceInPart(db, part)),
  )
  return found.filter((d) => d !== undefined).sort((x, y) => x.level - y.level || x.bucket - y.bucket)[0]
}

async function firstDifferenceInPart(
  db: QueryExecutorProvider,
  part: number,
): Promise<BucketDifference | undefined> {
  const inPart = (column: string) =>
    sql`abs(hashtext(${sql.ref(column)}) % ${sql.lit(CHECK_PARTS)}) = ${sql.lit(part)}`
  const ctes = [
    sql`l0 as (
      select tenant_id collate "C" as tenant_id, client_id collate "C" as client_id, day as bucket,
        subject_id collate "C" as subject_id, operation collate "C" as operation, count(*) as entries,
        min(at_ms) as first_ms, max(at_ms) as last_ms,
        ${sameOr(sql`actor_id collate "C"`, sql`min(actor_id collate "C")`, sql`string_agg(actor_id, ',')`)} as actor_ids,
        ${sameOr(sql`fields`, distinctList(sql`array_to_string(min(fields), ',')`), sql`string_agg(array_to_string(fields, ','), ',')`)}
          as fields
      from (select *, floor((at_ms + 32400000) / 86400000.0)::bigint as day from audit_entries
            where client_id is not null and subject_id is not null and ${inPart('subject_id')}
              and position < (select size from audit_summary_state where id = 1)) as e
      group by 1, 2, 3, 4, 5)`,
  ]
  // One CTE a level: PostgreSQL allows no aggregate in a recursive CTE's recursive term.
  for (let level = 1; level <= TOP_LEVEL; level++) {
    ctes.push(sql`${sql.raw(`l${level}`)} as (
      select tenant_id, client_id, bucket >> 2 as bucket, subject_id, operation,
        sum(entries)::bigint as entries, min(first_ms) as first_ms, max(last_ms) as last_ms,
        ${sameOr(sql`actor_ids`, sql`min(actor_ids)`, sql`string_agg(actor_ids, ',')`)} as actor_ids,
        ${sameOr(sql`fields`, sql`min(fields)`, sql`string_agg(fields, ',')`)} as fields
      from ${sql.raw(`l${level - 1}`)} group by tenant_id, client_id, bucket >> 2, subject_id, operation)`)
  }
  const recomputed = Array.from(
    { length: TOP_LEVEL + 1 },
    (_, level) => sql`select ${sql.lit(level)} as level, * from ${sql.raw(`l${level}`)}`,
  )
  const { rows } = await sql<{ level: number; bucket: string }>`
    with ${sql.join(ctes)}, recomputed as (${sql.join(recomputed, sql` union all `)}),
    stored as (select * from audit_client_buckets as b where ${inPart('b.subject_id')})
    select coalesce(r.level, s.level)::int as level, coalesce(r.bucket, s.bucket)::text as bucket
    from recomputed as r full join stored as s
      on s.tenant_id = r.tenant_id and s.client_id = r.client_id and s.level = r.level and s.bucket = r.bucket
        and s.subject_id = r.subject_id and s.operation = r.operation
    where r.level is null or s.level is null or s.entries <> r.entries or s.first_ms <> r.first_ms
      or s.last_ms <> r.last_ms or s.actor_ids <> r.actor_ids or s.fields <> r.fields
    order by 1, 2::bigint limit 1`.execute(db)
  const row = rows[0]
  return row === undefined ? undefined : { level: Number(row.level), bucket: Number(row.bucket) }
}

/**
 * A group's list of names: when every row of the group has the same value, `single` (that value
 * as a sorted distinct list), else the distinct names of all of them (`joined`). Most groups
 * are one row or alike, and the CASE leaves their subquery unrun: the check takes a third of the
 * time it took with the subquery, or with audit_merge_lists, for every group.
 */
function sameOr(
  column: RawBuilder<unknown>,
  single: RawBuilder<unknown>,
  joined: RawBuilder<unknown>,
): RawBuilder<unknown> {
  return sql`case when min(${column}) = max(${column}) then ${single} else ${distinctList(joined)} end`
}

/** The distinct names of a comma-joined list, sorted and joined again. */
function distinctList(joined: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`coalesce((select string_agg(distinct item, ',' order by item)
    from unnest(string_to_array(${joined}, ',') collate "C") as item where item <> ''), '')`
}
