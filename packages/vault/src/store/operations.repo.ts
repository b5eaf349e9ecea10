import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { VaultDatabase } from './schema.ts'

/** The vault's own bookkeeping: rotation progress and rate-limit alarms. */
type Db = Kysely<VaultDatabase>

export type RotationRow = { id: string; targetKekVersion: number; rewrapped: number; finishedAt: Date | null }

export async function unfinishedRotation(db: Db): Promise<RotationRow | undefined> {
  const row = await db
    .selectFrom('vault_rotations')
    .select(['id', 'target_kek_version', 'rewrapped', 'finished_at'])
    .where('finished_at', 'is', null)
    .orderBy('target_kek_version', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row === undefined
    ? undefined
    : {
        id: row.id,
        targetKekVersion: row.target_kek_version,
        rewrapped: row.rewrapped,
        finishedAt: row.finished_at,
      }
}

export async function insertRotation(
  db: Db,
  row: { id: string; targetKekVersion: number; startedBy: string; startedAt: Date },
): Promise<void> {
  await db
    .insertInto('vault_rotations')
    .values({
      id: row.id,
      target_kek_version: row.targetKekVersion,
      started_by: row.startedBy,
      started_at: row.startedAt,
      finished_at: null,
    })
    .execute()
}

export async function addRewrapped(db: Db, id: string, count: number): Promise<void> {
  await db
    .updateTable('vault_rotations')
    .set({ rewrapped: sql<number>`rewrapped + ${count}` })
    .where('id', '=', id)
    .execute()
}

export async function finishRotation(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('vault_rotations').set({ finished_at: at }).where('id', '=', id).execute()
}

export async function insertAlarm(
  db: Db,
  alarm: { tenantId: string; actorId: string; operation: string; scope: 'ACTOR' | 'TENANT'; raisedAt: Date },
): Promise<void> {
  await db
    .insertInto('vault_alarms')
    .values({
      tenant_id: alarm.tenantId,
      actor_id: alarm.actorId,
      operation: alarm.operation,
      scope: alarm.scope,
      raised_at: alarm.raisedAt,
    })
    .execute()
}

export type AlarmSummary = {
  tenantId: string
  actorId: string
  operation: string
  scope: 'ACTOR' | 'TENANT'
  count: number
  lastRaisedAt: Date
}

/** Alarms since `since`, grouped per office, user, operation and scope, newest first. */
export async function recentAlarms(db: Db, since: Date, limit = 50): Promise<AlarmSummary[]> {
  const rows = await db
    .selectFrom('vault_alarms')
    .select((eb) => [
      'tenant_id',
      'actor_id',
      'operation',
      'scope',
      eb.fn.countAll<string>().as('n'),
      eb.fn.max('raised_at').as('last'),
    ])
    .where('raised_at', '>=', since)
    .groupBy(['tenant_id', 'actor_id', 'operation', 'scope'])
    .orderBy('last', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    actorId: r.actor_id,
    operation: r.operation,
    scope: r.scope,
    count: Number(r.n),
    lastRaisedAt: new Date(r.last),
  }))
}
