import assert from 'node:assert/strict'
import { test } from 'node:test'
import { decodeEntry } from '@mamori/audit/entry-encoding.ts'
import { describeOnEachDatabase } from '@mamori/db/testing'
import { sql } from 'kysely'
import type { ServerTables } from '../db/tables.ts'
import { addDependent } from '../people/dependent-operations.ts'
import { ZCreateDependentRequest } from '../people/dependents.schema.ts'
import { addEmployee } from '../people/employee-operations.ts'
import { ZCreateEmployeeRequest } from '../people/employees.schema.ts'
import { buildDependentBody, employeeBody, syntheticGenerator } from '../people/factories.ts'
import { PEOPLE_TEST_MIGRATIONS } from '../people/test-app.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { commitImport } from './commit-import.ts'
import { importContext } from './testing.ts'

/** Columns that differ between any two people by construction. */
const OWN = new Set(['id', 'employee_id', 'employee_number', 'created_at', 'updated_at'])

function shared(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([column]) => !OWN.has(column)))
}

describeOnEachDatabase<ServerTables>(
  'an imported person has the rows and audit entry of one added by hand',
  PEOPLE_TEST_MIGRATIONS,
  ({ db }) => {
    test('employee, first version, dependent and their EMPLOYEE_CREATED / DEPENDENT_CREATED entries are equal, column by column', async () => {
      const generator = syntheticGenerator('imports-people-rows')
      const { ctx, clientId } = await importContext(db(), generator)
      const person = generator.employee()
      const employee = (employeeNumber: string) =>
        ZCreateEmployeeRequest.parse(
          employeeBody(person, {
            employeeNumber,
            insuredSerial: '123',
            allowances: [{ name: '役職手当', amountYen: 10_000 }],
            commutingAllowanceYen: 8_000,
          }),
        )
      const dependent = ZCreateDependentRequest.parse(
        buildDependentBody(generator, person, {
          basicPensionNumber: '1234567890',
          cohabiting: false,
          address: '架空県架空市1-2-3',
          postalCode: '100-0001',
        }),
      )

      const byHand = await withTenant(db(), ctx.actor.officeId, async (trx) => {
        const employeeId = await addEmployee(trx, ctx, clientId, employee('HAND'))
        const dependentId = await addDependent(trx, ctx, { clientId, employeeId }, dependent)
        return { employeeId, dependentId }
      })
      const imported = await commitImport(db(), ctx, clientId, crypto.randomUUID(), {
        employees: [{ row: 2, input: employee('IMPORTED') }],
        dependents: [{ row: 2, employee: 0, input: dependent }],
        issues: [],
        rowCount: { employees: 1, dependents: 1 },
      })
      const importedEmployee = imported.subjects.find((s) => s.table === 'employees')!.subjectId
      const importedDependent = imported.subjects.find((s) => s.table === 'dependents')!.subjectId

      for (const table of ['employees', 'employee_versions', 'dependents'] as const) {
        const key = table === 'employees' ? 'id' : 'employee_id'
        const { rows } = await sql<Record<string, unknown>>`
          select * from ${sql.table(table)} where ${sql.ref(key)} in (${byHand.employeeId}, ${importedEmployee})
          order by ${sql.ref(key)} = ${byHand.employeeId} desc`.execute(db())
        assert.equal(rows.length, 2, table)
        assert.deepEqual(shared(rows[1]!), shared(rows[0]!), table)
      }

      const { rows: queued } = await sql<{
        event: Uint8Array
      }>`select event from audit_queue order by id`.execute(db())
      const entryOf = (subjectId: string) => {
        const entry = queued
          .map((r) => decodeEntry(new Uint8Array(r.event)))
          .find((e) => e.subjectId === subjectId)
        assert.ok(entry !== undefined, `no audit entry for ${subjectId}`)
        const { subjectId: _subject, at: _at, ...rest } = entry as Record<string, unknown>
        return rest
      }
      assert.deepEqual(entryOf(importedEmployee), entryOf(byHand.employeeId))
      assert.deepEqual(entryOf(importedDependent), entryOf(byHand.dependentId))
      assert.equal(entryOf(importedEmployee).type, 'EMPLOYEE_CREATED')
      assert.equal(entryOf(importedDependent).type, 'DEPENDENT_CREATED')
    })
  },
)
