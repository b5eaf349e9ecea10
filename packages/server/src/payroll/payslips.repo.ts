import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { decodeBigint, decodeNullableBigint } from './decode.ts'
import type { PayrollDb } from './payroll-tables.ts'
import {
  decodeAttendance,
  decodePayslipLines,
  encodeAttendance,
  encodePayslipLines,
} from './payslip-lines-codec.ts'
import type { PayslipRow, StoredPayslip } from './payslip-row.ts'

/**
 * Payslips of a run version, as column arrays: what insertPayslipColumns sends, built apart from
 * the insert so that calculation threads can prepare them (bench:payroll) while the database is
 * busy with the previous batch.
 */
export type PayslipColumns = {
  clientId: string[]
  runId: string[]
  employeeId: string[]
  employeeCode: (string | null)[]
  employeeName: string[]
  /** payslip-lines-codec.ts: compact JSON text, and the attendance as an array literal. */
  lines: string[]
  attendance: (string | null)[]
  premiumMonth: (string | null)[]
  grossPay: number[]
  taxablePay: number[]
  socialInsurance: number[]
  incomeTax: number[]
  totalDeductions: number[]
  netPay: number[]
  healthStandardBonus: (number | null)[]
  pensionStandardBonus: (number | null)[]
}

export function emptyPayslipColumns(): PayslipColumns {
  return {
    clientId: [],
    runId: [],
    employeeId: [],
    employeeCode: [],
    employeeName: [],
    lines: [],
    attendance: [],
    premiumMonth: [],
    grossPay: [],
    taxablePay: [],
    socialInsurance: [],
    incomeTax: [],
    totalDeductions: [],
    netPay: [],
    healthStandardBonus: [],
    pensionStandardBonus: [],
  }
}

export function appendPayslip(
  columns: PayslipColumns,
  clientId: string,
  runId: string,
  row: PayslipRow,
): void {
  columns.clientId.push(clientId)
  columns.runId.push(runId)
  columns.employeeId.push(row.employeeId)
  columns.employeeCode.push(row.employeeCode)
  columns.employeeName.push(row.employeeName)
  const lines = row.lines
  columns.lines.push(encodePayslipLines(lines.earnings, lines.deductions, lines.employerSharesSen))
  columns.attendance.push(row.attendance === null ? null : encodeAttendance(row.attendance))
  columns.premiumMonth.push(row.premiumMonth)
  columns.grossPay.push(row.totals.grossPay)
  columns.taxablePay.push(row.totals.taxablePay)
  columns.socialInsurance.push(row.totals.socialInsurance)
  columns.incomeTax.push(row.totals.incomeTax)
  columns.totalDeductions.push(row.totals.totalDeductions)
  columns.netPay.push(row.totals.netPay)
  columns.healthStandardBonus.push(row.healthStandardBonus)
  columns.pensionStandardBonus.push(row.pensionStandardBonus)
}

/**
 * One statement for any number of payslips: the columns travel as array parameters and unnest()
 * turns them into rows, so a run of thousands costs one round trip and one plan. The attendance
 * goes as text (one array literal a payslip): unnest() would flatten an integer[][].
 */
export async function insertPayslipColumns(
  db: Kysely<PayrollDb>,
  officeId: string,
  c: PayslipColumns,
): Promise<void> {
  if (c.employeeId.length === 0) return
  await sql`
    insert into payslips (office_id, client_id, run_id, employee_id, employee_code, employee_name, lines,
      attendance, premium_month, gross_pay, taxable_pay, social_insurance, income_tax, total_deductions,
      net_pay, health_standard_bonus, pension_standard_bonus)
    select ${officeId}::uuid, t.client_id, t.run_id, t.employee_id, t.employee_code, t.employee_name, t.lines,
      t.attendance::integer[], t.premium_month, t.gross_pay, t.taxable_pay, t.social_insurance, t.income_tax,
      t.total_deductions, t.net_pay, t.health_standard_bonus, t.pension_standard_bonus
    from unnest(${c.clientId}::uuid[], ${c.runId}::uuid[], ${c.employeeId}::uuid[],
      ${c.employeeCode}::text[], ${c.employeeName}::text[], ${c.lines}::text[], ${c.attendance}::text[],
      ${c.premiumMonth}::date[], ${c.grossPay}::int8[], ${c.taxablePay}::int8[], ${c.socialInsurance}::int8[],
      ${c.incomeTax}::int8[], ${c.totalDeductions}::int8[], ${c.netPay}::int8[],
      ${c.healthStandardBonus}::int8[], ${c.pensionStandardBonus}::int8[])
      as t (client_id, run_id, employee_id, employee_code, employee_name, lines, attendance, premium_month,
        gross_pay, taxable_pay, social_insurance, income_tax, total_deductions, net_pay,
        health_standard_bonus, pension_standard_bonus)`.execute(db)
}

/** Clears a run version's payslips before it is calculated again (refused by the trigger once approved). */
export async function deletePayslipsOfRun(
  db: Kysely<PayrollDb>,
  officeId: string,
  runId: string,
): Promise<void> {
  await db.deleteFrom('payslips').where('office_id', '=', officeId).where('run_id', '=', runId).execute()
}

