import assert from 'node:assert/strict'
import { test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import type { ServerTables } from '../db/tables.ts'
import { ServerError } from '../errors.ts'
import { syntheticGenerator } from '../people/factories.ts'
import { PEOPLE_TEST_MIGRATIONS } from '../people/test-app.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { commitImport } from './commit-import.ts'
import { checkImport } from './preview-import.ts'
import { importContext, leftovers, syntheticSheets } from './testing.ts'

const NOTHING = { employees: 0, versions: 0, dependents: 0, imports: 0, audit: 0 }

describeOnEachDatabase<ServerTables>('commitImport: all or nothing', PEOPLE_TEST_MIGRATIONS, ({ db }) => {
  const generator = syntheticGenerator('imports-commit')

  test('an error thrown halfway (here by the progress callback) leaves no person, no audit entry, no record', async () => {
    const { ctx, clientId } = await importContext(db(), generator)
    const sheets = syntheticSheets(generator, 40, { dependents: true })
    const rows = { employees: sheets.employees, dependents: sheets.dependents }
    const importId = crypto.randomUUID()
    const validated = await checkImport(db(), ctx, clientId, importId, rows)
    const seen: number[] = []
    await assert.rejects(
      commitImport(db(), ctx, clientId, importId, validated, (processed) => {
        seen.push(processed)
        if (processed === 45) throw new Error('connection to the importing device lost')
      }),
      /connection to the importing device lost/,
    )
    assert.equal(seen.length, 45)
    assert.deepEqual(await leftovers(db(), ctx.actor.officeId, clientId), NOTHING)
  })

  test('a row the database refuses after the check (a 社員番号 taken meanwhile) names its row and leaves nothing', async () => {
    const { ctx, clientId } = await importContext(db(), generator)
    const sheets = syntheticSheets(generator, 30)
    const importId = crypto.randomUUID()
    const validated = await checkImport(db(), ctx, clientId, importId, { employees: sheets.employees })
    await withTenant(db(), ctx.actor.officeId, (trx) =>
      trx
        .insertInto('employees')
        .values({
          office_id: ctx.actor.officeId,
          client_id: clientId,
          employee_number: 'S00020',
          birth_date: '1990-04-01',
          sex: 'female',
          hire_date: '2020-04-01',
        })
        .execute(),
    )
    const before = await leftovers(db(), ctx.actor.officeId, clientId)
    await assert.rejects(
      commitImport(db(), ctx, clientId, importId, validated),
      (error: unknown) =>
        error instanceof ServerError &&
        error.code === 'EMPLOYEE_NUMBER_TAKEN' &&
        error.field === 'employees.21.employeeNumber' &&
        error.messageJa.startsWith('社員の21行目: '),
    )
    assert.deepEqual(await leftovers(db(), ctx.actor.officeId, clientId), before)
  })

  test('two commits of the same import id: the second is refused and adds nobody', async () => {
    const { ctx, clientId } = await importContext(db(), generator)
    const sheets = syntheticSheets(generator, 5)
    const importId = crypto.randomUUID()
    const validated = await checkImport(db(), ctx, clientId, importId, { employees: sheets.employees })
    const first = await commitImport(db(), ctx, clientId, importId, validated)
    assert.equal(first.employeesCreated, 5)
    const other = syntheticSheets(generator, 2)
    const renumbered = {
      ...other.employees,
      rows: other.employees.rows.map((r, i) => ({ ...r, cells: [`T${i}`, ...r.cells.slice(1)] })),
    }
    const second = await checkImport(db(), ctx, clientId, crypto.randomUUID(), { employees: renumbered })
    await assert.rejects(
      commitImport(db(), ctx, clientId, importId, second),
      (error: unknown) => error instanceof ServerError && error.field === 'importId',
    )
    const left = await leftovers(db(), ctx.actor.officeId, clientId)
    assert.equal(left.employees, 5)
    assert.equal(left.imports, 1)
  })
})
