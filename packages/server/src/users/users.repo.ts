import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { Role } from '../access/access.ts'
import type { ServerTables } from '../db/tables.ts'

/**
 * The only SQL on users and their client assignments. Every function takes the office first and
 * filters on it; row-level security (withTenant) is the second wall.
 */
type Db = Kysely<ServerTables>

export type UserAuthRow = {
  id: string
  officeId: string
  loginId: string
  displayName: string
  role: Role
  personId: string | null
  passwordHash: string | null
  totpSecret: string | null
  totpLastStep: number | null
  failedAttempts: number
  lockedUntil: Date | null
  activatedAt: Date | null
  disabledAt: Date | null
}

export type UserSummary = {
  id: string
  loginId: string
  displayName: string
  role: Role
  personId: string | null
  clientIds: string[]
  activated: boolean
  disabled: boolean
  createdAt: Date
}

/**
 * Sign-in's one look across offices: as the app role, with only this login id named, the policy
 * users_sign_in_lookup lets exactly its row be read. Returns the office to open next, or null.
 */
export async function findLoginOffice(
  db: Db,
  loginId: string,
): Promise<{ userId: string; officeId: string } | null> {
  return db.transaction().execute(async (trx) => {
    await sql`set local role mamori_app`.execute(trx)
    await sql`select set_config('mamori.login_id', ${loginId}, true)`.execute(trx)
    const row = await trx
      .selectFrom('users')
      .select(['id', 'office_id'])
      .where('login_id', '=', loginId)
      .executeTakeFirst()
    return row === undefined ? null : { userId: row.id, officeId: row.office_id }
  })
}

export async function findUserForAuth(db: Db, officeId: string, userId: string): Promise<UserAuthRow | null> {
  const row = await db
    .selectFrom('users')
    .select([
      'id',
      'office_id',
      'login_id',
      'display_name',
      'role',
      'person_id',
      'password_hash',
      'totp_secret',
      'totp_last_step',
      'failed_attempts',
      'locked_until',
      'activated_at',
      'disabled_at',
    ])
    .where('office_id', '=', officeId)
    .where('id', '=', userId)
    .executeTakeFirst()
  if (row === undefined) return null
  return {
    id: row.id,
    officeId: row.office_id,
    loginId: row.login_id,
    displayName: row.display_name,
    role: row.role,
    personId: row.person_id,
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret,
    totpLastStep: row.totp_last_step === null ? null : Number(row.totp_last_step),
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
    activatedAt: row.activated_at,
    disabledAt: row.disabled_at,
  }
}

/**
 * Counts one failed password or TOTP attempt; at `limit` the account locks until `lockUntil` and
 * the counter starts again. Done in one statement so that concurrent guesses cannot each read a
 * count below the limit.
 */
export async function recordFailedAttempt(
  db: Db,
  officeId: string,
  userId: string,
  limit: number,
  lockUntil: Date,
): Promise<{ locked: boolean }> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({
      failed_attempts: sql<number>`case when ${eb.ref('failed_attempts')} + 1 >= ${limit} then 0 else ${eb.ref('failed_attempts')} + 1 end`,
      locked_until: sql<Date | null>`case when ${eb.ref('failed_attempts')} + 1 >= ${limit} then ${lockUntil}::timestamptz else ${eb.ref('locked_until')} end`,
      updated_at: sql<Date>`now()`,
    }))
    .where('office_id', '=', officeId)
    .where('id', '=', userId)
    .returning(['failed_attempts', 'locked_until'])
    .executeTakeFirst()
  return { locked: row !== undefined && row.failed_attempts === 0 && row.locked_until !== null }
}

export async function clearFailedAttempts(db: Db, officeId: string, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_attempts: 0, locked_until: null, updated_at: new Date() })
    .where('office_id', '=', officeId)
    .where('id', '=', userId)
    .execute()
}

/** Marks a TOTP step used; refuses (false) when a concurrent request already used it or a later one. */
export async function useTotpStep(db: Db, officeId: string, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totp_last_step: step, updated_at: new Date() })
    .where('office_id', '=', officeId)
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(step))]))
    .executeTakeFirst()
  return result.numUpdatedRows === 1n
}

export async function insertUser(
  db: Db,
  officeId: string,
  user: { loginId: string; displayName: string; role: Role; personId: string | null },
): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({
      office_id: officeId,
      login_id: user.loginId,
      display_name: user.displayName,
      role: user.role,
      person_id: user.personId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function setPasswordAndTotp(
  db: Db,
  officeId: string,
  userId: string,
  passwordHash: string,
  totpSecret: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      totp_secret: totpSecret,
      totp_confirmed_at: null,
      totp_last_step: null,
      activated_at: null,
      failed_attempts: 0,
      locked_until: null,
      updated_at: new Date(),
    })
    .where('office_id', '=', officeId)
    .where('id', '=', userId)
    .execute()
}

export async function activateUser(db: Db, officeId: string, userId: string, at: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ totp_confirmed_at: at, activated_at: at, updated_at: at })
    .where('office_id', '=', officeId)
    .where('id', '=', userId)
    .execute()
}

export async function replaceClientAssignments(
  db: Db,
  officeId: string,
  userId: string,
  clientIds: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('user_client_assignments')
    .where('office_id', '=', officeId)
    .where('user_id', '=', userId)
    .execute()
  if (clientIds.length === 0) return
  await db
    .insertInto('user_client_assignments')
    .values(clientIds.map((clientId) => ({ office_id: officeId, user_id: userId, client_id: clientId })))
    .execute()
}

/** The ids among `clientIds` that are clients of the office (others do not exist for it). */
export async function existingClientIds(
  db: Db,
  officeId: string,
  clientIds: readonly string[],
): Promise<string[]> {
  if (clientIds.length === 0) return []
  const rows = await db
    .selectFrom('clients')
    .select('id')
    .where('office_id', '=', officeId)
    .where('id', 'in', clientIds)
    .execute()
  return rows.map((r) => r.id)
}

export async function setRole(db: Db, officeId: string, userId: string, role: Role): Promise<void> {
  await db
    .updateTable('users')
    .set({ role, updated_at: new Date() })
    .where('office_id', '=', officeId)
    .where('id', '=', userId)
    .execute()
}

export async function disableUser(db: Db, officeId: string, userId: string, at: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ disabled_at: at, updated_at: at })
    .where('office_id', '=', officeId)
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .execute()
}

export async function listUsers(db: Db, officeId: string): Promise<UserSummary[]> {
  const rows = await db
    .selectFrom('users')
    .select([
      'id',
      'login_id',
      'display_name',
      'role',
      'person_id',
      'activated_at',
      'disabled_at',
      'created_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('user_client_assignments as a')
        .select(sql<string[]>`coalesce(array_agg(a.client_id::text order by a.client_id), '{}')`.as('ids'))
        .whereRef('a.user_id', '=', 'users.id')
        .where('a.office_id', '=', officeId)
        .as('client_ids'),
    )
    .where('office_id', '=', officeId)
    .orderBy('login_id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    loginId: r.login_id,
    displayName: r.display_name,
    role: r.role,
    personId: r.person_id,
    clientIds: r.client_ids ?? [],
    activated: r.activated_at !== null,
    disabled: r.disabled_at !== null,
    createdAt: r.created_at,
  }))
}
