-- Compact payslips: a run stores a million payslips (bench:payroll), and labelled jsonb lines made
-- each row ~2 kB. The lines become compact JSON text and the attendance ten integers.
--
-- payslips.lines: `[earnings, deductions, [healthSen, pensionSen, childContributionSen,
-- employmentSen]]`, each line `[code, amount, labelJa, treatment]` where the label and the
-- treatment (incomeTax of an earning, group of a deduction) may be left out or null when they are
-- the code's usual ones (packages/server src/payroll/payslip-lines-codec.ts, which holds those
-- and never changes them). Payslips stored before this migration keep every label and treatment.
--
-- payslips.attendance: scheduled days, worked days, absent days, paid leave days, worked minutes,
-- late/early minutes, within-statutory overtime, statutory overtime, late-night and legal-holiday
-- minutes (payroll/attendance.ts), or null on a bonus payslip.

create function mamori_compact_payslip_lines(l jsonb) returns text
  language sql immutable
  as $$
  select json_build_array(
    coalesce((select json_agg(json_build_array(e ->> 'code', (e ->> 'amount')::bigint, e ->> 'labelJa',
      e ->> 'incomeTax') order by n) from jsonb_array_elements(l -> 'earnings') with ordinality as x (e, n)), '[]'),
    coalesce((select json_agg(json_build_array(d ->> 'code', (d ->> 'amount')::bigint, d ->> 'labelJa',
      d ->> 'group') order by n) from jsonb_array_elements(l -> 'deductions') with ordinality as x (d, n)), '[]'),
    json_build_array((l -> 'employerSharesSen' ->> 'healthSen')::bigint,
      (l -> 'employerSharesSen' ->> 'pensionSen')::bigint,
      (l -> 'employerSharesSen' ->> 'childContributionSen')::bigint,
      (l -> 'employerSharesSen' ->> 'employmentSen')::bigint))::text
$$;

alter table payslips drop constraint payslips_lines_check;
alter table payslips alter column lines type text using mamori_compact_payslip_lines(lines);
alter table payslips add constraint payslips_lines_check check (left(lines, 1) = '[');

alter table payslips alter column attendance type integer[] using case when attendance is null then null else array[
  (attendance ->> 'scheduledDays')::integer, (attendance ->> 'workedDays')::integer,
  (attendance ->> 'absentDays')::integer, (attendance ->> 'paidLeaveDays')::integer,
  (attendance ->> 'workedMinutes')::integer, (attendance ->> 'lateEarlyMinutes')::integer,
  (attendance ->> 'withinStatutoryOvertimeMinutes')::integer, (attendance ->> 'statutoryOvertimeMinutes')::integer,
  (attendance ->> 'lateNightMinutes')::integer, (attendance ->> 'legalHolidayMinutes')::integer] end;
alter table payslips add constraint payslips_attendance_check check (cardinality(attendance) = 10);

drop function mamori_compact_payslip_lines(jsonb);
