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

/** A first registration of a batch: its sealed row (key version 1) and its wrapped data key. */
export type FirstRegistration = { row: SealedNumberRow; wrapped: Uint8Array; kekVersion: number }

/** What was on file before a batch, per registration: why it was not inserted, if it was not. */
export type RegistrationFacts = { onFile: boolean; onFileForAnother: boolean; hadKey: boolean }

/**
 * A batch of first registrations in one statement, one answer per registration in order: is a
 * number on file for the subject, is the same number on file for another subject of the tenant,
 * did the subject ever have a data key (a re-registration after deletion needs a new version).
 * Those with none of the three are inserted, data key (version 1) and sealed number, by the same
 * statement; the others are not. Precondition: no two registrations share a subject or a number
 * (the write batcher's keys), so what was on file before the statement decides each alone.
 * Arrays as parameters: the same statement text whatever the batch size. A registration that
 * another process committed meanwhile fails the statement with a unique violation. Runs inside
 * the batch's transaction (`trx`).
 *
 * Planned for each batch: a prepared statement's generic plan, made while the tables were small,
 * scans them whole, and is kept as they grow (a batch of 16 went from 15 to 100 ms within 5,000
 * rows). The lookups by primary key are lateral joins with a limit, as EXISTS may become one
 * hashed scan of the whole table per statement.
 */
export async function insertFirstRegistrations(
  trx: Db,
  registrations: readonly FirstRegistration[],
): Promise<RegistrationFacts[]> {
  if (registrations.length === 0) return []
  await sql`set local plan_cache_mode = force_custom_plan`.execute(trx)
  const rows = registrations.map((r) => r.row)
  const base64 = (bytes: Uint8Array) =>
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
  const { rows: facts } = await sql<{ on_file: boolean; for_another: boolean; had_key: boolean }>`
    with t as (
      select * from unnest(
        ${rows.map((r) => r.tenant_id)}::uuid[], ${rows.map((r) => r.subject_id)}::uuid[],
        ${rows.map((r) => r.client_id)}::uuid[], ${rows.map((r) => base64(r.blind_index))}::text[],
        ${rows.map((r) => base64(r.envelope))}::text[], ${registrations.map((r) => base64(r.wrapped))}::text[],
        ${registrations.map((r) => r.kekVersion)}::int[], ${rows.map((r) => r.registered_by)}::uuid[],
        ${rows.map((r) => r.registered_at.toISOString())}::timestamptz[], ${rows.map((r) => r.request_id)}::uuid[],
        ${rows.map((r) => r.number_check)}::text[], ${rows.map((r) => r.identity_check)}::text[],
        ${rows.map((r) => r.checked_by)}::uuid[], ${rows.map((r) => r.checked_at.toISOString())}::timestamptz[]
      ) with ordinality as t(tenant_id, subject_id, client_id, blind_index, envelope, wrapped, kek_version,
        registered_by, registered_at, request_id, number_check, identity_check, checked_by, checked_at, i)
    ),
    facts as (
      select t.*, on_file.found is not null as on_file, had_key.found is not null as had_key,
        exists (select 1 from vault_sealed_numbers n
          where n.tenant_id = t.tenant_id and n.blind_index = decode(t.blind_index, 'base64')
            and n.subject_id <> t.subject_id) as for_another
      from t
      left join lateral (select true as found from vault_sealed_numbers n
        where n.tenant_id = t.tenant_id and n.subject_id = t.subject_id limit 1) on_file on true
      left join lateral (select true as found from vault_data_keys k
        where k.tenant_id = t.tenant_id and k.key_id = t.subject_id limit 1) had_key on true
    ),
    accepted as (select * from facts where not (on_file or for_another or had_key)),
    data_keys as (
      insert into vault_data_keys (tenant_id, key_id, client_id, version, wrapped, kek_version, destroyed_at)
      select tenant_id, subject_id, client_id, 1, decode(wrapped, 'base64'), kek_version, null from accepted
    ),
    sealed as (
      insert into vault_sealed_numbers (tenant_id, subject_id, client_id, envelope, key_version, blind_index,
        registered_by, registered_at, request_id, approved_by, number_check, identity_check, checked_by, checked_at)
      select tenant_id, subject_id, client_id, decode(envelope, 'base64'), 1, decode(blind_index, 'base64'),
        registered_by, registered_at, request_id, null, number_check, identity_check, checked_by, checked_at
      from accepted
    )
    select on_file, for_another, had_key from facts order by i`.execute(trx)
  return facts.map((f) => ({ onFile: f.on_file, onFileForAnother: f.for_another, hadKey: f.had_key }))
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
