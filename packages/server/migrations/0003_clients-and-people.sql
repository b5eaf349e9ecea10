-- Clients (事業所) of an office, their employees and dependents. Every table carries office_id,
-- every foreign key includes it (a row can never point into another office), and row-level
-- security with FORCE binds the app role and the owner alike (0002_tenancy.sql).
-- My Numbers are never here: my_number_statuses mirrors only what the vault says about a person.
-- Dates the law counts from are `date`; amounts are whole yen (integer); rates are percent as
-- printed by the insurer (numeric, exact).

create table clients (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices (id),
  name text not null check (length(name) between 1 and 200),
  name_kana text check (length(name_kana) between 1 and 200),
  -- 法人番号: 13 digits with its check digit (validated by the app); null for 個人事業主.
  corporate_number text check (corporate_number ~ '^[1-9][0-9]{12}$'),
  -- 事業所整理記号: 郡市区符号 (2 digits) and 事業所記号 (≤ 4 half-width 英数/カナ), as in the 年金機構 CSV.
  office_symbol_district text check (office_symbol_district ~ '^[0-9]{2}$'),
  office_symbol_mark text check (length(office_symbol_mark) between 1 and 4),
  -- 事業所番号 (日本年金機構), 1–5 digits.
  pension_office_number text check (pension_office_number ~ '^[0-9]{1,5}$'),
  -- 雇用保険適用事業所番号, 4-6-1 digits.
  employment_insurance_office_number text check (employment_insurance_office_number ~ '^[0-9]{11}$'),
  -- 労働保険番号: 府県 2, 所掌 1, 管轄 2, 基幹番号 6, 枝番号 3.
  labour_insurance_number text check (labour_insurance_number ~ '^[0-9]{14}$'),
  postal_code text check (postal_code ~ '^[0-9]{3}-[0-9]{4}$'),
  -- JIS X 0401; decides the 協会けんぽ rate of the establishment.
  prefecture_code smallint not null check (prefecture_code between 1 and 47),
  address text not null check (length(address) between 1 and 300),
  phone text check (phone ~ '^[0-9+-]{6,20}$'),
  -- 協会けんぽ (rates by prefecture, in packages/rules) or a 健康保険組合 (its own rates below).
  health_insurer text not null check (health_insurer in ('kyokai_kenpo', 'kumiai')),
  health_insurer_name text check (length(health_insurer_name) between 1 and 200),
  -- 保険者番号, 8 digits for a 健康保険組合.
  health_insurer_number text check (health_insurer_number ~ '^[0-9]{8}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Kept, not deleted: filings and the audit log refer to it (保存期間).
  archived_at timestamptz,
  unique (office_id, id),
  check ((office_symbol_district is null) = (office_symbol_mark is null)),
  check (health_insurer = 'kumiai' or (health_insurer_name is null and health_insurer_number is null)),
  check (health_insurer = 'kyokai_kenpo' or health_insurer_name is not null)
);
create index clients_listing on clients (office_id, name, id);

-- A 健康保険組合's own rates, effective-dated (a new set usually each March 分).
create table client_insurer_rates (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices (id),
  client_id uuid not null,
  valid_from date not null,
  -- Percent of the standard remuneration, e.g. 9.500; employee share as the 組合 sets it.
  health_rate_percent numeric(6, 3) not null check (health_rate_percent > 0 and health_rate_percent < 30),
  health_employee_share_percent numeric(6, 3) not null
    check (health_employee_share_percent >= 0 and health_employee_share_percent <= health_rate_percent),
  care_rate_percent numeric(6, 3) not null check (care_rate_percent >= 0 and care_rate_percent < 10),
  care_employee_share_percent numeric(6, 3) not null
    check (care_employee_share_percent >= 0 and care_employee_share_percent <= care_rate_percent),
  created_at timestamptz not null default now(),
  foreign key (office_id, client_id) references clients (office_id, id),
  unique (office_id, client_id, valid_from)
);

-- A person employed by a client. The id is the person id the vault and the audit log know.
-- Facts that do not change over a person's employment live here; what changes and what the law
-- reads as of a date (name, address, employment terms, pay) lives in employee_versions.
create table employees (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices (id),
  client_id uuid not null,
  -- 社員番号 of the client, for imports and payroll matching.
  employee_number text check (length(employee_number) between 1 and 30),
  birth_date date not null check (birth_date >= '1900-01-01'),
  sex text not null check (sex in ('male', 'female')),
  -- 基礎年金番号, 10 digits (課所符号 4 + 一連番号 6).
  basic_pension_number text check (basic_pension_number ~ '^[0-9]{10}$'),
  -- 雇用保険被保険者番号, 11 digits (4-6-1).
  employment_insurance_number text check (employment_insurance_number ~ '^[0-9]{11}$'),
  -- 被保険者整理番号 of the 事業所, ≤ 6 digits.
  insured_serial text check (insured_serial ~ '^[0-9]{1,6}$'),
  hire_date date not null,
  leave_date date check (leave_date >= hire_date),
  leave_reason text check (leave_reason in ('resignation', 'dismissal', 'retirement', 'contract_end', 'death', 'transfer', 'other')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (office_id, id),
  unique (office_id, client_id, id),
  foreign key (office_id, client_id) references clients (office_id, id),
  check ((leave_date is null) = (leave_reason is null))
);
create unique index employees_number on employees (office_id, client_id, employee_number)
  where employee_number is not null;
create index employees_client on employees (office_id, client_id, hire_date);

-- Effective-dated state of an employee: each row holds from valid_from (inclusive) to valid_to
-- (exclusive; null = still in force). Versions of one employee never overlap and leave no gap;
-- the service closes the open version when it adds the next. A change is a new row, never an
-- update of an old one, so 氏名変更・住所変更・月額変更 can be filed for the date they took effect.
create table employee_versions (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices (id),
  client_id uuid not null,
  employee_id uuid not null,
  valid_from date not null,
  valid_to date check (valid_to > valid_from),
  -- Why this version exists.
  reason text not null check (reason in ('hire', 'name_change', 'address_change', 'employment_change', 'pay_change', 'correction', 'other')),
  family_name text not null check (length(family_name) between 1 and 50),
  given_name text not null check (length(given_name) between 1 and 50),
  -- Full-width katakana.
  family_name_kana text not null check (length(family_name_kana) between 1 and 50),
  given_name_kana text not null check (length(given_name_kana) between 1 and 50),
  postal_code text check (postal_code ~ '^[0-9]{3}-[0-9]{4}$'),
  prefecture_code smallint not null check (prefecture_code between 1 and 47),
  address text not null check (length(address) between 1 and 300),
  employment_type text not null check (employment_type in ('regular', 'contract', 'part_time', 'temporary', 'executive')),
  -- 所定労働時間 per week, in hours (decides 社会保険 and 雇用保険 coverage).
  weekly_hours numeric(4, 1) not null check (weekly_hours >= 0 and weekly_hours <= 80),
  -- Salary structure: the basis of the base pay and the fixed parts of pay (固定的賃金).
  pay_basis text not null check (pay_basis in ('monthly', 'daily', 'hourly')),
  base_pay_yen integer not null check (base_pay_yen >= 0),
  -- [{ "name": "役職手当", "amountYen": 10000 }] — fixed monthly allowances other than commuting.
  allowances jsonb not null default '[]' check (jsonb_typeof(allowances) = 'array'),
  commuting_allowance_yen integer not null default 0 check (commuting_allowance_yen >= 0),
  created_at timestamptz not null default now(),
  foreign key (office_id, client_id, employee_id) references employees (office_id, client_id, id),
  unique (employee_id, valid_from)
);
create unique index employee_versions_open on employee_versions (employee_id) where valid_to is null;
-- The listing: the version in force last, ordered by kana, per office and per client.
create index employee_versions_listing on employee_versions
  (office_id, family_name_kana, given_name_kana, employee_id) where valid_to is null;
create index employee_versions_client_listing on employee_versions
  (office_id, client_id, family_name_kana, given_name_kana, employee_id) where valid_to is null;

-- 被扶養者 (and other family members the filings need). dependent_from / dependent_until bound
-- the period of being a dependent (the dates 被扶養者(異動)届 reports).
create table dependents (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices (id),
  employee_id uuid not null,
  relationship text not null check (relationship in ('spouse', 'child', 'parent', 'grandparent', 'grandchild', 'sibling', 'other')),
  family_name text not null check (length(family_name) between 1 and 50),
  given_name text not null check (length(given_name) between 1 and 50),
  family_name_kana text not null check (length(family_name_kana) between 1 and 50),
  given_name_kana text not null check (length(given_name_kana) between 1 and 50),
  birth_date date not null check (birth_date >= '1900-01-01'),
  sex text not null check (sex in ('male', 'female')),
  -- Expected annual income in yen (被扶養者認定: 年間収入の見込み).
  annual_income_yen integer not null check (annual_income_yen >= 0),
  cohabiting boolean not null,
  -- Only when not living with the employee.
  postal_code text check (postal_code ~ '^[0-9]{3}-[0-9]{4}$'),
  address text check (length(address) between 1 and 300),
  -- 国民年金第3号被保険者 (a spouse) carries a 基礎年金番号.
  basic_pension_number text check (basic_pension_number ~ '^[0-9]{10}$'),
  dependent_from date not null,
  dependent_until date check (dependent_until >= dependent_from),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (office_id, id),
  foreign key (office_id, employee_id) references employees (office_id, id)
);
create index dependents_employee on dependents (office_id, employee_id, birth_date);

-- What the vault last said about a person's My Number: registered or not, 本人確認, refusal.
-- Never a digit, never a blind index: those stay in the vault's own database.
create table my_number_statuses (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices (id),
  employee_id uuid,
  dependent_id uuid,
  status text not null check (status in ('registered', 'refused', 'deleted')),
  -- 本人確認 (番号確認 and 身元確認) done when the number was taken.
  identity_verified boolean not null default false,
  recorded_at timestamptz not null default now(),
  foreign key (office_id, employee_id) references employees (office_id, id),
  foreign key (office_id, dependent_id) references dependents (office_id, id) on delete cascade,
  check (num_nonnulls(employee_id, dependent_id) = 1)
);
create unique index my_number_statuses_employee on my_number_statuses (office_id, employee_id)
  where employee_id is not null;
create unique index my_number_statuses_dependent on my_number_statuses (office_id, dependent_id)
  where dependent_id is not null;

alter table clients enable row level security;
alter table clients force row level security;
create policy clients_tenant on clients
  using (office_id = mamori_current_office())
  with check (office_id = mamori_current_office());

alter table client_insurer_rates enable row level security;
alter table client_insurer_rates force row level security;
create policy client_insurer_rates_tenant on client_insurer_rates
  using (office_id = mamori_current_office())
  with check (office_id = mamori_current_office());

alter table employees enable row level security;
alter table employees force row level security;
create policy employees_tenant on employees
  using (office_id = mamori_current_office())
  with check (office_id = mamori_current_office());

alter table employee_versions enable row level security;
alter table employee_versions force row level security;
create policy employee_versions_tenant on employee_versions
  using (office_id = mamori_current_office())
  with check (office_id = mamori_current_office());

alter table dependents enable row level security;
alter table dependents force row level security;
create policy dependents_tenant on dependents
  using (office_id = mamori_current_office())
  with check (office_id = mamori_current_office());

alter table my_number_statuses enable row level security;
alter table my_number_statuses force row level security;
create policy my_number_statuses_tenant on my_number_statuses
  using (office_id = mamori_current_office())
  with check (office_id = mamori_current_office());
