import { randomBytes } from 'node:crypto'
import type { SyntheticEmployee } from '@mamori/rules/synthetic/types.ts'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { ServerTables } from '../db/tables.ts'
import type { Generator } from '../people/factories.ts'
import type { OperationContext } from '../people/operation-context.ts'
import { clientRow } from '../people/synthetic-rows.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { insertUser } from '../users/users.repo.ts'
import type { ImportTable } from './read-table.ts'
import type { Cell } from './xlsx-read.ts'

/**
 * Test support: synthetic employee and dependent sheets with the Japanese headers offices use,
 * built from the rules generator (never real people), in the table form readTable returns.
 */
export const EMPLOYEE_HEADERS = [
  '社員番号',
  '氏名',
  'フリガナ',
  '生年月日',
  '性別',
  '郵便番号',
  '住所',
  '基礎年金番号',
  '雇用保険被保険者番号',
  '入社日',
  '雇用形態',
  '週所定労働時間',
  '給与形態',
  '基本給',
] as const

export const DEPENDENT_HEADERS = [
  '社員番号',
  '続柄',
  '氏名',
  'フリガナ',
  '生年月日',
  '性別',
  '年収',
  '同居',
  '被扶養者となった日',
] as const

const TYPE_LABEL = { regular: '正社員', contract: '契約社員', 'part-time': 'パート' } as const
const RELATIONSHIP_LABEL = { spouse: '配偶者', child: '子', parent: '父' } as const

export type SyntheticSheets = { employees: ImportTable; dependents: ImportTable; people: SyntheticEmployee[] }

export function syntheticSheets(
  generator: Generator,
  count: number,
  options: { dependents?: boolean } = {},
): SyntheticSheets {
  const people: SyntheticEmployee[] = []
  const employeeRows: Cell[][] = []
  const dependentRows: Cell[][] = []
  for (let i = 0; i < count; i++) {
    const e = generator.employee()
    people.push(e)
    const number = `S${String(i + 1).padStart(5, '0')}`
    employeeRows.push([
      number,
      `${e.familyName}\u3000${e.givenName}`,
      `${e.familyNameKana} ${e.givenNameKana}`,
      e.birthDate.replaceAll('-', '/'),
      e.sex === 'male' ? '男' : '女',
      e.postalCode,
      e.address,
      e.basicPensionNumber,
      e.employmentInsuranceNumber,
      e.hireDate,
      TYPE_LABEL[e.employmentType],
      e.weeklyHours,
      '月給',
      e.monthlySalary,
    ])
    if (options.dependents === true && i % 2 === 0) {
      const d = generator.dependent(e, 'spouse')
      dependentRows.push([
        number,
        RELATIONSHIP_LABEL[d.relationship],
        `${d.familyName} ${d.givenName}`,
        `${d.familyNameKana} ${d.givenNameKana}`,
        d.birthDate,
        d.sex === 'male' ? '男' : '女',
        d.annualIncome,
        '同居',
        e.hireDate,
      ])
    }
  }
  return {
    employees: table(EMPLOYEE_HEADERS, employeeRows),
    dependents: table(DEPENDENT_HEADERS, dependentRows),
    people,
  }
}

function table(headers: readonly string[], rows: Cell[][]): ImportTable {
  return { headerRow: 1, headers: [...headers], rows: rows.map((cells, i) => ({ row: i + 2, cells })) }
}

/** The table as a CSV file's text (RFC 4180 quoting, CRLF), for tests that write files. */
export function tableToCsv(t: ImportTable): string {
  const line = (cells: readonly Cell[]) =>
    cells
      .map((c) =>
        c === null ? '' : /[",\r\n]/.test(String(c)) ? `"${String(c).replaceAll('"', '""')}"` : String(c),
      )
      .join(',')
  return `${[line(t.headers), ...t.rows.map((r) => line(r.cells))].join('\r\n')}\r\n`
}

/** An office with one client and an office administrator acting on it, for operation-level tests. */
export async function importContext(
  db: Kysely<ServerTables>,
  generator: Generator,
): Promise<{ ctx: OperationContext; clientId: string }> {
  const office = await db
    .insertInto('offices')
    .values({ name: `取込テスト事務所 ${randomBytes(3).toString('hex')}` })
    .returning('id')
    .executeTakeFirstOrThrow()
  return withTenant(db, office.id, async (trx) => {
    const client = await trx
      .insertInto('clients')
      .values(clientRow(office.id, generator.client()))
      .returning('id')
      .executeTakeFirstOrThrow()
    const userId = await insertUser(trx, office.id, {
      loginId: `import-admin-${randomBytes(6).toString('hex')}`,
      displayName: '取込担当',
      role: 'office_admin',
      personId: null,
    })
    return {
      ctx: {
        actor: { userId, officeId: office.id, role: 'office_admin', clientIds: [] },
        requestId: crypto.randomUUID(),
      },
      clientId: client.id,
    }
  })
}

/** What an import may have left of a client and its office, counted as the migrating role. */
export async function leftovers(
  db: Kysely<ServerTables>,
  officeId: string,
  clientId: string,
): Promise<{ employees: number; versions: number; dependents: number; imports: number; audit: number }> {
  const { rows } = await sql<{
    employees: number
    versions: number
    dependents: number
    imports: number
    audit: number
  }>`
    select (select count(*) from employees where client_id = ${clientId})::int as employees,
           (select count(*) from employee_versions where client_id = ${clientId})::int as versions,
           (select count(*) from dependents where office_id = ${officeId})::int as dependents,
           (select count(*) from imports where client_id = ${clientId})::int as imports,
           (select count(*) from audit_queue where tenant_id = ${officeId})::int
             + (select count(*) from audit_entries where tenant_id = ${officeId})::int as audit`.execute(db)
  return rows[0]!
}
