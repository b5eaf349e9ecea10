-- The per-client summary (client-buckets.ts): for each person of a client, what was done to their
-- data in a bucket of 4^level Japanese days (JST). Derived from audit_entries, outside the signed
-- tree: the summariser adds integrated entries to it in order, behind the sequencer, and verifyLog
-- recomputes it from the verified entries, so an edited row is reported, not believed.
-- Text columns sort and compare as bytes ("C"): ids are ASCII, and the query groups by them.
create table audit_client_buckets (
  tenant_id text collate "C" not null,
  client_id text collate "C" not null,
  level smallint not null check (level between 0 and 4),
  -- JST day number divided by 4^level, rounded down.
  bucket bigint not null,
  subject_id text collate "C" not null,
  operation text collate "C" not null,
  entries bigint not null check (entries > 0),
  first_ms bigint not null,
  last_ms bigint not null,
  -- Sorted distinct names joined by ',' (no id or data item name holds a comma); '' for none.
  actor_ids text collate "C" not null,
  fields text collate "C" not null,
  primary key (tenant_id, client_id, level, bucket, subject_id, operation)
);

-- Entries [0, size) of the log are in audit_client_buckets; queries read later ones from the log.
create table audit_summary_state (
  id smallint primary key check (id = 1),
  size bigint not null check (size >= 0)
);
insert into audit_summary_state (id, size) select 1, size from audit_tree_state;

-- The union of two such lists, sorted and distinct.
create function audit_merge_lists(a text, b text) returns text
language sql immutable strict parallel safe
as $$
  select coalesce(string_agg(x, ',' order by x), '')
  from (select distinct x collate "C" as x from unnest(string_to_array(a, ',') || string_to_array(b, ',')) as x
        where x <> '') as items
$$;

-- The summary of entries integrated before this migration.
insert into audit_client_buckets
select tenant_id, client_id, 0, day, subject_id, operation, count(*), min(at_ms), max(at_ms),
  audit_merge_lists(string_agg(actor_id, ','), ''),
  audit_merge_lists(coalesce(string_agg(array_to_string(fields, ','), ','), ''), '')
from (select *, floor((at_ms + 32400000) / 86400000.0)::bigint as day from audit_entries
      where client_id is not null and subject_id is not null) as e
group by tenant_id, client_id, day, subject_id, operation;

insert into audit_client_buckets
select tenant_id, client_id, l.level, bucket >> (2 * l.level), subject_id, operation, sum(entries), min(first_ms),
  max(last_ms), audit_merge_lists(string_agg(actor_ids, ','), ''), audit_merge_lists(string_agg(fields, ','), '')
from audit_client_buckets, generate_series(1, 4) as l(level)
where audit_client_buckets.level = 0
group by tenant_id, client_id, l.level, bucket >> (2 * l.level), subject_id, operation;
