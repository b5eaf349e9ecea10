import assert from 'node:assert/strict'
import { test } from 'node:test'
import { syntheticGenerator } from '../people/factories.ts'
import { syntheticSheets } from './testing.ts'
import type { RowIssue } from './validate-import.ts'
import { validateImport } from './validate-import.ts'

const generator = syntheticGenerator('imports-validate')

const at = (issues: RowIssue[], row: number) => issues.filter((i) => i.row === row)

test('synthetic sheets with the usual Japanese headers validate as they are, dependents linked by 社員番号', () => {
  const sheets = syntheticSheets(generator, 20, { dependents: true })
  const result = validateImport({ employees: sheets.employees, dependents: sheets.dependents })
  assert.deepEqual(result.issues, [])
  assert.equal(result.employees.length, 20)
  assert.equal(result.dependents.length, 10)
  const first = result.employees[0]!.input
  const person = sheets.people[0]!
  assert.equal(first.familyName, person.familyName)
  assert.equal(first.givenNameKana, person.givenNameKana)
  assert.equal(first.birthDate, person.birthDate)
  assert.equal(first.prefectureCode, person.prefectureCode)
  assert.equal(first.payBasis, 'monthly')
  assert.equal(result.dependents[1]!.employee, 2)
})

test('every bad row is listed by row number and field, in Japanese, with a code; good rows around it pass', () => {
  const sheets = syntheticSheets(generator, 5)
  const cells = (row: number) => sheets.employees.rows[row - 2]!.cells
  cells(3)[3] = '2026/2/30' // 生年月日
  cells(3)[4] = '不明' // 性別
  cells(5)[1] = '山田太郎' // 氏名 without a space
  cells(5)[7] = '12345' // 基礎年金番号
  cells(6)[13] = null // 基本給
  const { issues, employees } = validateImport({ employees: sheets.employees })
  assert.deepEqual(
    at(issues, 3).map((i) => [i.field, i.column, i.code]),
    [
      ['birthDate', '生年月日', 'DATE_INVALID'],
      ['sex', '性別', 'VALUE_UNKNOWN'],
    ],
  )
  assert.deepEqual(
    at(issues, 5).map((i) => [i.field, i.code]),
    [
      ['familyName', 'NAME_SPLIT'],
      ['basicPensionNumber', 'BASIC_PENSION_NUMBER_FORMAT'],
    ],
  )
  assert.deepEqual(
    at(issues, 6).map((i) => [i.field, i.code, i.message]),
    [['basePayYen', 'REQUIRED', '基本給を入力してください。']],
  )
  assert.ok(issues.every((i) => /[ぁ-んァ-ヶ一-龠]/.test(i.message)))
  assert.deepEqual(
    employees.map((e) => e.row),
    [2, 4],
  )
})

test('a 12-digit number in any column is refused with MY_NUMBER_IN_TEXT and never echoed', () => {
  const sheets = syntheticSheets(generator, 2)
  const myNumber = generator.myNumber()
  sheets.employees.headers.push('備考')
  sheets.employees.rows[0]!.cells.push(
    `番号 ${myNumber.slice(0, 4)}-${myNumber.slice(4, 8)}-${myNumber.slice(8)}`,
  )
  sheets.employees.rows[1]!.cells[6] = `東京都架空区${myNumber}`
  const { issues } = validateImport({ employees: sheets.employees })
  assert.deepEqual(
    issues.map((i) => [i.row, i.column, i.code]),
    [
      [2, '備考', 'MY_NUMBER_IN_TEXT'],
      [3, '住所', 'MY_NUMBER_IN_TEXT'],
    ],
  )
  assert.ok(!JSON.stringify(issues).includes(myNumber))
})

test('a 個人番号 column that reaches the server in plaintext is refused on every row that has one', () => {
  const sheets = syntheticSheets(generator, 2)
  sheets.employees.headers.push('個人番号')
  sheets.employees.rows[0]!.cells.push(generator.myNumber())
  sheets.employees.rows[1]!.cells.push(null)
  const { issues } = validateImport({ employees: sheets.employees })
  assert.deepEqual(
    issues.map((i) => [i.row, i.field, i.code]),
    [[2, 'myNumber', 'MY_NUMBER_NOT_SEALED']],
  )
})

test('a missing column is reported once at the header row; a column mapping renames headers', () => {
  const sheets = syntheticSheets(generator, 3)
  sheets.employees.headers[3] = '誕生年月日'
  const missing = validateImport({ employees: sheets.employees })
  assert.deepEqual(
    missing.issues.map((i) => [i.row, i.field, i.code]),
    [[1, 'birthDate', 'COLUMN_MISSING']],
  )
  const mapped = validateImport({ employees: { ...sheets.employees, mapping: { 誕生年月日: 'birthDate' } } })
  assert.deepEqual(mapped.issues, [])
})

test('duplicate 社員番号 in the file, and a dependent whose employee is not in the file, are row issues', () => {
  const sheets = syntheticSheets(generator, 3, { dependents: true })
  sheets.employees.rows[2]!.cells[0] = sheets.employees.rows[0]!.cells[0]!
  sheets.dependents.rows[1]!.cells[0] = 'S99999'
  const { issues } = validateImport({ employees: sheets.employees, dependents: sheets.dependents })
  assert.deepEqual(
    issues.map((i) => [i.table, i.row, i.field, i.code]),
    [
      ['employees', 4, 'employeeNumber', 'DUPLICATE_IN_FILE'],
      ['dependents', 3, 'employeeNumber', 'EMPLOYEE_NOT_IN_FILE'],
    ],
  )
})
