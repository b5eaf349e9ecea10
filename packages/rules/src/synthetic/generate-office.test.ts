import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { isValidCorporateNumber } from '../corporate-number/check-digit.ts'
import { isValidMyNumber } from '../mynumber/check-digit.ts'
import { generateOffice, type SyntheticOfficeData } from './generate-office.ts'

function allMyNumbers(data: SyntheticOfficeData): string[] {
  return data.clients.flatMap(({ employees }) =>
    employees.flatMap((record) => [record.myNumber, ...record.dependents.map((d) => d.myNumber)]),
  )
}

describe('generateOffice', () => {
  it('同じシード・同じ件数なら同じデータ（決定的）', () => {
    const options = { seed: 'demo', clients: 3, employeesPerClient: 20 }
    assert.deepEqual(generateOffice(options), generateOffice(options))
    assert.notDeepEqual(generateOffice(options), generateOffice({ ...options, seed: 'demo2' }))
  })

  it('has the requested shape', () => {
    const data = generateOffice({ seed: 1, clients: 4, employeesPerClient: 7 })
    assert.equal(data.clients.length, 4)
    for (const { employees } of data.clients) {
      assert.equal(employees.length, 7)
    }
    const none = generateOffice({ seed: 1, clients: 2, employeesPerClient: 3, dependents: false })
    assert.ok(none.clients.every(({ employees }) => employees.every((e) => e.dependents.length === 0)))
  })

  it('property: 全ての個人番号が有効かつデータセット内で一意、法人番号も有効', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string()), (seed) => {
        const data = generateOffice({ seed, clients: 3, employeesPerClient: 30 })
        const numbers = allMyNumbers(data)
        assert.ok(numbers.every(isValidMyNumber))
        assert.equal(new Set(numbers).size, numbers.length)
        assert.ok(data.clients.every(({ client }) => isValidCorporateNumber(client.corporateNumber)))
        const employees = data.clients.flatMap(({ employees }) => employees.map((r) => r.employee))
        assert.equal(new Set(employees.map((e) => e.basicPensionNumber)).size, employees.length)
        assert.equal(new Set(employees.map((e) => e.employmentInsuranceNumber)).size, employees.length)
      }),
      { numRuns: 30 },
    )
  })

  it('refuses negative or fractional counts', () => {
    assert.throws(() => generateOffice({ seed: 1, clients: -1, employeesPerClient: 1 }), {
      code: 'ARGUMENT_INVALID',
    })
    assert.throws(() => generateOffice({ seed: 1, clients: 1, employeesPerClient: 1.5 }), {
      code: 'ARGUMENT_INVALID',
    })
  })
})
