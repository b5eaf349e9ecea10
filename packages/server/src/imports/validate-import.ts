import { z } from 'zod'
import { toIssues } from '../openapi/zod-compilers.ts'
import type { CreateDependentInput } from '../people/dependents.schema.ts'
import { ZCreateDependentRequest } from '../people/dependents.schema.ts'
import type { CreateEmployeeInput } from '../people/employees.schema.ts'
import { ZCreateEmployeeRequest } from '../people/employees.schema.ts'
import type { Converted } from './cell-values.ts'
import {
  cellText,
  splitName,
  toCohabiting,
  toEmploymentType,
  toHours,
  toIsoDate,
  toPayBasis,
  toPrefectureCode,
  toRelationship,
  toSex,
  toYen,
} from './cell-values.ts'
import type { ColumnMapping, FieldOf, TableKind } from './column-mapping.ts'
import { resolveColumns } from './column-mapping.ts'
import { looksLikeMyNumber } from './plaintext-my-number.ts'
import type { ImportTable } from './read-table.ts'
import type { Cell } from './xlsx-read.ts'

/**
 * Every row of an import checked with the API's own request schemas (ZCreateEmployeeRequest,
 * ZCreateDependentRequest), after the cells are turned into what those schemas take. Pure: the
 * server runs it for preview and again before commit; nothing here touches the database.
 * Each problem is an issue naming its table, row (as the user sees it), column and field, with a
 * stable code and a Japanese message that never quotes a cell.
 */
export type RowIssue = {
  table: TableKind
  row: number
  column: string | null
  field: string | null
  code: string
  message: string
}

export type MappedTable<K extends TableKind> = ImportTable & { mapping?: ColumnMapping<K> }

export type ImportRows = {
  employees: MappedTable<'employees'>
  dependents?: MappedTable<'dependents'> | undefined
}

export type ValidEmployee = { row: number; input: CreateEmployeeInput }
/** `employee`: index into the valid employees of the same import. */
export type ValidDependent = { row: number; employee: number; input: CreateDependentInput }

export type ValidatedImport = {
  employees: ValidEmployee[]
  dependents: ValidDependent[]
  issues: RowIssue[]
  rowCount: { employees: number; dependents: number }
}

const LABELS: Readonly<Record<string, string>> = {
  rowKey: '行キー',
  employeeNumber: '社員番号',
  employeeRowKey: '社員の行キー',
  fullName: '氏名',
  familyName: '姓',
  givenName: '名',
  fullNameKana: 'フリガナ',
  familyNameKana: 'セイ（フリガナ）',
  givenNameKana: 'メイ（フリガナ）',
  birthDate: '生年月日',
  sex: '性別',
  postalCode: '郵便番号',
  prefectureCode: '都道府県',
  address: '住所',
  basicPensionNumber: '基礎年金番号',
  employmentInsuranceNumber: '雇用保険被保険者番号',
  insuredSerial: '被保険者整理番号',
  hireDate: '入社日',
  employmentType: '雇用形態',
  weeklyHours: '週所定労働時間',
  payBasis: '給与形態',
  basePayYen: '基本給',
  commutingAllowanceYen: '通勤手当',
  relationship: '続柄',
  annualIncomeYen: '年間収入',
  cohabiting: '同居・別居',
  dependentFrom: '被扶養者となった日',
  dependentUntil: '被扶養者でなくなった日',
  myNumber: '個人番号',
}

const EMPLOYEE_REQUIRED = [
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'birthDate',
  'sex',
  'address',
  'hireDate',
  'employmentType',
  'weeklyHours',
  'payBasis',
  'basePayYen',
] as const
const DEPENDENT_REQUIRED = [
  'relationship',
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'birthDate',
  'sex',
  'annualIncomeYen',
  'cohabiting',
  'dependentFrom',
] as const

/** The pseudo-column a field may come from instead of its own. */
const COMBINED: Readonly<Record<string, string>> = {
  familyName: 'fullName',
  givenName: 'fullName',
  familyNameKana: 'fullNameKana',
  givenNameKana: 'fullNameKana',
}

const japanese = z.locales.ja().localeError

