import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Role } from '../access/access.ts'
import type { ServerTables } from '../db/tables.ts'
import type { SessionEndReason, SessionStage } from './auth-tables.ts'

/** The only SQL on sessions. Office first in every signature; RLS is the second wall. */
type Db = Kysely<ServerTables>

export type SessionRow = {
  id: string
  officeId: string
  userId: string
  stage: SessionStage
  createdAt: Date
  lastSeenAt: Date
  authenticatedAt: Date | null
  reauthenticatedAt: Date | null
  role: Role
  personId: string | null
  userDisabled: boolean
  /** The clients (事業所) assigned to the user, by id. */
  clientIds: string[]
  /** Whether the client asked about belongs to the office; null when none was asked about. */
  clientInOffice: boolean | null
}

export async function insertSession(
  db: Db,
  officeId: string,
  session: { userId: string; tokenHash: Buffer; stage: SessionStage; at: Date },
): Promise<string> {
  const authenticated = session.stage === 'active' ? session.at : null
  const row = await db
    .insertInto('sessions')
    .values({
      office_id: officeId,
      user_id: session.userId,
      token_hash: session.tokenHash,
      stage: session.stage,
      created_at: session.at,
      last_seen_at: session.at,
      authenticated_at: authenticated,
      reauthenticated_at: authenticated,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/**
 * The open session holding this token, with what the access check needs of its user — role, the
 * clients assigned to them and, when the route names one, whether that client is the office's —
 * in one statement, so that resolving a request costs one query.
 */
export async function findOpenSession(
  db: Db,
  officeId: string,
  tokenHash: Buffer,
  clientId?: string,
): Promise<SessionRow | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', (join) =>
      join.onRef('u.id', '=', 's.user_id').onRef('u.office_id', '=', 's.office_id'),
    )
    .select([
      's.id',
      's.office_id',
      's.user_id',
      's.stage',
      's.created_at',
      's.last_seen_at',
      's.authenticated_at',
      's.reauthenticated_at',
      'u.role',
      'u.person_id',
      'u.disabled_at',
      sql<string[]>`array(select a.client_id::text from user_client_assignments a
        where a.office_id = s.office_id and a.user_id = s.user_id order by a.client_id)`.as('client_ids'),
      (clientId === undefined
        ? sql<boolean | null>`null`
        : sql<boolean>`exists(select from clients c where c.office_id = s.office_id and c.id = ${clientId})`
      ).as('client_in_office'),
    ])
    .where('s.office_id', '=', officeId)
    .where('s.token_hash', '=', tokenHash)
    .where('s.ended_at', 'is', null)
    .executeTakeFirst()
  if (row === undefined) return null
  return {
    id: row.id,
    officeId: row.office_id,
    userId: row.user_id,
    stage: row.stage,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    authenticatedAt: row.authenticated_at,
    reauthenticatedAt: row.reauthenticated_at,
    role: row.role,
    personId: row.person_id,
    userDisabled: row.disabled_at !== null,
    clientIds: row.client_ids,
    clientInOffice: row.client_in_office,
  }
}

export async function touchSession(db: Db, officeId: string, sessionId: string, at: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: at })
    .where('office_id', '=', officeId)
    .where('id', '=', sessionId)
    .execute()
}

/**
 * Moves a session to its next stage under a new token (the old token stops working), so that a
 * token seen before sign-in completed is worth nothing after it.
 */
export async function advanceSession(
  db: Db,
  officeId: string,
  sessionId: string,
  change: { tokenHash: Buffer; stage: SessionStage; at: Date },
): Promise<void> {
  const authenticated = change.stage === 'active' ? change.at : null
  await db
    .updateTable('sessions')
    .set({
      token_hash: change.tokenHash,
      stage: change.stage,
      last_seen_at: change.at,
      authenticated_at: authenticated,
      reauthenticated_at: authenticated,
    })
    .where('office_id', '=', officeId)
    .where('id', '=', sessionId)
    .where('ended_at', 'is', null)
    .execute()
}

export async function markReauthenticated(
  db: Db,
  officeId: string,
  sessionId: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ reauthenticated_at: at, last_seen_at: at })
    .where('office_id', '=', officeId)
    .where('id', '=', sessionId)
    .execute()
}

export async function endSession(
  db: Db,
  officeId: string,
  sessionId: string,
  reason: SessionEndReason,
  at: Date,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ ended_at: at, end_reason: reason })
    .where('office_id', '=', officeId)
    .where('id', '=', sessionId)
    .where('ended_at', 'is', null)
    .execute()
}

export async function endUserSessions(
  db: Db,
  officeId: string,
  userId: string,
  reason: SessionEndReason,
  at: Date,
): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ ended_at: at, end_reason: reason })
    .where('office_id', '=', officeId)
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
