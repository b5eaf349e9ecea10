-- Users, their client assignments, sessions and invitations. Every table carries office_id under
-- forced row-level security like 0002. Two lookups happen before the office is known, and each is
-- opened as narrowly as it can be:
--   sign-in: the policy users_sign_in_lookup lets a transaction that names one login id (the
--     transaction-local setting mamori.login_id) read that one user row, and nothing else;
--   session and invitation tokens carry their office id, so they are looked up inside withTenant.

create function mamori_current_login() returns text
  language sql stable
  as $$ select nullif(current_setting('mamori.login_id', true), '') $$;

create table users (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices (id),
  -- Normalised (NFKC, lower case) by the app; unique in the installation so sign-in finds the office.
  login_id text not null unique check (login_id ~ '^[a-z0-9][a-z0-9._@+-]{2,99}$'),
  display_name text not null check (length(display_name) between 1 and 100),
  role text not null check (role in ('office_admin', 'office_staff', 'client_hr', 'employee')),
  -- An employee user sees only this person's own data.
  person_id uuid,
  -- argon2id PHC string; null until the user accepts the invitation and chooses a password.
  password_hash text check (password_hash like '$argon2id$%'),
  -- RFC 6238 secret (base32); confirmed by a first code before it counts.
  totp_secret text check (totp_secret ~ '^[A-Z2-7]{32,}$'),
  totp_confirmed_at timestamptz,
  -- The last time step whose code was accepted: a code is single use (RFC 6238 §5.2).
  totp_last_step bigint,
  failed_attempts integer not null default 0 check (failed_attempts >= 0),
  locked_until timestamptz,
  activated_at timestamptz,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (office_id, id),
  foreign key (office_id, person_id) references employees (office_id, id),
  check ((role = 'employee') = (person_id is not null)),
  check (activated_at is null or (password_hash is not null and totp_confirmed_at is not null))
);
create unique index users_person on users (office_id, person_id) where person_id is not null;

alter table users enable row level security;
alter table users force row level security;
create policy users_tenant on users
  using (office_id = mamori_current_office())
  with check (office_id = mamori_current_office());
create policy users_sign_in_lookup on users for select
  using (login_id = mamori_current_login());

-- Office staff and client HR contacts see only the clients (事業所) assigned to them.
create table user_client_assignments (
  office_id uuid not null,
  user_id uuid not null,
  client_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (user_id, client_id),
  foreign key (office_id, user_id) references users (office_id, id) on delete cascade,
  foreign key (office_id, client_id) references clients (office_id, id)
);
create index user_client_assignments_client on user_client_assignments (office_id, client_id);

alter table user_client_assignments enable row level security;
alter table user_client_assignments force row level security;
create policy user_client_assignments_tenant on user_client_assignments
  using (office_id = mamori_current_office())
  with check (office_id = mamori_current_office());

-- Server-side sessions. The cookie holds a random token; only its SHA-256 is stored, so a copy of
-- the database does not let anyone act as a user. A session passes through one sign-in stage
-- (password accepted, TOTP or its enrolment pending) before it is active.
create table sessions (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  user_id uuid not null,
  token_hash bytea not null unique check (length(token_hash) = 32),
  stage text not null check (stage in ('totp_required', 'totp_enrolment', 'active')),
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  authenticated_at timestamptz,
  reauthenticated_at timestamptz,
  ended_at timestamptz,
  end_reason text check (end_reason in (
    'sign_out', 'idle_timeout', 'absolute_timeout', 'stage_timeout', 'rotated', 'user_disabled', 'locked'
  )),
  foreign key (office_id, user_id) references users (office_id, id),
  check ((ended_at is null) = (end_reason is null)),
  check ((stage = 'active') = (authenticated_at is not null))
);
create index sessions_user on sessions (office_id, user_id) where ended_at is null;

alter table sessions enable row level security;
alter table sessions force row level security;
create policy sessions_tenant on sessions
  using (office_id = mamori_current_office())
  with check (office_id = mamori_current_office());

-- An invitation lets one user (for employees: bound to one person) choose a password and enrol
-- TOTP, once, before it expires. Only the token's SHA-256 is stored.
create table invitations (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null,
  user_id uuid not null,
  token_hash bytea not null unique check (length(token_hash) = 32),
  created_by uuid,
  created_at timestamptz not null,
  expires_at timestamptz not null check (expires_at > created_at),
  accepted_at timestamptz,
  revoked_at timestamptz,
  foreign key (office_id, user_id) references users (office_id, id),
  foreign key (office_id, created_by) references users (office_id, id),
  check (accepted_at is null or revoked_at is null)
);
create index invitations_user on invitations (office_id, user_id);

alter table invitations enable row level security;
alter table invitations force row level security;
create policy invitations_tenant on invitations
  using (office_id = mamori_current_office())
  with check (office_id = mamori_current_office());
