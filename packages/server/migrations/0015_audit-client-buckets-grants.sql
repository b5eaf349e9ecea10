-- The audit log's per-client summary (audit migration 0002) is read-only for the app, as the log
-- itself is (0005): the app role reads its own office's rows and how far the summary has got;
-- only the migrating role (the summariser) writes. On a database migrated before 0002 the table was created after this set's
-- default privileges (0002 here) and got them; they go here.
do $$
begin
  if to_regclass('audit_client_buckets') is null then
    return;
  end if;
  revoke all on audit_client_buckets, audit_summary_state from mamori_app;
  grant select on audit_client_buckets, audit_summary_state to mamori_app;
  alter table audit_client_buckets enable row level security;
  create policy audit_client_buckets_own_office on audit_client_buckets for select to mamori_app
    using (tenant_id = mamori_current_office()::text);
end
$$;
