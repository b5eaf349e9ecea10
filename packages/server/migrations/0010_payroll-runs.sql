-- Payroll: what a client's payroll is calculated from (settings per client, a payroll profile per
-- employee, attendance and one-off items per employee and month, bonuses), the runs per client and
-- month with their versions, and the payslips each version calculated. Amounts are whole yen;
-- totals of payslips are bigint (sums over many lines and months must not overflow). Every table
-- carries office_id, every foreign key includes it, and row-level security binds like 0003.

-- How a client (事業所) pays: the settings every payslip of the client shares.
create table client_payroll_settings (
  office_id uuid not null references offices (id),
  client_id uuid not null,
  -- 翌月徴収 (the law's default: 健康保険法167条1項) or 当月徴収.
  premium_collection text not null check (premium_collection in ('following-month', 'same-month')),
  -- How the employee's half of a premium is rounded (deduct-from-pay unless agreed otherwise).
  share_rounding text not null
    check (share_rounding in ('deduct-from-pay', 'paid-in-cash', 'agreement-round-down', 'agreement-round-up')),
  employment_insurance_business_type text not null
    check (employment_insurance_business_type in ('general', 'agriculture-forestry-fisheries-sake', 'construction')),
  -- 1か月平均所定労働時間 and 1日の所定労働時間, in minutes (労働基準法施行規則19条).
  average_monthly_scheduled_minutes integer not null check (average_monthly_scheduled_minutes between 1 and 44640),
  scheduled_minutes_per_day integer not null check (scheduled_minutes_per_day between 1 and 1440),
  absence_rule text not null check (absence_rule in ('average-month', 'days-of-this-month')),
  -- The 賃金規程's treatment of each fixed allowance, by the name employee_versions.allowances use:
  -- [{ "name": "役職手当", "code": "position", "incomeTax": "taxable", "premiumBase": "included",
  --    "reducedForAbsence": false }]. An allowance without a rule stops the run (no silent default).
  allowance_rules jsonb not null default '[]' check (jsonb_typeof(allowance_rules) = 'array'),
  updated_at timestamptz not null default now(),
  primary key (office_id, client_id),
  foreign key (office_id, client_id) references clients (office_id, id)
);

-- An employee's enrolment in the client's payroll, effective-dated like employee_versions: the
-- 標準報酬月額 in force (null where not insured), 雇用保険, the 源泉徴収 column and 扶養親族等の数, and
-- how they commute (for the 非課税限度額). An employee without a profile is not on this payroll.
create table employee_payroll_profiles (
  office_id uuid not null references offices (id),
  client_id uuid not null,
  employee_id uuid not null,
  valid_from date not null,
  health_standard_monthly_yen integer check (health_standard_monthly_yen > 0),
  pension_standard_monthly_yen integer check (pension_standard_monthly_yen > 0),
  employment_insured boolean not null,
  withholding_column text not null check (withholding_column in ('kou', 'otsu')),
  dependents smallint not null check (dependents between 0 and 99),
  commuting_transit_fare_yen integer check (commuting_transit_fare_yen >= 0),
  commuting_vehicle_one_way_meters integer check (commuting_vehicle_one_way_meters between 0 and 1000000),
  commuting_parking_fee_yen integer check (commuting_parking_fee_yen >= 0),
  created_at timestamptz not null default now(),
  primary key (office_id, employee_id, valid_from),
  foreign key (office_id, client_id, employee_id) references employees (office_id, client_id, id)
);
create index employee_payroll_profiles_client on employee_payroll_profiles (office_id, client_id, valid_from);

-- One wage period's 勤怠 and one-off items of an employee, for the pay of pay_month (the month of
-- the payment date, first day). Days and minutes as in packages/rules payroll/attendance.ts.
create table payroll_inputs (
  office_id uuid not null references offices (id),
  client_id uuid not null,
  employee_id uuid not null,
  pay_month date not null check (extract(day from pay_month) = 1),
  scheduled_days smallint not null check (scheduled_days between 0 and 31),
  worked_days smallint not null check (worked_days between 0 and 31),
  absent_days smallint not null check (absent_days between 0 and 31),
  paid_leave_days smallint not null check (paid_leave_days between 0 and 31),
  worked_minutes integer not null check (worked_minutes between 0 and 44640),
  late_early_minutes integer not null check (late_early_minutes between 0 and 44640),
  within_statutory_overtime_minutes integer not null check (within_statutory_overtime_minutes between 0 and 44640),
  statutory_overtime_minutes integer not null check (statutory_overtime_minutes between 0 and 44640),
  late_night_minutes integer not null check (late_night_minutes between 0 and 44640),
  legal_holiday_minutes integer not null check (legal_holiday_minutes between 0 and 44640),
  -- [{ "code": "award", "labelJa": "表彰金", "amountYen": 5000, "incomeTax": "taxable" }]: paid once,
  -- 臨時に支払われた賃金 (outside the 割増賃金の基礎).
  one_off_allowances jsonb not null default '[]' check (jsonb_typeof(one_off_allowances) = 'array'),
  -- [{ "code": "housing", "labelJa": "社宅費", "amountYen": 10000 }] (労使協定による控除).
  one_off_deductions jsonb not null default '[]' check (jsonb_typeof(one_off_deductions) = 'array'),
  -- 住民税 特別徴収: the month's amount from the municipality's notice.
  resident_tax_yen integer not null default 0 check (resident_tax_yen >= 0),
  updated_at timestamptz not null default now(),
  primary key (office_id, employee_id, pay_month),
  foreign key (office_id, client_id, employee_id) references employees (office_id, client_id, id),
  check (absent_days <= scheduled_days)
);
create index payroll_inputs_client on payroll_inputs (office_id, client_id, pay_month);

