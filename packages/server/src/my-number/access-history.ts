import { accessesToSubject } from '@mamori/audit/access-queries.ts'
import type { Kysely } from 'kysely'
import type { ServerTables } from '../db/tables.ts'
import { dependentsOf } from '../people/dependents.repo.ts'
import type { OperationContext } from '../people/operation-context.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { auditMyNumber } from './audit-events.ts'
import type { SubjectRef } from './my-number-subject.ts'
import { resolveSubject } from './my-number-subject.ts'

const DAY_MS = 86_400_000

export type AccessHistoryItem = {
  at: string
  subjectId: string
  actor: string
  type: string
  operation: string
  result: string
  purpose: string | null
  document: string | null
  fields: string[]
}

/**
 * Every access to an employee's data and their dependents' (the マイナポータル-style 本人 view),
 * newest first, from the server's audit log; who acted is shown by display name, and the person
 * themself as 本人. Reading the history is itself an entry.
 */
export async function accessHistory(
  db: Kysely<ServerTables>,
  ctx: OperationContext,
  ref: SubjectRef,
  options: { days: number; now: Date },
): Promise<AccessHistoryItem[]> {
  return withTenant(db, ctx.actor.officeId, async (trx) => {
    const subject = await resolveSubject(trx, ctx, { ...ref, dependentId: undefined })
    const dependents = await dependentsOf(trx, ctx.actor.officeId, subject.employeeId)
    const window = { from: new Date(options.now.getTime() - options.days * DAY_MS), to: options.now }
    const lists = await Promise.all(
      [subject.employeeId, ...dependents.map((d) => d.id)].map(async (subjectId) =>
        (await accessesToSubject(trx, ctx.actor.officeId, subjectId, window)).map((a) => ({
          ...a,
          subjectId,
        })),
      ),
    )
    const accesses = lists.flat().sort((a, b) => b.at.getTime() - a.at.getTime() || b.position - a.position)
    const actorIds = [...new Set(accesses.map((a) => a.actorId))]
    const users =
      actorIds.length === 0
        ? []
        : await trx
            .selectFrom('users')
            .select(['id', 'display_name', 'person_id'])
            .where('office_id', '=', ctx.actor.officeId)
            .where('id', 'in', actorIds)
            .execute()
    const names = new Map(
      users.map((u) => [u.id, u.person_id === subject.employeeId ? '本人' : u.display_name] as const),
    )
    await auditMyNumber(trx, ctx, subject, {
      type: 'ACCESS_HISTORY_VIEWED',
      operation: 'read',
      result: 'success',
      fields: ['accessHistory'],
    })
    return accesses.map((a) => ({
      at: a.at.toISOString(),
      subjectId: a.subjectId,
      actor: names.get(a.actorId) ?? 'システム',
      type: a.type,
      operation: a.operation,
      result: a.result,
      purpose: a.purpose,
      document: a.document,
      fields: a.fields,
    }))
  })
}