export function validateImport(request: ImportRows): ValidatedImport {
  const issues: RowIssue[] = []
  const employees = validateTable(
    'employees',
    request.employees,
    issues,
    employeeInput,
    ZCreateEmployeeRequest,
  )
  const validEmployees: ValidEmployee[] = []
  const byNumber = new Map<string, number>()
  const byRowKey = new Map<string, number>()
  const seenNumbers = new Set<string>()
  for (const { row, input, keys } of employees) {
    const number = input?.employeeNumber ?? keys.employeeNumber
    if (number !== null && number !== undefined) {
      if (seenNumbers.has(number)) {
        issues.push(
          issue(
            'employees',
            row,
            request.employees,
            'employeeNumber',
            'DUPLICATE_IN_FILE',
            '同じ社員番号がファイルの別の行にもあります。',
          ),
        )
        continue
      }
      seenNumbers.add(number)
    }
    if (input === undefined) continue
    if (number !== null && number !== undefined) byNumber.set(number, validEmployees.length)
    if (keys.rowKey !== null) byRowKey.set(keys.rowKey, validEmployees.length)
    validEmployees.push({ row, input })
  }
  const validDependents: ValidDependent[] = []
  let dependentRows = 0
  if (request.dependents !== undefined) {
    const dependents = validateTable(
      'dependents',
      request.dependents,
      issues,
      dependentInput,
      ZCreateDependentRequest,
    )
    dependentRows = request.dependents.rows.length
    for (const { row, input, keys } of dependents) {
      const employee =
        keys.employeeNumber !== null
          ? byNumber.get(keys.employeeNumber)
          : keys.employeeRowKey !== null
            ? byRowKey.get(keys.employeeRowKey)
            : undefined
      if (employee === undefined) {
        const field =
          keys.employeeNumber !== null || keys.employeeRowKey === null ? 'employeeNumber' : 'employeeRowKey'
        issues.push(
          issue(
            'dependents',
            row,
            request.dependents,
            field,
            'EMPLOYEE_NOT_IN_FILE',
            keys.employeeNumber === null && keys.employeeRowKey === null
              ? 'どの社員の被扶養者かが分かりません。社員番号（または行キー）を入力してください。'
              : 'この社員番号（行キー）の社員が、取り込む社員の中に見つからないか、その行に誤りがあります。',
          ),
        )
        continue
      }
      if (input !== undefined) validDependents.push({ row, employee, input })
    }
  }
  issues.sort((a, b) => (a.table === b.table ? a.row - b.row : a.table === 'employees' ? -1 : 1))
  return {
    employees: validEmployees,
    dependents: validDependents,
    issues,
    rowCount: { employees: request.employees.rows.length, dependents: dependentRows },
  }
}

type Keys = { employeeNumber: string | null; rowKey: string | null; employeeRowKey: string | null }
type Built = {
  input: Record<string, unknown>
  problems: Map<string, { code: string; message: string }>
  /** Fields left unset because of another field's issue (氏名 → 名), so they get no issue of their own. */
  silenced: Set<string>
}
type RowResult<T> = { row: number; input: T | undefined; keys: Keys }

function validateTable<K extends TableKind, T>(
  kind: K,
  table: MappedTable<K>,
  issues: RowIssue[],
  build: (value: (field: string) => Cell) => Built,
  schema: z.ZodType<T>,
): RowResult<T>[] {
  const columns = resolveColumns(kind, table.headers, table.mapping)
  const firstColumn = new Map<string, number>()
  columns.forEach((field, i) => {
    if (field === null) return
    if (firstColumn.has(field)) {
      issues.push({
        table: kind,
        row: table.headerRow,
        column: table.headers[i] ?? null,
        field,
        code: 'COLUMN_DUPLICATE',
        message: `「${LABELS[field]}」にあたる列が複数あります。どちらか一方にするか、列の対応を指定してください。`,
      })
      return
    }
    firstColumn.set(field, i)
  })
  const has = (field: string): boolean =>
    firstColumn.has(field) || (COMBINED[field] !== undefined && firstColumn.has(COMBINED[field]))
  const required = kind === 'employees' ? EMPLOYEE_REQUIRED : DEPENDENT_REQUIRED
  const missingColumns = new Set(required.filter((field) => !has(field)))
  for (const field of missingColumns) {
    issues.push({
      table: kind,
      row: table.headerRow,
      column: null,
      field,
      code: 'COLUMN_MISSING',
      message: `「${LABELS[field]}」の列がありません。見出しを確認するか、列の対応を指定してください。`,
    })
  }
  const columnOf = (field: string): string | null => {
    const i = firstColumn.get(field) ?? firstColumn.get(COMBINED[field] ?? '')
    return i === undefined ? null : (table.headers[i] ?? null)
  }
  return table.rows.map(({ row, cells }) => {
    const add = (
      field: string | null,
      code: string,
      message: string,
      column = field === null ? null : columnOf(field),
    ) => issues.push({ table: kind, row, column, field, code, message })
    const before = issues.length
    const refused = new Set<string>()
    cells.forEach((cell, i) => {
      const field = columns[i] ?? null
      if (field === 'myNumber') {
        if (cellText(cell) !== null) {
          add(
            field,
            'MY_NUMBER_NOT_SEALED',
            '個人番号は暗号化せずに送ることはできません。取り込みの画面か mamori import で読み込み、端末上で暗号化してください。',
            table.headers[i] ?? null,
          )
        }
      } else if (looksLikeMyNumber(cell)) {
        if (field !== null) refused.add(field)
        add(
          field,
          'MY_NUMBER_IN_TEXT',
          '12桁の数字は取り込めません。個人番号はこの列ではなく「個人番号」の列に入れてください。',
          table.headers[i] ?? null,
        )
      }
    })
    const value = (field: string): Cell => {
      const i = firstColumn.get(field)
      return i === undefined || refused.has(field) ? null : (cells[i] ?? null)
    }
    const keys: Keys = {
      employeeNumber: cellText(value('employeeNumber')),
      rowKey: cellText(value('rowKey')),
      employeeRowKey: cellText(value('employeeRowKey')),
    }
    const built = build(value)
    for (const [field, problem] of built.problems) add(field, problem.code, problem.message)
    for (const field of required) {
      if (
        built.input[field] === undefined &&
        !built.problems.has(field) &&
        !built.silenced.has(field) &&
        !missingColumns.has(field) &&
        !refused.has(field)
      ) {
        add(field, 'REQUIRED', `${LABELS[field]}を入力してください。`)
      }
    }
    const reported = new Set([...built.problems.keys(), ...built.silenced, ...required, ...refused])
    const parsed = schema.safeParse(built.input, { error: japanese })
    if (!parsed.success) {
      for (const found of toIssues(parsed.error)) {
        const field = found.field.split('.')[0] ?? ''
        if (reported.has(field) && built.input[field] === undefined) continue
        add(field === '' ? null : field, found.code, found.message)
      }
    }
    return { row, input: parsed.success && issues.length === before ? parsed.data : undefined, keys }
  })
}

