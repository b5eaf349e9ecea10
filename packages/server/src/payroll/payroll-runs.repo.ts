import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { PayrollDb, PayrollKind, PayrollRunStatus } from './payroll-tables.ts'

/** A run version as the service sees it. Dates are 'YYYY-MM-DD'. */
export type PayrollRun = {
  id: string
  clientId: string
  kind: PayrollKind
  payMonth: string
  paymentDate: string
  periodEndDate: string | null
  version: number
  status: PayrollRunStatus
  createdBy: string
  createdAt: Date
  calculatedBy: string | null
  calculatedAt: Date | null
  approvedBy: string | null
  approvedAt: Date | null
  correctionReason: string | null
  correctsRunId: string | null
  tableIds: string[]
  payslipCount: number
}

/** Which run: a client's month (monthly) or payment date (bonus). */
export type RunIdentity = { clientId: string; kind: PayrollKind; payMonth: string; paymentDate: string }

function runColumns(db: Kysely<PayrollDb>) {
  return db
    .selectFrom('payroll_runs')
    .select([
      'id',
      'client_id',
      'kind',
      sql<string>`pay_month::text`.as('pay_month'),
      sql<string>`payment_date::text`.as('payment_date'),
      sql<string | null>`period_end_date::text`.as('period_end_date'),
      'version',
      'status',
      'created_by',
      'created_at',
      'calculated_by',
      'calculated_at',
      'approved_by',
      'approved_at',
      'correction_reason',
      'corrects_run_id',
      'table_ids',
      'payslip_count',
    ])
}

type RunSql = Awaited<ReturnType<ReturnType<typeof runColumns>['executeTakeFirstOrThrow']>>

function toRun(r: RunSql): PayrollRun {
  return {
    id: r.id,
    clientId: r.client_id,
    kind: r.kind,
    payMonth: r.pay_month,
    paymentDate: r.payment_date,
    periodEndDate: r.period_end_date,
    version: r.version,
    status: r.status,
    createdBy: r.created_by,
    createdAt: r.created_at,
    calculatedBy: r.calculated_by,
    calculatedAt: r.calculated_at,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at,
    correctionReason: r.correction_reason,
    correctsRunId: r.corrects_run_id,
    tableIds: r.table_ids,
    payslipCount: r.payslip_count,
  }
}

/**
 * Takes the client-and-month lock for the rest of the transaction, or reports that another
 * transaction holds it. A transaction-scoped advisory lock: it ends with the commit or rollback,
 * so a crashed request cannot leave it behind. Keyed by office, client and pay month; a hash
 * collision only makes two unrelated runs wait for each other.
 */
export async function tryLockClientMonth(
  db: Kysely<PayrollDb>,
  officeId: string,
  clientId: string,
  payMonth: string,
): Promise<boolean> {
  const key = `payroll:${officeId}:${clientId}:${payMonth}`
  const { rows } = await sql<{ locked: boolean }>`
    select pg_try_advisory_xact_lock(hashtextextended(${key}, 0)) as locked`.execute(db)
  return rows[0]?.locked === true
}

/** The latest version of the run, with `for update` so approval and correction serialise. */
export async function findLatestVersion(
  db: Kysely<PayrollDb>,
  officeId: string,
  identity: RunIdentity,
): Promise<PayrollRun | undefined> {
  let query = runColumns(db)
    .where('office_id', '=', officeId)
    .where('client_id', '=', identity.clientId)
    .where('kind', '=', identity.kind)
  query =
    identity.kind === 'monthly'
      ? query.where('pay_month', '=', identity.payMonth)
      : query.where('payment_date', '=', identity.paymentDate)
  const row = await query.orderBy('version', 'desc').limit(1).forUpdate().executeTakeFirst()
  return row === undefined ? undefined : toRun(row)
}

export async function findRun(
  db: Kysely<PayrollDb>,
  officeId: string,
  clientId: string,
  runId: string,
  options: { forUpdate?: boolean } = {},
): Promise<PayrollRun | undefined> {
  let query = runColumns(db)
    .where('office_id', '=', officeId)
    .where('client_id', '=', clientId)
    .where('id', '=', runId)
  if (options.forUpdate === true) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  return row === undefined ? undefined : toRun(row)
}

/** Every version of the run `run` is one of, oldest first. */
export async function listVersions(
  db: Kysely<PayrollDb>,
  officeId: string,
  run: RunIdentity,
): Promise<PayrollRun[]> {
  let query = runColumns(db)
    .where('office_id', '=', officeId)
    .where('client_id', '=', run.clientId)
    .where('kind', '=', run.kind)
  query =
    run.kind === 'monthly'
      ? query.where('pay_month', '=', run.payMonth)
      : query.where('payment_date', '=', run.paymentDate)
  return (await query.orderBy('version', 'asc').execute()).map(toRun)
}

export async function insertRunVersion(
  db: Kysely<PayrollDb>,
  officeId: string,
  values: RunIdentity & {
    periodEndDate: string | null
    version: number
    createdBy: string
    createdAt: Date
    correction: { reason: string; correctsRunId: string } | null
  },
): Promise<PayrollRun> {
  const { id } = await db
    .insertInto('payroll_runs')
    .values({
      office_id: officeId,
      client_id: values.clientId,
      kind: values.kind,
      pay_month: values.payMonth,
      payment_date: values.paymentDate,
      period_end_date: values.periodEndDate,
      version: values.version,
      status: 'draft',
      created_by: values.createdBy,
      created_at: values.createdAt,
      correction_reason: values.correction?.reason ?? null,
      corrects_run_id: values.correction?.correctsRunId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const run = await findRun(db, officeId, values.clientId, id)
  return run!
}

export async function markCalculated(
  db: Kysely<PayrollDb>,
  officeId: string,
  runId: string,
  values: { by: string; at: Date; tableIds: string[]; payslipCount: number; periodEndDate: string | null },
): Promise<void> {
  await db
    .updateTable('payroll_runs')
    .set({
      status: 'calculated',
      calculated_by: values.by,
      calculated_at: values.at,
      table_ids: values.tableIds,
      payslip_count: values.payslipCount,
      period_end_date: values.periodEndDate,
    })
    .where('office_id', '=', officeId)
    .where('id', '=', runId)
    .where('status', '!=', 'approved')
    .executeTakeFirstOrThrow()
}

export async function markApproved(
  db: Kysely<PayrollDb>,
  officeId: string,
  runId: string,
  values: { by: string; at: Date },
): Promise<void> {
  await db
    .updateTable('payroll_runs')
    .set({ status: 'approved', approved_by: values.by, approved_at: values.at })
    .where('office_id', '=', officeId)
    .where('id', '=', runId)
    .where('status', '=', 'calculated')
    .executeTakeFirstOrThrow()
}
