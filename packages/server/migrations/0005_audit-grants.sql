-- The audit log is append-only for the app: its role (mamori_app) may queue entries and read its
-- own office's, never change or remove one. APP_DATABASE_MIGRATIONS applies the audit log's set
-- before this one, so the default privileges of 0002 (select, insert, update, delete on every new
-- table) never reached its tables; a database migrated earlier in the other order got them, and
-- loses them here. Only the migrating role (the sequencer, verify, proofs) writes beyond the queue.
-- A database holding only the server's tables (some module tests) has no log to protect.
do $$
begin
  if to_regclass('audit_queue') is null then
    return;
  end if;
  revoke all on audit_queue, audit_entries, audit_tree_nodes, audit_tree_state, audit_checkpoints
    from mamori_app;
  grant insert on audit_queue to mamori_app;
  grant select on audit_entries, audit_checkpoints to mamori_app;

  -- Inside withTenant the app records only for the office it acts for, and reads only its entries.
  -- Not FORCEd: the owner (the sequencer) moves every office's entries.
  alter table audit_queue enable row level security;
  create policy audit_queue_own_office on audit_queue for insert to mamori_app
    with check (tenant_id = mamori_current_office()::text);
  alter table audit_entries enable row level security;
  create policy audit_entries_own_office on audit_entries for select to mamori_app
    using (tenant_id = mamori_current_office()::text);
end
$$;