-- A bonus (賞与) to pay an employee on a date.
create table bonus_inputs (
  office_id uuid not null references offices (id),
  client_id uuid not null,
  employee_id uuid not null,
  payment_date date not null,
  bonus_yen integer not null check (bonus_yen >= 0),
  -- The bonus covers more than 6 months (the 月額表 特例 spreads it over 12, not 6).
  period_over_six_months boolean not null default false,
  one_off_deductions jsonb not null default '[]' check (jsonb_typeof(one_off_deductions) = 'array'),
  updated_at timestamptz not null default now(),
  primary key (office_id, employee_id, payment_date),
  foreign key (office_id, client_id, employee_id) references employees (office_id, client_id, id)
);
create index bonus_inputs_client on bonus_inputs (office_id, client_id, payment_date);

-- A payroll run: one client, one month (monthly) or one payment date (bonus), in versions. Version
-- 1 is made by the first run; an approved version is frozen (the trigger below refuses any change)
-- and a correction opens the next version with its reason. The latest version is the run's state.
create table payroll_runs (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices (id),
  client_id uuid not null,
  kind text not null check (kind in ('monthly', 'bonus')),
  -- The month of the payment date, first day: what "the same month" means for the lock.
  pay_month date not null check (extract(day from pay_month) = 1),
  payment_date date not null check (date_trunc('month', payment_date)::date = pay_month),
  -- 賃金締切日 of a monthly run; a bonus has none.
  period_end_date date,
  version integer not null check (version >= 1),
  status text not null check (status in ('draft', 'calculated', 'approved')),
  created_by uuid not null,
  created_at timestamptz not null default now(),
  calculated_by uuid,
  calculated_at timestamptz,
  approved_by uuid,
  approved_at timestamptz,
  -- Why a version after the first was opened, and the version it corrects.
  correction_reason text check (length(correction_reason) between 1 and 1000),
  corrects_run_id uuid,
  -- The versioned tables (packages/rules) the calculation used.
  table_ids text[] not null default '{}',
  payslip_count integer not null default 0 check (payslip_count >= 0),
  unique (office_id, id),
  foreign key (office_id, client_id) references clients (office_id, id),
  foreign key (office_id, created_by) references users (office_id, id),
  foreign key (office_id, calculated_by) references users (office_id, id),
  foreign key (office_id, approved_by) references users (office_id, id),
  foreign key (office_id, corrects_run_id) references payroll_runs (office_id, id),
  check ((kind = 'monthly') = (period_end_date is not null)),
  check ((version = 1) = (correction_reason is null and corrects_run_id is null)),
  check ((status = 'draft') = (calculated_at is null)),
  check ((calculated_by is null) = (calculated_at is null)),
  check ((status = 'approved') = (approved_at is not null)),
  check ((approved_by is null) = (approved_at is null))
);
create unique index payroll_runs_monthly on payroll_runs (office_id, client_id, pay_month, version)
  where kind = 'monthly';
