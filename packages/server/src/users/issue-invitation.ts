import type { Kysely } from 'kysely'
import { recordAuthEvent } from '../auth/audit-events.ts'
import type { AuthDeps } from '../auth/auth-deps.ts'
import { INVITATION_LIFETIME_MS } from '../auth/auth-deps.ts'
import { newOfficeToken } from '../auth/tokens.ts'
import type { ServerTables } from '../db/tables.ts'
import { insertInvitation, revokeOpenInvitations } from '../invitations/invitations.repo.ts'

export type IssuedInvitation = { invitationToken: string; expiresAt: Date }

/**
 * A new single-use invitation link for a user who is not active yet, replacing any earlier one.
 * The token is returned once, to be handed to the user; only its hash is stored. Audited as
 * INVITATION_CREATED: the subject is the employee for an employee's invitation, else the user.
 */
export async function issueInvitation(
  trx: Kysely<ServerTables>,
  deps: Pick<AuthDeps, 'now'>,
  input: {
    officeId: string
    userId: string
    createdBy: string
    person?: { clientId: string; employeeId: string }
  },
): Promise<IssuedInvitation> {
  const at = deps.now()
  const expiresAt = new Date(at.getTime() + INVITATION_LIFETIME_MS)
  await revokeOpenInvitations(trx, input.officeId, input.userId, at)
  const { token, hash } = newOfficeToken(input.officeId)
  await insertInvitation(trx, input.officeId, {
    userId: input.userId,
    tokenHash: hash,
    createdBy: input.createdBy,
    at,
    expiresAt,
  })
  await recordAuthEvent(trx, {
    type: 'INVITATION_CREATED',
    tenantId: input.officeId,
    actorId: input.createdBy,
    operation: 'create',
    result: 'success',
    at: at.getTime(),
    ...(input.person === undefined
      ? { subjectId: input.userId }
      : { subjectId: input.person.employeeId, clientId: input.person.clientId }),
  })
  return { invitationToken: token, expiresAt }
}
