import type { Kysely } from 'kysely'
import type { ServerTables } from '../db/tables.ts'

/** The only SQL on invitations. Office first; RLS is the second wall. */
type Db = Kysely<ServerTables>

export async function insertInvitation(
  db: Db,
  officeId: string,
  invitation: { userId: string; tokenHash: Buffer; createdBy: string | null; at: Date; expiresAt: Date },
): Promise<string> {
  const row = await db
    .insertInto('invitations')
    .values({
      office_id: officeId,
      user_id: invitation.userId,
      token_hash: invitation.tokenHash,
      created_by: invitation.createdBy,
      created_at: invitation.at,
      expires_at: invitation.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Ends every open invitation of the user, so only the newest link works. */
export async function revokeOpenInvitations(
  db: Db,
  officeId: string,
  userId: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ revoked_at: at })
    .where('office_id', '=', officeId)
    .where('user_id', '=', userId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute()
}

/** The user an unused, unrevoked, unexpired invitation is for, or null. */
export async function findOpenInvitation(
  db: Db,
  officeId: string,
  tokenHash: Buffer,
  at: Date,
): Promise<{ id: string; userId: string } | null> {
  const row = await db
    .selectFrom('invitations')
    .select(['id', 'user_id'])
    .where('office_id', '=', officeId)
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst()
  return row === undefined ? null : { id: row.id, userId: row.user_id }
}

/** Uses up the user's open invitation; false when there is none any more (revoked, expired). */
export async function acceptOpenInvitation(
  db: Db,
  officeId: string,
  userId: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ accepted_at: at })
    .where('office_id', '=', officeId)
    .where('user_id', '=', userId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

/** Whether the employee is one of the client's (and so of the office's). */
export async function employeeBelongsToClient(
  db: Db,
  officeId: string,
  clientId: string,
  employeeId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('employees')
    .select('id')
    .where('office_id', '=', officeId)
    .where('client_id', '=', clientId)
    .where('id', '=', employeeId)
    .executeTakeFirst()
  return row !== undefined
}

/** The user account bound to a person, if one was made. */
export async function findUserOfPerson(
  db: Db,
  officeId: string,
  personId: string,
): Promise<{ id: string; activated: boolean; disabled: boolean } | null> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'activated_at', 'disabled_at'])
    .where('office_id', '=', officeId)
    .where('person_id', '=', personId)
    .executeTakeFirst()
  return row === undefined
    ? null
    : { id: row.id, activated: row.activated_at !== null, disabled: row.disabled_at !== null }
}
