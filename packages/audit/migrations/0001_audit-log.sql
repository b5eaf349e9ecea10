-- The tamper-evident audit log (packages/audit). Applied in each host's database under the
-- namespace 'audit': the vault and the server each keep their own log.
-- Values that identify people are ids only: never a My Number, a name or an address.

-- Entries recorded inside callers' transactions, not yet in the tree. record() inserts here so
-- that an entry commits or rolls back with the change it describes; the sequencer (integrate)
-- moves them into audit_entries in commit order and deletes them here.
create table audit_queue (
  id bigint generated always as identity primary key,
  tenant_id text not null,
  -- Canonical encoding (entry-encoding.ts) of the validated event, without its position.
  event bytea not null
);

-- The log. Each row is one entry, one column per member of the envelope (audit-event.ts) plus
-- `position` (the entry's `seq`); there is no second copy of the entry's bytes: the leaf data is
-- the canonical encoding rebuilt from these columns (stored-entry.ts), and leaf `position` of the
-- RFC 9162 tree is SHA-256(0x00 || that encoding). So the columns the queries read are exactly
-- what the signed tree covers: verifyLog rebuilds every entry and recomputes every hash.
create table audit_entries (
  position bigint primary key check (position >= 0),
  leaf_hash bytea not null check (length(leaf_hash) = 32),
  event_type text not null,
  -- `at` of the entry: epoch milliseconds, as the entry holds it.
  at_ms bigint not null,
  tenant_id text not null,
  actor_id text not null,
  operation text not null,
  result text not null,
  client_id text,
  subject_id text,
  purpose text,
  document text,
  request_id text,
  -- Names of the data items touched; null when the entry has no `fields` member.
  fields text[]
);

-- Every access to one person's data, newest first (the 本人 view).
create index audit_entries_subject on audit_entries (tenant_id, subject_id, at_ms)
  where subject_id is not null;
-- Which people and which data items of one client were touched in a time window.
create index audit_entries_client on audit_entries (tenant_id, client_id, at_ms)
  where client_id is not null;
-- What one user did.
create index audit_entries_actor on audit_entries (tenant_id, actor_id, at_ms);

-- Roots of the perfect subtrees at levels 4, 8, 12 … (level 0 is audit_entries.leaf_hash), so
-- that a proof reads O(log n) rows instead of every leaf. Derived data, checked by verifyLog: a
-- wrong row would only make a proof fail the standalone verifier.
create table audit_tree_nodes (
  level smallint not null check (level > 0 and level % 4 = 0),
  index bigint not null check (index >= 0),
  hash bytea not null check (length(hash) = 32),
  primary key (level, index)
);

-- The sequencer's state: the frontier (merkle.ts MerkleFrontier) of the integrated tree.
create table audit_tree_state (
  id smallint primary key check (id = 1),
  size bigint not null check (size >= 0),
  -- One 32-byte hash per set bit of size, largest subtree first, concatenated.
  frontier bytea not null,
  last_checkpoint_size bigint not null,
  last_checkpoint_at timestamptz
);
insert into audit_tree_state (id, size, frontier, last_checkpoint_size) values (1, 0, '', 0);

-- Signed checkpoints (C2SP tlog-checkpoint notes); the note is the evidence, the other columns
-- are for lookup and are checked against it by verifyLog.
create table audit_checkpoints (
  tree_size bigint primary key check (tree_size >= 0),
  root_hash bytea not null check (length(root_hash) = 32),
  signed_at timestamptz not null,
  note text not null
);