function payslipColumns(db: Kysely<PayrollDb>) {
  return db
    .selectFrom('payslips')
    .select([
      'id',
      'run_id',
      'employee_id',
      'employee_code',
      'employee_name',
      'lines',
      'attendance',
      sql<string | null>`premium_month::text`.as('premium_month'),
      'gross_pay',
      'taxable_pay',
      'social_insurance',
      'income_tax',
      'total_deductions',
      'net_pay',
      'health_standard_bonus',
      'pension_standard_bonus',
    ])
}

type PayslipSql = Awaited<ReturnType<ReturnType<typeof payslipColumns>['executeTakeFirstOrThrow']>>

function toStored(r: PayslipSql): StoredPayslip {
  return {
    id: r.id,
    runId: r.run_id,
    employeeId: r.employee_id,
    employeeCode: r.employee_code,
    employeeName: r.employee_name,
    lines: decodePayslipLines(r.lines),
    attendance: r.attendance === null ? null : decodeAttendance(r.attendance),
    premiumMonth: r.premium_month,
    totals: {
      grossPay: decodeBigint(r.gross_pay, 'gross_pay'),
      taxablePay: decodeBigint(r.taxable_pay, 'taxable_pay'),
      socialInsurance: decodeBigint(r.social_insurance, 'social_insurance'),
      incomeTax: decodeBigint(r.income_tax, 'income_tax'),
      totalDeductions: decodeBigint(r.total_deductions, 'total_deductions'),
      netPay: decodeBigint(r.net_pay, 'net_pay'),
    },
    healthStandardBonus: decodeNullableBigint(r.health_standard_bonus, 'health_standard_bonus'),
    pensionStandardBonus: decodeNullableBigint(r.pension_standard_bonus, 'pension_standard_bonus'),
  }
}

/** A run version's payslips in the order they were calculated (employee number, then id). */
export async function listPayslips(
  db: Kysely<PayrollDb>,
  officeId: string,
  clientId: string,
  runId: string,
): Promise<StoredPayslip[]> {
  const rows = await payslipColumns(db)
    .where('office_id', '=', officeId)
    .where('client_id', '=', clientId)
    .where('run_id', '=', runId)
    .orderBy('employee_code')
    .orderBy('employee_id')
    .execute()
  return rows.map(toStored)
}

export async function findPayslip(
  db: Kysely<PayrollDb>,
  officeId: string,
  clientId: string,
  payslipId: string,
): Promise<StoredPayslip | undefined> {
  const row = await payslipColumns(db)
    .where('office_id', '=', officeId)
    .where('client_id', '=', clientId)
    .where('id', '=', payslipId)
    .executeTakeFirst()
  return row === undefined ? undefined : toStored(row)
}

/**
 * What a bonus's withholding reads of the month before (the X of the 算出率の表): each employee's
 * taxable pay and 社会保険料等 in the latest version of the previous month's monthly run.
 */
export async function previousMonthPay(
  db: Kysely<PayrollDb>,
  officeId: string,
  clientId: string,
  previousPayMonth: string,
): Promise<Map<string, { taxablePay: number; socialInsurance: number }>> {
  const { rows } = await sql<{
    employee_id: string
    taxable_pay: string | number
    social_insurance: string | number
  }>`
    select p.employee_id, p.taxable_pay, p.social_insurance
    from payslips p
    join payroll_runs r on r.office_id = p.office_id and r.id = p.run_id
    where r.office_id = ${officeId} and r.client_id = ${clientId} and r.kind = 'monthly'
      and r.pay_month = ${previousPayMonth}::date
      and r.version = (select max(version) from payroll_runs l where l.office_id = r.office_id
        and l.client_id = r.client_id and l.kind = 'monthly' and l.pay_month = r.pay_month)`.execute(db)
  return new Map(
    rows.map((r) => [
      r.employee_id,
      {
        taxablePay: decodeBigint(r.taxable_pay, 'taxable_pay'),
        socialInsurance: decodeBigint(r.social_insurance, 'social_insurance'),
      },
    ]),
  )
}

/**
 * 健保 標準賞与額 already determined in the 年度 before `paymentDate` (the ¥5,730,000 annual cap),
 * per employee: the latest version of each earlier bonus run of the client from `fiscalYearStart`.
 */
export async function healthStandardBonusesEarlier(
  db: Kysely<PayrollDb>,
  officeId: string,
  clientId: string,
  fiscalYearStart: string,
  paymentDate: string,
): Promise<Map<string, number>> {
  const { rows } = await sql<{ employee_id: string; total: string | number }>`
    select p.employee_id, sum(p.health_standard_bonus) as total
    from payslips p
    join payroll_runs r on r.office_id = p.office_id and r.id = p.run_id
    where r.office_id = ${officeId} and r.client_id = ${clientId} and r.kind = 'bonus'
      and r.payment_date >= ${fiscalYearStart}::date and r.payment_date < ${paymentDate}::date
      and r.version = (select max(version) from payroll_runs l where l.office_id = r.office_id
        and l.client_id = r.client_id and l.kind = 'bonus' and l.payment_date = r.payment_date)
      and p.health_standard_bonus is not null
    group by p.employee_id`.execute(db)
  return new Map(rows.map((r) => [r.employee_id, decodeBigint(r.total, 'health_standard_bonus')]))
}
