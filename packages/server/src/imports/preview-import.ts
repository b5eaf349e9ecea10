import type { Kysely, Transaction } from 'kysely'
import { requireVisibleClient } from '../clients/client-operations.ts'
import type { ServerTables } from '../db/tables.ts'
import { ServerError } from '../errors.ts'
import { audit } from '../people/audit-events.ts'
import type { OperationContext } from '../people/operation-context.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import type { ImportsDb } from './imports.repo.ts'
import { asPeopleTrx, importIdUsed, importsDb, takenEmployeeNumbers } from './imports.repo.ts'
import type { ImportRows, RowIssue, ValidatedImport } from './validate-import.ts'
import { validateImport } from './validate-import.ts'

export type ImportPreview = {
  ok: boolean
  rows: { employees: number; dependents: number }
  valid: { employees: number; dependents: number }
  issues: RowIssue[]
}

/**
 * Preview: every row checked as commit would check it (the API's schemas, then the client's
 * 社員番号 already in use), every problem listed. No person is stored; the check tells which
 * 社員番号 the client uses, so the preview is audited as a read of that one item.
 */
export async function previewImport(
  db: Kysely<ServerTables>,
  ctx: OperationContext,
  clientId: string,
  rows: ImportRows,
): Promise<ImportPreview> {
  const validated = validateImport(rows)
  const checked = await withTenant(importsDb(db), ctx.actor.officeId, async (trx) => {
    await requireVisibleClient(asPeopleTrx(trx), ctx, clientId)
    const withConflicts = await withStoredConflicts(trx, ctx.actor.officeId, clientId, validated)
    await audit(trx, ctx, {
      type: 'IMPORT_PREVIEWED',
      operation: 'read',
      clientId,
      fields: ['employeeNumber'],
    })
    return withConflicts
  })
  return {
    ok: checked.issues.length === 0,
    rows: checked.rowCount,
    valid: { employees: checked.employees.length, dependents: checked.dependents.length },
    issues: checked.issues,
  }
}

/** Adds an issue for each 社員番号 the client already uses; those rows are no longer valid. */
export async function withStoredConflicts(
  trx: Transaction<ImportsDb>,
  officeId: string,
  clientId: string,
  validated: ValidatedImport,
): Promise<ValidatedImport> {
  const numbers = validated.employees.flatMap((e) =>
    e.input.employeeNumber === null ? [] : [e.input.employeeNumber],
  )
  const taken = await takenEmployeeNumbers(trx, officeId, clientId, numbers)
  if (taken.size === 0) return validated
  const conflicts: RowIssue[] = validated.employees
    .filter((e) => e.input.employeeNumber !== null && taken.has(e.input.employeeNumber))
    .map((e) => ({
      table: 'employees',
      row: e.row,
      column: null,
      field: 'employeeNumber',
      code: 'EMPLOYEE_NUMBER_TAKEN',
      message: 'この社員番号は同じ事業所の別の従業員に使われています。',
    }))
  const valid = validated.employees.filter(
    (e) => e.input.employeeNumber === null || !taken.has(e.input.employeeNumber),
  )
  return {
    ...validated,
    employees: valid,
    issues: [...validated.issues, ...conflicts].sort((a, b) =>
      a.table === b.table ? a.row - b.row : a.table === 'employees' ? -1 : 1,
    ),
  }
}

/**
 * Commit's check before anything is written: the same validation as preview; any issue refuses
 * the whole import with the first problem named (preview lists them all), as does an import id
 * already used (a retry of an import that went through).
 */
export async function checkImport(
  db: Kysely<ServerTables>,
  ctx: OperationContext,
  clientId: string,
  importId: string,
  rows: ImportRows,
): Promise<ValidatedImport> {
  const validated = validateImport(rows)
  return withTenant(importsDb(db), ctx.actor.officeId, async (trx) => {
    await requireVisibleClient(asPeopleTrx(trx), ctx, clientId)
    if (await importIdUsed(trx, ctx.actor.officeId, importId)) throw importIdTaken()
    const checked = await withStoredConflicts(trx, ctx.actor.officeId, clientId, validated)
    const first = checked.issues[0]
    if (first !== undefined) throw rowsInvalid(first, checked.issues.length)
    return checked
  })
}

export function importIdTaken(): ServerError {
  return new ServerError({
    code: 'REQUEST_INVALID',
    message: 'IMPORT_ALREADY_COMMITTED',
    messageJa:
      'この取り込みはすでに登録済みです。同じファイルをもう一度取り込む場合は、新しい取り込みとして始めてください。',
    field: 'importId',
  })
}

function rowsInvalid(first: RowIssue, count: number): ServerError {
  const table = first.table === 'employees' ? '社員' : '被扶養者'
  return new ServerError({
    code: 'REQUEST_INVALID',
    message: 'IMPORT_ROWS_INVALID',
    messageJa: `取り込む内容に${count}件の誤りがあるため、何も登録していません。${table}の${first.row}行目${first.column === null ? '' : `「${first.column}」`}: ${first.message} すべての誤りはプレビューで確認できます。`,
    field: `${first.table}.${first.row}${first.field === null ? '' : `.${first.field}`}`,
  })
}
