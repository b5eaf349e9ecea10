-- Tenancy: every row of the back office belongs to one 社労士 office, and PostgreSQL enforces it.
-- The app runs each request's queries as mamori_app (withTenant), which cannot bypass row-level
-- security; the office id it may see is the transaction-local setting mamori.office_id. Tables are
-- owned by the migrating role, so FORCE is needed for policies to bind even an owner that SETs ROLE.

-- A cluster-wide role: several databases (tests, the vault) may race to create it.
do $$
begin
  create role mamori_app nologin nosuperuser nobypassrls noinherit;
exception when duplicate_object or unique_violation then
  null;
end
$$;

grant usage on schema public to mamori_app;
alter default privileges in schema public grant select, insert, update, delete on tables to mamori_app;
alter default privileges in schema public grant usage, select on sequences to mamori_app;
grant select on mamori_instance to mamori_app;

-- The office the current transaction acts for; null outside withTenant, which matches no row.
create function mamori_current_office() returns uuid
  language sql stable
  as $$ select nullif(current_setting('mamori.office_id', true), '')::uuid $$;

create table offices (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  -- 社会保険労務士事務所の登録番号 or 法人番号; shown on filings as the submitting agent.
  registration_number text check (registration_number ~ '^[0-9]{8,13}$'),
  created_at timestamptz not null default now()
);

alter table offices enable row level security;
alter table offices force row level security;
create policy offices_own on offices
  using (id = mamori_current_office())
  with check (id = mamori_current_office());
