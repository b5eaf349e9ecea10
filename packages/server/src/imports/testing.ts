import type { SyntheticEmployee } from '@mamori/rules/synthetic/types.ts'
import type { Generator } from '../people/factories.ts'
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
