import { generateOffice } from '@mamori/rules/synthetic/generate-office.ts'
import type { Kysely } from 'kysely'
import type { ServerTables } from '../db/tables.ts'
import { clientRow, dependentRow, employeeRow, firstVersionRow } from './synthetic-rows.ts'

export type SeededOffice = {
  officeId: string
  clients: Array<{ clientId: string; employees: Array<{ employeeId: string; dependentIds: string[] }> }>
}

/**
 * Test factory: a synthetic office with clients, employees (one version each) and dependents,
 * written as the migrating role, outside any tenant. For fixtures only; the app writes through
 * its services.
 */
export async function seedSyntheticOffice(
  db: Kysely<ServerTables>,
  options: { seed: number | string; clients: number; employeesPerClient: number },
): Promise<SeededOffice> {
  const data = generateOffice(options)
  return db.transaction().execute(async (trx) => {
    const office = await trx
      .insertInto('offices')
      .values({ name: data.office.name })
      .returning('id')
      .executeTakeFirstOrThrow()
    const seeded: SeededOffice = { officeId: office.id, clients: [] }
    for (const { client, employees } of data.clients) {
      const { id: clientId } = await trx
        .insertInto('clients')
        .values(clientRow(office.id, client))
        .returning('id')
        .executeTakeFirstOrThrow()
      const seededEmployees: SeededOffice['clients'][number]['employees'] = []
      for (const record of employees) {
        const { id: employeeId } = await trx
          .insertInto('employees')
          .values(employeeRow(office.id, clientId, record.employee))
          .returning('id')
          .executeTakeFirstOrThrow()
        await trx
          .insertInto('employee_versions')
          .values(firstVersionRow(office.id, clientId, employeeId, record.employee))
          .execute()
        const dependentIds: string[] = []
        for (const { dependent } of record.dependents) {
          const row = await trx
            .insertInto('dependents')
            .values(dependentRow(office.id, employeeId, record.employee, dependent))
            .returning('id')
            .executeTakeFirstOrThrow()
          dependentIds.push(row.id)
        }
        seededEmployees.push({ employeeId, dependentIds })
      }
      seeded.clients.push({ clientId, employees: seededEmployees })
    }
    return seeded
  })
}
