import { accessesForClient } from '@mamori/audit/access-queries.ts'
import type { Kysely } from 'kysely'
import { requireVisibleClient } from '../clients/client-operations.ts'
import type { ServerTables } from '../db/tables.ts'
import { audit } from '../people/audit-events.ts'
import type { OperationContext } from '../people/operation-context.ts'
import { withTenant } from '../tenancy/with-tenant.ts'

const DAY_MS = 86_400_000

export type AccessReportItem = {
  subjectId: string
  /** The employee the person is, or whose dependent they are (null: no longer on file). */
  employeeId: string | null
  kind: 'employee' | 'dependent' | 'unknown'
  fields: string[]
  operations: string[]
  actors: string[]
  entries: number
  firstAt: string
  lastAt: string
}

/**
 * Which people of one client were touched in a window, which data items, how and by whom: the
 * basis of an incident's scope ("whose data, which fields, by whom, when"), from the audit log's
 * client index. Ids and display names of the office's users only; reading it is itself an entry.
 */
export async function clientAccessReport(
  db: Kysely<ServerTables>,
  ctx: OperationContext,
  clientId: string,
  options: { days: number; now: Date; operations?: readonly ('read' | 'export' | 'print')[] },
): Promise<AccessReportItem[]> {
  return withTenant(db, ctx.actor.officeId, async (trx) => {
    await requireVisibleClient(trx, ctx, clientId)
    const window = { from: new Date(options.now.getTime() - options.days * DAY_MS), to: options.now }
    const accesses = await accessesForClient(
      trx,
      ctx.actor.officeId,
      clientId,
      window,
      options.operations === undefined ? {} : { operations: options.operations },
    )
    const subjectIds = accesses.map((a) => a.subjectId)
    const actorIds = [...new Set(accesses.flatMap((a) => a.actorIds))]
    const [employees, dependents, users] = await Promise.all([
      subjectIds.length === 0
        ? []
        : trx
            .selectFrom('employees')
            .select(['id'])
            .where('office_id', '=', ctx.actor.officeId)
            .where('id', 'in', subjectIds)
            .execute(),
      subjectIds.length === 0
        ? []
        : trx
            .selectFrom('dependents')
            .select(['id', 'employee_id'])
            .where('office_id', '=', ctx.actor.officeId)
            .where('id', 'in', subjectIds)
            .execute(),
      actorIds.length === 0
        ? []
        : trx
            .selectFrom('users')
            .select(['id', 'display_name'])
            .where('office_id', '=', ctx.actor.officeId)
            .where('id', 'in', actorIds)
            .execute(),
    ])
    const employeeIds = new Set(employees.map((e) => e.id))
    const employeeOf = new Map(dependents.map((d) => [d.id, d.employee_id]))
    const names = new Map(users.map((u) => [u.id, u.display_name]))
    await audit(trx, ctx, {
      type: 'ACCESS_REPORT_VIEWED',
      operation: 'read',
      clientId,
      fields: ['accessHistory'],
    })
    return accesses.map((a) => ({
      subjectId: a.subjectId,
      employeeId: employeeIds.has(a.subjectId) ? a.subjectId : (employeeOf.get(a.subjectId) ?? null),
      kind: employeeIds.has(a.subjectId) ? 'employee' : employeeOf.has(a.subjectId) ? 'dependent' : 'unknown',
      fields: a.fields,
      operations: a.operations,
      actors: a.actorIds.map((id) => names.get(id) ?? 'システム'),
      entries: a.entries,
      firstAt: a.firstAt.toISOString(),
      lastAt: a.lastAt.toISOString(),
    }))
  })
}
