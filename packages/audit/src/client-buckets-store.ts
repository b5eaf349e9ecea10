/**
 * audit_client_buckets in the database: the sequencer's upsert, and verifyLog's recomputation of
 * the whole table from the entries. Layout and meaning: client-buckets.ts and migration 0002.
 */
import type { QueryExecutorProvider } from 'kysely'
import { sql } from 'kysely'
import { type BucketRow, LIST_SEPARATOR, TOP_LEVEL } from './client-buckets.ts'

/** Rows per statement: each column goes as one array parameter. */
const UPSERT_CHUNK = 5000

/** Adds a batch's rows (bucketRowsOf) to the table, inside the sequencer's transaction. */
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
 * The first bucket (by level, then bucket) whose stored rows differ from the ones recomputed from
 * the entries: level 0 from audit_entries, each level above from the recomputed level below. A row
 * edited, added or removed shows; undefined when the table is exactly what the entries make.
 */
export async function firstClientBucketDifference(
  db: QueryExecutorProvider,
): Promise<BucketDifference | undefined> {
  const levels = [sql`select * from l0`]
  const ctes = [
    sql`l0 as (
      select tenant_id collate "C" as tenant_id, client_id collate "C" as client_id, 0 as level, day as bucket,
        subject_id collate "C" as subject_id, operation collate "C" as operation, count(*) as entries,
        min(at_ms) as first_ms, max(at_ms) as last_ms,
        audit_merge_lists(string_agg(actor_id, ','), '') collate "C" as actor_ids,
        audit_merge_lists(coalesce(string_agg(array_to_string(fields, ','), ','), ''), '') collate "C" as fields
      from (select *, floor((at_ms + 32400000) / 86400000.0)::bigint as day from audit_entries
            where client_id is not null and subject_id is not null) as e
      group by 1, 2, 4, 5, 6)`,
  ]
  // One CTE a level: PostgreSQL allows no aggregate in a recursive CTE's recursive term.
  for (let level = 1; level <= TOP_LEVEL; level++) {
    const below = sql.raw(`l${level - 1}`)
    ctes.push(sql`${sql.raw(`l${level}`)} as (
      select tenant_id, client_id, ${sql.lit(level)} as level, bucket >> 2 as bucket, subject_id, operation,
        sum(entries)::bigint as entries, min(first_ms) as first_ms, max(last_ms) as last_ms,
        audit_merge_lists(string_agg(actor_ids, ','), '') collate "C" as actor_ids,
        audit_merge_lists(string_agg(fields, ','), '') collate "C" as fields
      from ${below} group by tenant_id, client_id, bucket >> 2, subject_id, operation)`)
    levels.push(sql`select * from ${sql.raw(`l${level}`)}`)
  }
  const { rows } = await sql<{ level: number; bucket: string }>`
    with ${sql.join(ctes)}, recomputed as (${sql.join(levels, sql` union all `)}),
    stored as (
      select tenant_id, client_id, level::int as level, bucket, subject_id, operation, entries, first_ms, last_ms,
        actor_ids, fields
      from audit_client_buckets
    ), differing as (
      (select * from recomputed except all select * from stored)
      union all
      (select * from stored except all select * from recomputed)
    )
    select level, bucket::text from differing order by level, bucket limit 1`.execute(db)
  const row = rows[0]
  return row === undefined ? undefined : { level: Number(row.level), bucket: Number(row.bucket) }
}
