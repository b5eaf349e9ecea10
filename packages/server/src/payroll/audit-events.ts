/**
 * The closed set of audit entries payroll writes. Each belongs in the transaction of the read or
 * change it describes (the operation named after it), through `record(trx, event)` of
 * @mamori/audit, with ids only: the client, the run version, the employees (subjects) whose pay
 * was read or written, never a name or an amount. Not yet recorded: @mamori/audit's record() is
 * not committed; each operation's doc comment says where its entry goes.
 */
export type PayrollAuditType =
  /** run-payroll.ts: a run version was calculated (first run or again); subjects: its employees. */
  | 'PAYROLL_RUN_CALCULATED'
  /** approve-payroll-run.ts: a version was approved and frozen. */
  | 'PAYROLL_RUN_APPROVED'
  /** correct-payroll-run.ts: a correction opened the next version, with its reason. */
  | 'PAYROLL_RUN_CORRECTION_OPENED'
  /** read-payroll-runs.ts getPayrollRun: a version's payslips were shown. */
  | 'PAYROLL_RUN_VIEWED'
  /** read-payroll-runs.ts listPayrollRunVersions: the history was shown (no amounts). */
  | 'PAYROLL_RUN_VERSIONS_LISTED'
  /** export-payslips.ts: a payslip PDF or a run's CSV left the system; format and encoding noted. */
  | 'PAYSLIPS_EXPORTED'
