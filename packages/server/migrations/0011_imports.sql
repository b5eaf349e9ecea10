-- Imports of employees and dependents (src/imports). A row is written in the same transaction as
-- the people it created, so an import that failed or was killed leaves no row here either: a row
-- means "committed". The id is chosen by the importing device, so a retry of the same file after a
-- lost response is recognised instead of importing everyone twice. Counts and ids only: no cell
-- of the file is kept.
create table imports (
  id uuid primary key,
  office_id uuid not null references offices (id),
  client_id uuid not null,
  created_by uuid not null,
  employees_created integer not null check (employees_created >= 0),
  dependents_created integer not null check (dependents_created >= 0),
  created_at timestamptz not null default now(),
  unique (office_id, id),
  foreign key (office_id, client_id) references clients (office_id, id),
  foreign key (office_id, created_by) references users (office_id, id)
);
create index imports_client on imports (office_id, client_id, created_at);

alter table imports enable row level security;
alter table imports force row level security;
create policy imports_tenant on imports
  using (office_id = mamori_current_office())
  with check (office_id = mamori_current_office());
