-- The vault's own tables (namespace 'vault'), in the vault's own database. No column ever holds a
-- My Number in plaintext: a number is an AES-256-GCM envelope under its subject's data key, found
-- by a blind index (HMAC-SHA-256). Every table carries the tenant (社労士 office) first.

-- The vault's own long-lived keys, wrapped by the KEK like the data keys: the blind index root key
-- and the private half of the HPKE key pair devices seal numbers to (its public half beside it).
create table vault_keys (
  purpose text not null check (purpose in ('blind-index-key', 'hpke-private-key')),
  -- The HPKE key id (derived from its public key), or the blind index key version.
  key_id text not null,
  wrapped bytea not null,
  public_key text,
  kek_version integer not null check (kek_version >= 1),
  created_at timestamptz not null default now(),
  primary key (purpose, key_id),
  check ((purpose = 'hpke-private-key') = (public_key is not null))
);

-- One data key per subject, wrapped by the key-encryption key (KEK) of the key provider. A key per
-- subject makes deletion a crypto-shred of exactly one person: destroying `wrapped` leaves every
-- copy of the envelope (backups included) unopenable. `kek_version` drives online rotation.
create table vault_data_keys (
  tenant_id uuid not null,
  key_id uuid not null,
  client_id uuid not null,
  version integer not null check (version >= 1),
  wrapped bytea,
  kek_version integer not null check (kek_version >= 1),
  created_at timestamptz not null default now(),
  destroyed_at timestamptz,
  primary key (tenant_id, key_id, version),
  check ((wrapped is null) = (destroyed_at is not null))
);
-- Rotation walks the keys still wrapped under an older KEK.
create index vault_data_keys_live_kek on vault_data_keys (kek_version, tenant_id, key_id, version)
  where wrapped is not null;
create index vault_data_keys_client on vault_data_keys (tenant_id, client_id) where wrapped is not null;

-- A subject's sealed number and how it came to be on file (本人確認: which documents were seen,
-- by whom and when; never images). `approved_by` is the second user of dual control when the same
-- number was already on file for another subject of the tenant.
create table vault_sealed_numbers (
  tenant_id uuid not null,
  subject_id uuid not null,
  client_id uuid not null,
  envelope bytea not null,
  key_version integer not null,
  blind_index bytea not null,
  registered_by uuid not null,
  registered_at timestamptz not null,
  request_id uuid not null,
  approved_by uuid,
  number_check text not null,
  identity_check text not null,
  checked_by uuid not null,
  checked_at timestamptz not null,
  primary key (tenant_id, subject_id),
  foreign key (tenant_id, subject_id, key_version) references vault_data_keys (tenant_id, key_id, version)
);
create index vault_sealed_numbers_blind_index on vault_sealed_numbers (tenant_id, blind_index);
-- Without a second user's approval a number is on file once per tenant, even under concurrent
-- registrations: the loser of a race fails here and is refused as a duplicate.
create unique index vault_sealed_numbers_unapproved_once on vault_sealed_numbers (tenant_id, blind_index)
  where approved_by is null;
create index vault_sealed_numbers_client on vault_sealed_numbers (tenant_id, client_id);

-- Dual control: a registration refused as a duplicate waits here for a second, different user.
-- The blind index ties the approval to the very number that was refused, never to another.
create table vault_approvals (
  id uuid primary key,
  tenant_id uuid not null,
  client_id uuid not null,
  subject_id uuid not null,
  blind_index bytea not null,
  requested_by uuid not null,
  requested_at timestamptz not null,
  approved_by uuid,
  approved_at timestamptz,
  used_at timestamptz,
  check (approved_by is null or approved_by <> requested_by)
);
create index vault_approvals_subject on vault_approvals (tenant_id, subject_id, requested_at);

-- 提供を求めた経過: the number was asked for and refused or not supplied (when, how, the answer).
create table vault_refusals (
  id uuid primary key,
  tenant_id uuid not null,
  client_id uuid not null,
  subject_id uuid not null,
  requested_at timestamptz not null,
  method text not null,
  answer text not null,
  recorded_by uuid not null,
  recorded_at timestamptz not null,
  request_id uuid not null
);
create index vault_refusals_subject on vault_refusals (tenant_id, subject_id, recorded_at);

-- 廃棄の記録: what, when, how and who; never the number. One row per subject shredded.
create table vault_disposals (
  id uuid primary key,
  tenant_id uuid not null,
  client_id uuid not null,
  subject_id uuid not null,
  scope text not null check (scope in ('SUBJECT', 'CLIENT')),
  reason text not null,
  method text not null,
  disposed_by uuid not null,
  disposed_at timestamptz not null,
  request_id uuid not null
);
create index vault_disposals_client on vault_disposals (tenant_id, client_id, disposed_at);

-- Online KEK rotation: which KEK version every data key is being moved to, and how far it got,
-- so a rotation cut short by a crash resumes where it stopped.
create table vault_rotations (
  id uuid primary key,
  target_kek_version integer not null unique,
  started_by uuid not null,
  started_at timestamptz not null,
  rewrapped integer not null default 0,
  finished_at timestamptz
);

-- Blast-radius alarms: a caller went over a rate limit. `mamori doctor` shows the recent ones.
create table vault_alarms (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  actor_id uuid not null,
  operation text not null,
  scope text not null check (scope in ('ACTOR', 'TENANT')),
  raised_at timestamptz not null
);
create index vault_alarms_raised on vault_alarms (raised_at);
