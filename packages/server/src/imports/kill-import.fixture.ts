/**
 * Child process of kill-import.test.ts: commits a synthetic import and, halfway through, tells the
 * parent and waits inside the open transaction until it is killed with SIGKILL.
 * argv[2]: JSON { target, officeId, clientId, userId, employees }.
 */
import type { DatabaseTarget } from '@mamori/db'
import { openDatabase } from '@mamori/db'
import type { ServerTables } from '../db/tables.ts'
import { syntheticGenerator } from '../people/factories.ts'
import { commitImport } from './commit-import.ts'
import { checkImport } from './preview-import.ts'
import { syntheticSheets } from './testing.ts'

const input = JSON.parse(process.argv[2]!) as {
  target: DatabaseTarget
  officeId: string
  clientId: string
  userId: string
  employees: number
}
const database = await openDatabase<ServerTables>(input.target)
const ctx = {
  actor: { userId: input.userId, officeId: input.officeId, role: 'office_admin' as const, clientIds: [] },
  requestId: crypto.randomUUID(),
}
const sheets = syntheticSheets(syntheticGenerator('imports-kill'), input.employees, { dependents: true })
const rows = { employees: sheets.employees, dependents: sheets.dependents }
const importId = crypto.randomUUID()
const validated = await checkImport(database.db, ctx, input.clientId, importId, rows)
await commitImport(database.db, ctx, input.clientId, importId, validated, async (processed, total) => {
  if (processed === Math.floor(total / 2)) {
    process.stdout.write(`halfway ${processed}/${total}\n`)
    await new Promise(() => {})
  }
})
process.stdout.write('committed\n')