create unique index payroll_runs_bonus on payroll_runs (office_id, client_id, payment_date, version)
  where kind = 'bonus';

-- One employee's payslip in one run version: the lines as calculated (code, label, amount, and
-- income-tax treatment or deduction group) with the attendance printed on it, and the totals as
-- columns for sums and exports. Names are copied as they were at calculation, so an approved
-- payslip prints the same later.
create table payslips (
  id uuid primary key default gen_random_uuid(),
  office_id uuid not null references offices (id),
  client_id uuid not null,
  run_id uuid not null,
  employee_id uuid not null,
  employee_code text,
  employee_name text not null,
  -- { "earnings": [{ "code", "labelJa", "amount", "incomeTax" }], "deductions": [{ "code", "group",
  --   "labelJa", "amount" }], "employerSharesSen": { … } }
  lines jsonb not null check (jsonb_typeof(lines) = 'object'),
  attendance jsonb,
  premium_month date,
  gross_pay bigint not null,
  taxable_pay bigint not null,
  social_insurance bigint not null,
  income_tax bigint not null,
  total_deductions bigint not null,
  net_pay bigint not null,
  -- 標準賞与額 of a bonus payslip (the 健保 annual cap sums them over the 年度).
  health_standard_bonus bigint,
  pension_standard_bonus bigint,
  unique (run_id, employee_id),
  foreign key (office_id, run_id) references payroll_runs (office_id, id),
  foreign key (office_id, client_id, employee_id) references employees (office_id, client_id, id)
);

-- Frozen means frozen: an approved version cannot be changed, and its payslips cannot be changed
-- or deleted, whatever the application does. (Inserts into an approved run are refused by the
-- service under the run's lock; a row trigger on every insert would tax each payroll run.)
create function payroll_runs_frozen() returns trigger
  language plpgsql
  as $$
begin
  if old.status = 'approved' then
    raise exception 'payroll run % is approved and frozen', old.id using errcode = 'check_violation';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger payroll_runs_frozen before update or delete on payroll_runs
  for each row execute function payroll_runs_frozen();

create function payslips_frozen() returns trigger
  language plpgsql
  as $$
begin
  if exists (select 1 from payroll_runs r where r.id = old.run_id and r.status = 'approved') then
    raise exception 'payslips of approved payroll run % are frozen', old.run_id using errcode = 'check_violation';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger payslips_frozen before update or delete on payslips
  for each row execute function payslips_frozen();

alter table client_payroll_settings enable row level security;
alter table client_payroll_settings force row level security;
create policy client_payroll_settings_tenant on client_payroll_settings
  using (office_id = mamori_current_office())
  with check (office_id = mamori_current_office());

alter table employee_payroll_profiles enable row level security;
alter table employee_payroll_profiles force row level security;
create policy employee_payroll_profiles_tenant on employee_payroll_profiles
  using (office_id = mamori_current_office())
  with check (office_id = mamori_current_office());

alter table payroll_inputs enable row level security;
alter table payroll_inputs force row level security;
create policy payroll_inputs_tenant on payroll_inputs
  using (office_id = mamori_current_office())
  with check (office_id = mamori_current_office());

alter table bonus_inputs enable row level security;
alter table bonus_inputs force row level security;
create policy bonus_inputs_tenant on bonus_inputs
  using (office_id = mamori_current_office())
  with check (office_id = mamori_current_office());

alter table payroll_runs enable row level security;
alter table payroll_runs force row level security;
create policy payroll_runs_tenant on payroll_runs
  using (office_id = mamori_current_office())
  with check (office_id = mamori_current_office());

alter table payslips enable row level security;
alter table payslips force row level security;
create policy payslips_tenant on payslips
  using (office_id = mamori_current_office())
  with check (office_id = mamori_current_office());
