-- The payslips' references to their run and employee, checked once per statement instead of once
-- per row. Three foreign keys made every payslip cost three row triggers, each a query and a row
-- lock: half of the database's time in a stored run of a million payslips (bench:payroll). The
-- guarantee stays the same: a payslip names a run and an employee of its own office that exist
-- (and so an office that exists: the run's foreign key holds it), and neither can be deleted or
-- re-keyed while a payslip names it. Like a foreign key, the check takes a key-share lock on each
-- row named, so a concurrent delete waits for the inserting transaction and then sees its
-- payslips. The app runs every transaction READ COMMITTED (withTenant), where each check below
-- sees what has been committed when it runs.
alter table payslips drop constraint payslips_office_id_fkey;
alter table payslips drop constraint payslips_office_id_run_id_fkey;
alter table payslips drop constraint payslips_office_id_client_id_employee_id_fkey;

-- The rows inserted (or updated) by one statement: every run and employee they name, once each.
create function payslips_references_exist() returns trigger
  language plpgsql
  as $$
begin
  perform 1 from payroll_runs r
    join (select distinct office_id, run_id from named) n on r.office_id = n.office_id and r.id = n.run_id
    for key share of r;
  if exists (select 1 from (select distinct office_id, run_id from named) n
      where not exists (select 1 from payroll_runs r where r.office_id = n.office_id and r.id = n.run_id)) then
    raise exception 'a payslip names a payroll run that does not exist' using errcode = 'foreign_key_violation';
  end if;
  perform 1 from employees e
    join (select distinct office_id, client_id, employee_id from named) n
      on e.office_id = n.office_id and e.client_id = n.client_id and e.id = n.employee_id
    for key share of e;
  if exists (select 1 from (select distinct office_id, client_id, employee_id from named) n
      where not exists (select 1 from employees e
        where e.office_id = n.office_id and e.client_id = n.client_id and e.id = n.employee_id)) then
    raise exception 'a payslip names an employee of the client that does not exist' using errcode = 'foreign_key_violation';
  end if;
  return null;
end
$$;
create trigger payslips_references_on_insert after insert on payslips
  referencing new table as named for each statement execute function payslips_references_exist();
create trigger payslips_references_on_update after update on payslips
  referencing new table as named for each statement execute function payslips_references_exist();

-- The other side: a run or an employee named by a payslip stays as it is (after the row is
-- locked, so a payslip committed meanwhile is seen).
create function payroll_runs_not_named() returns trigger
  language plpgsql
  as $$
begin
  if exists (select 1 from payslips p where p.office_id = old.office_id and p.run_id = old.id) then
    raise exception 'payroll run % is named by payslips', old.id using errcode = 'foreign_key_violation';
  end if;
  return null;
end
$$;
create trigger payroll_runs_named_on_delete after delete on payroll_runs
  for each row execute function payroll_runs_not_named();
create trigger payroll_runs_named_on_rekey after update of office_id, id on payroll_runs
  for each row when (old.office_id is distinct from new.office_id or old.id is distinct from new.id)
  execute function payroll_runs_not_named();

-- No index for this look-up, as there was none for the foreign key's: employees are archived,
-- never deleted, and an index would tax every payslip written.
create function employees_not_named_by_payslips() returns trigger
  language plpgsql
  as $$
begin
  if exists (select 1 from payslips p
      where p.office_id = old.office_id and p.employee_id = old.id and p.client_id = old.client_id) then
    raise exception 'employee % is named by payslips', old.id using errcode = 'foreign_key_violation';
  end if;
  return null;
end
$$;
create trigger employees_named_by_payslips_on_delete after delete on employees
  for each row execute function employees_not_named_by_payslips();
create trigger employees_named_by_payslips_on_rekey after update of office_id, client_id, id on employees
  for each row when (old.office_id is distinct from new.office_id or old.client_id is distinct from new.client_id
    or old.id is distinct from new.id)
  execute function employees_not_named_by_payslips();
