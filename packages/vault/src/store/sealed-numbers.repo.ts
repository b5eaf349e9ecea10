import type { Kysely } from 'kysely'
import { sql } from 'kysely'
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

export async function insertSealedMany(db: Db, rows: readonly SealedNumberRow[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('vault_sealed_numbers')
      .values([...rows])
      .execute()
}

/** A registration about to be batched: who, and the blind index of the number. */
export type RegistrationProbe = { tenantId: string; subjectId: string; blindIndex: Uint8Array }

/**
 * What a batch of registrations needs to know, in one query, one answer per probe in order: is a
 * number on file for the subject, is the same number on file for another subject of the tenant,
 * and did the subject ever have a data key (a re-registration after deletion needs a new version).
 * Arrays as parameters: the same statement text whatever the batch size.
 */
export async function registrationFacts(
  db: Db,
  probes: readonly RegistrationProbe[],
): Promise<{ onFile: boolean; onFileForAnother: boolean; hadKey: boolean }[]> {
  if (probes.length === 0) return []
  const { rows } = await sql<{ on_file: boolean; for_another: boolean; had_key: boolean }>`
    select
      exists (select 1 from vault_sealed_numbers n
        where n.tenant_id = t.tenant_id and n.subject_id = t.subject_id) as on_file,
      exists (select 1 from vault_sealed_numbers n
        where n.tenant_id = t.tenant_id and n.blind_index = decode(t.blind_index, 'base64')
          and n.subject_id <> t.subject_id) as for_another,
      exists (select 1 from vault_data_keys k
        where k.tenant_id = t.tenant_id and k.key_id = t.subject_id) as had_key
    from unnest(${probes.map((p) => p.tenantId)}::uuid[], ${probes.map((p) => p.subjectId)}::uuid[],
      ${probes.map((p) => Buffer.from(p.blindIndex).toString('base64'))}::text[])
      with ordinality as t(tenant_id, subject_id, blind_index, i)
    order by t.i`.execute(db)
  return rows.map((r) => ({ onFile: r.on_file, onFileForAnother: r.for_another, hadKey: r.had_key }))
}

/**
 * The blind indexes on file for several subjects (a batch of matches), each lookup scoped to its
 * own tenant; keyed by `subjectKey(tenantId, subjectId)`. Subjects with no number are absent.
 */
export async function findBlindIndexes(
  db: Db,
  subjects: readonly { tenantId: string; subjectId: string }[],
): Promise<Map<string, Uint8Array>> {
  if (subjects.length === 0) return new Map()
  const { rows } = await sql<{ tenant_id: string; subject_id: string; blind_index: Uint8Array }>`
    select n.tenant_id, n.subject_id, n.blind_index
    from unnest(${subjects.map((s) => s.tenantId)}::uuid[], ${subjects.map((s) => s.subjectId)}::uuid[])
      as t(tenant_id, subject_id)
    join vault_sealed_numbers n on n.tenant_id = t.tenant_id and n.subject_id = t.subject_id`.execute(db)
  return new Map(rows.map((r) => [subjectKey(r.tenant_id, r.subject_id), r.blind_index]))
}

/** Lower case, as PostgreSQL prints a uuid, whatever case the request used. */
export function subjectKey(tenantId: string, subjectId: string): string {
  return `${tenantId}/${subjectId}`.toLowerCase()
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