function issue<K extends TableKind>(
  kind: K,
  row: number,
  table: MappedTable<K>,
  field: FieldOf<K>,
  code: string,
  message: string,
): RowIssue {
  const columns = resolveColumns(kind, table.headers, table.mapping)
  const i = columns.indexOf(field)
  return { table: kind, row, column: i === -1 ? null : (table.headers[i] ?? null), field, code, message }
}

/** Builds an input object: blank cells are left out, so schema defaults and REQUIRED apply. */
function builder(value: (field: string) => Cell): Built & {
  set<T>(field: string, convert: (cell: Cell) => Converted<T>, from?: string): void
  text(field: string): void
  names(familyField: string, givenField: string, combined: string, kana: boolean): void
} {
  const input: Record<string, unknown> = {}
  const problems = new Map<string, { code: string; message: string }>()
  const silenced = new Set<string>()
  const set = <T>(field: string, convert: (cell: Cell) => Converted<T>, from = field): void => {
    const cell = value(from)
    if (cellText(cell) === null) return
    const result = convert(cell)
    if (result.ok) input[field] = result.value
    else problems.set(field, { code: result.code, message: result.message })
  }
  return {
    input,
    problems,
    silenced,
    set,
    text: (field) => {
      const text = cellText(value(field))
      if (text !== null) input[field] = text
    },
    names: (familyField, givenField, combined, kana) => {
      if (cellText(value(combined)) !== null && cellText(value(familyField)) === null) {
        const split = splitName(value(combined), kana)
        if (split.ok) {
          input[familyField] = split.value[0]
          input[givenField] = split.value[1]
        } else {
          problems.set(familyField, { code: split.code, message: split.message })
          silenced.add(givenField)
        }
        return
      }
      const family = cellText(value(familyField))
      const given = cellText(value(givenField))
      if (family !== null) input[familyField] = family
      if (given !== null) input[givenField] = given
    },
  }
}

function employeeInput(value: (field: string) => Cell): Built {
  const b = builder(value)
  b.text('employeeNumber')
  b.names('familyName', 'givenName', 'fullName', false)
  b.names('familyNameKana', 'givenNameKana', 'fullNameKana', true)
  b.set('birthDate', toIsoDate)
  b.set('sex', toSex)
  b.text('postalCode')
  b.text('address')
  const prefecture = toPrefectureCode(value('prefectureCode'), cellText(value('address')))
  if (prefecture.ok) b.input.prefectureCode = prefecture.value
  else if (cellText(value('prefectureCode')) !== null || cellText(value('address')) !== null) {
    b.problems.set('prefectureCode', { code: prefecture.code, message: prefecture.message })
  } else b.silenced.add('prefectureCode') // the address's own issue says what to enter
  b.text('basicPensionNumber')
  b.text('employmentInsuranceNumber')
  b.text('insuredSerial')
  b.set('hireDate', toIsoDate)
  b.set('employmentType', toEmploymentType)
  b.set('weeklyHours', toHours)
  b.set('payBasis', toPayBasis)
  b.set('basePayYen', toYen)
  b.set('commutingAllowanceYen', toYen)
  return b
}

function dependentInput(value: (field: string) => Cell): Built {
  const b = builder(value)
  b.set('relationship', toRelationship)
  b.names('familyName', 'givenName', 'fullName', false)
  b.names('familyNameKana', 'givenNameKana', 'fullNameKana', true)
  b.set('birthDate', toIsoDate)
  b.set('sex', toSex)
  b.set('annualIncomeYen', toYen)
  b.set('cohabiting', (cell) => {
    const answer = toCohabiting(cell)
    return answer.ok ? { ok: true, value: answer.value === 'yes' } : answer
  })
  b.text('postalCode')
  b.text('address')
  b.text('basicPensionNumber')
  b.set('dependentFrom', toIsoDate)
  b.set('dependentUntil', toIsoDate)
  return b
}
