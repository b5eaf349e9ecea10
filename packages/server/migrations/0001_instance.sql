-- One row naming this installation, so that `mamori doctor` and the health page can tell which
-- database a process is attached to (an app pointed at the wrong database is a breach waiting).
create table mamori_instance (
  id uuid primary key default gen_random_uuid(),
  singleton boolean not null default true unique check (singleton),
  created_at timestamptz not null default now()
);

insert into mamori_instance default values;
