import type { QueryExecutorProvider } from 'kysely'
import type { Actor } from '../access/access.ts'
import type { AuthEventType } from '../auth/audit-events.ts'
import { recordAuthEvent } from '../auth/audit-events.ts'

/**
 * An administrator's change to a user account, in the transaction of the change: the account's
 * user id is the subject (an employee user's person is named too, by the invitation), and
 * `fields` names what changed, never the values (no login id, no display name).
 */
export async function recordUserAdministration(
  trx: QueryExecutorProvider,
  actor: Pick<Actor, 'userId' | 'officeId'>,
  entry: {
    type: Extract<AuthEventType, 'USER_CREATED' | 'ROLE_CHANGED' | 'CLIENTS_ASSIGNED' | 'USER_DISABLED'>
    operation: 'create' | 'update'
    userId: string
    fields: readonly string[]
  },
): Promise<void> {
  await recordAuthEvent(trx, {
    type: entry.type,
    tenantId: actor.officeId,
    actorId: actor.userId,
    operation: entry.operation,
    result: 'success',
    subjectId: entry.userId,
    fields: entry.fields,
  })
}
