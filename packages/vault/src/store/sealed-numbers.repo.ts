import type { Kysely } from 'kysely'
import type { SealedNumberTable, VaultDatabase } from './schema.ts'

/** Sealed numbers: the only SQL on vault_sealed_numbers. Every query names its tenant first. */
type Db = Kysely<VaultDatabase>

export type SealedNumberRow = SealedNumberTable

export type SealedForOpening = Pick<SealedNumberRow, 'envelope' | 'key_version' | 'blind_index' | 'client_id'>

export type NumberStatusRow = Pick<
  SealedNumberRow,
  'registered_at' | 'registered_by' | 'number_check' | 'identity_check' | 'checked_by' | 'checked_at'
>

export async function findSealed(
  db: Db,
  tenantId: string,
  subjectId: string,
): Promise<SealedForOpening | undefined> {
  return db
    .selectFrom('vault_sealed_numbers')
    .select(['envelope', 'key_version', 'blind_index', 'client_id'])
    .where('tenant_id', '=', tenantId)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst()
}

/** A sealed number with the wrapped data key that opens it. */
export type SealedWithKey = { envelope: Uint8Array; keyVersion: number; wrapped: Uint8Array }

/** Several subjects at once (merge, reveal): one query, tenant-scoped, keys joined. */
export async function findSealedWithKeys(
  db: Db,
  tenantId: string,
  subjectIds: readonly string[],
): Promise<Map<string, SealedWithKey>> {
  if (subjectIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('vault_sealed_numbers as n')
    .innerJoin('vault_data_keys as k', (join) =>
      join
        .onRef('k.tenant_id', '=', 'n.tenant_id')
        .onRef('k.key_id', '=', 'n.subject_id')
        .onRef('k.version', '=', 'n.key_version'),
    )
    .select(['n.subject_id', 'n.envelope', 'n.key_version', 'k.wrapped'])
    .where('n.tenant_id', '=', tenantId)
    .where('n.subject_id', 'in', subjectIds)
    .where('k.wrapped', 'is not', null)
    .execute()
  return new Map(
    rows.flatMap((r) =>
      r.wrapped === null
        ? []
        : [[r.subject_id, { envelope: r.envelope, keyVersion: r.key_version, wrapped: r.wrapped }]],
    ),
  )
}

export async function findStatus(
  db: Db,
  tenantId: string,
  subjectId: string,
): Promise<NumberStatusRow | undefined> {
  return db
    .selectFrom('vault_sealed_numbers')
    .select(['registered_at', 'registered_by', 'number_check', 'identity_check', 'checked_by', 'checked_at'])
    .where('tenant_id', '=', tenantId)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst()
}

/** Whether the number behind `blindIndex` is on file in this tenant for someone else than `subjectId`. */
export async function isOnFileForAnother(
  db: Db,
  tenantId: string,
  blindIndex: Uint8Array,
  subjectId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('vault_sealed_numbers')
    .select('subject_id')
    .where('tenant_id', '=', tenantId)
    .where('blind_index', '=', blindIndex)
    .where('subject_id', '!=', subjectId)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

export async function insertSealed(db: Db, row: SealedNumberRow): Promise<void> {
  await db.insertInto('vault_sealed_numbers').values(row).execute()
}

export async function deleteSealed(db: Db, tenantId: string, subjectId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('vault_sealed_numbers')
    .where('tenant_id', '=', tenantId)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** Subjects of one client with a number on file (a whole client's deletion at contract end). */
export async function subjectsOfClient(db: Db, tenantId: string, clientId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('vault_sealed_numbers')
    .select('subject_id')
    .where('tenant_id', '=', tenantId)
    .where('client_id', '=', clientId)
    .orderBy('subject_id')
    .execute()
  return rows.map((r) => r.subject_id)
}
