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
 * Payslips of a run version, column by column as the text of PostgreSQL array literals (the
 * elements without the braces): what insertPayslipColumns sends, built apart from the insert so
 * that calculation threads can prepare them (bench:payroll) while the database is busy with the
 * previous batch. Text, not arrays of values: a thread hands over 16 strings instead of 16 arrays
 * of thousands, and the driver does not walk and quote every element again on the main thread.
 */
export type PayslipColumns = {
  count: number
  clientId: string
  runId: string
  employeeId: string
  employeeCode: string
  employeeName: string
  /** payslip-lines-codec.ts: compact JSON text, and the attendance as an array literal. */
  lines: string
  attendance: string
  premiumMonth: string
  grossPay: string
  taxablePay: string
  socialInsurance: string
  incomeTax: string
  totalDeductions: string
  netPay: string
  healthStandardBonus: string
  pensionStandardBonus: string
}

export function emptyPayslipColumns(): PayslipColumns {
  return {
    count: 0,
    clientId: '',
    runId: '',
    employeeId: '',
    employeeCode: '',
    employeeName: '',
    lines: '',
    attendance: '',
    premiumMonth: '',
    grossPay: '',
    taxablePay: '',
    socialInsurance: '',
    incomeTax: '',
    totalDeductions: '',
    netPay: '',
    healthStandardBonus: '',
    pensionStandardBonus: '',
  }
}

const NEEDS_ESCAPE = /["\\]/

/** An array element: always double-quoted (so NULL, braces, commas and spaces stay text), \ and " escaped. */
export function arrayElement(value: string | null): string {
  if (value === null) return 'NULL'
  return NEEDS_ESCAPE.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : `"${value}"`
}

function yen(value: number): string {
  // Whole yen only: anything else would change meaning when the literal is read back.
  if (!Number.isSafeInteger(value)) throw new RangeError('payslip amount is not a whole number')
  return String(value)
}

function nullableYen(value: number | null): string {
  return value === null ? 'NULL' : yen(value)
}

export function appendPayslip(
  columns: PayslipColumns,
  clientId: string,
  runId: string,
  row: PayslipRow,
): void {
  const c = columns
  const s = c.count === 0 ? '' : ','
  const lines = row.lines
  const t = row.totals
  c.clientId += s + arrayElement(clientId)
  c.runId += s + arrayElement(runId)
  c.employeeId += s + arrayElement(row.employeeId)
  c.employeeCode += s + arrayElement(row.employeeCode)
  c.employeeName += s + arrayElement(row.employeeName)
  c.lines += s + arrayElement(encodePayslipLines(lines.earnings, lines.deductions, lines.employerSharesSen))
  c.attendance += s + arrayElement(row.attendance === null ? null : encodeAttendance(row.attendance))
  c.premiumMonth += s + arrayElement(row.premiumMonth)
  c.grossPay += s + yen(t.grossPay)
  c.taxablePay += s + yen(t.taxablePay)
  c.socialInsurance += s + yen(t.socialInsurance)
  c.incomeTax += s + yen(t.incomeTax)
  c.totalDeductions += s + yen(t.totalDeductions)
  c.netPay += s + yen(t.netPay)
  c.healthStandardBonus += s + nullableYen(row.healthStandardBonus)
  c.pensionStandardBonus += s + nullableYen(row.pensionStandardBonus)
  c.count += 1
}

/**
 * One statement for any number of payslips: the columns travel as array literals and unnest()
 * turns them into rows, so a run of thousands costs one round trip and one plan. The attendance
 * goes as text (one array literal a payslip): unnest() would flatten an integer[][].
 */
export async function insertPayslipColumns(
  db: Kysely<PayrollDb>,
  officeId: string,
  columns: PayslipColumns,
): Promise<void> {
  if (columns.count === 0) return
  const c = (text: string) => `{${text}}`
  const p = columns
  await sql`
    insert into payslips (office_id, client_id, run_id, employee_id, employee_code, employee_name, lines,
      attendance, premium_month, gross_pay, taxable_pay, social_insurance, income_tax, total_deductions,
      net_pay, health_standard_bonus, pension_standard_bonus)
    select ${officeId}::uuid, t.client_id, t.run_id, t.employee_id, t.employee_code, t.employee_name, t.lines,
      t.attendance::integer[], t.premium_month, t.gross_pay, t.taxable_pay, t.social_insurance, t.income_tax,
      t.total_deductions, t.net_pay, t.health_standard_bonus, t.pension_standard_bonus
    from unnest(${c(p.clientId)}::uuid[], ${c(p.runId)}::uuid[], ${c(p.employeeId)}::uuid[],
      ${c(p.employeeCode)}::text[], ${c(p.employeeName)}::text[], ${c(p.lines)}::text[], ${c(p.attendance)}::text[],
      ${c(p.premiumMonth)}::date[], ${c(p.grossPay)}::int8[], ${c(p.taxablePay)}::int8[],
      ${c(p.socialInsurance)}::int8[], ${c(p.incomeTax)}::int8[], ${c(p.totalDeductions)}::int8[],
      ${c(p.netPay)}::int8[], ${c(p.healthStandardBonus)}::int8[], ${c(p.pensionStandardBonus)}::int8[])
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
