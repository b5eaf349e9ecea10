import type { Kysely } from 'kysely'
import type { VaultDatabase } from './schema.ts'

/**
 * Wrapped data keys: the only SQL on vault_data_keys. A destroyed key keeps its row (version
 * numbers never repeat, and the disposal can be shown) with `wrapped` set to null.
 */
type Db = Kysely<VaultDatabase>

export type WrappedDataKey = { wrapped: Uint8Array; kekVersion: number }

export async function findWrapped(
  db: Db,
  tenantId: string,
  keyId: string,
  version: number,
): Promise<WrappedDataKey | undefined> {
  const row = await db
    .selectFrom('vault_data_keys')
    .select(['wrapped', 'kek_version'])
    .where('tenant_id', '=', tenantId)
    .where('key_id', '=', keyId)
    .where('version', '=', version)
    .where('wrapped', 'is not', null)
    .executeTakeFirst()
  return row?.wrapped == null ? undefined : { wrapped: row.wrapped, kekVersion: row.kek_version }
}

/** The next version for a key id: 1, or one past every version ever made (destroyed ones too). */
export async function nextVersion(db: Db, tenantId: string, keyId: string): Promise<number> {
  const row = await db
    .selectFrom('vault_data_keys')
    .select((eb) => eb.fn.max('version').as('latest'))
    .where('tenant_id', '=', tenantId)
    .where('key_id', '=', keyId)
    .executeTakeFirst()
  return (row?.latest ?? 0) + 1
}

export async function insertWrapped(
  db: Db,
  key: { tenantId: string; keyId: string; clientId: string; version: number } & WrappedDataKey,
): Promise<void> {
  await db
    .insertInto('vault_data_keys')
    .values({
      tenant_id: key.tenantId,
      key_id: key.keyId,
      client_id: key.clientId,
      version: key.version,
      wrapped: key.wrapped,
      kek_version: key.kekVersion,
      destroyed_at: null,
    })
    .execute()
}

/** Crypto-shred: every live version of one key id loses its wrapped bytes. */
export async function destroyKey(db: Db, tenantId: string, keyId: string, at: Date): Promise<number> {
  const result = await db
    .updateTable('vault_data_keys')
    .set({ wrapped: null, destroyed_at: at })
    .where('tenant_id', '=', tenantId)
    .where('key_id', '=', keyId)
    .where('wrapped', 'is not', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export type StaleKey = { tenantId: string; keyId: string; version: number } & WrappedDataKey

/**
 * Rotation: the next live keys still wrapped under a KEK older than `kekVersion`, in key order
 * after `after` (a cursor, so a resumed rotation does not rescan what it already did).
 */
export async function staleKeys(
  db: Db,
  kekVersion: number,
  limit: number,
  after?: { tenantId: string; keyId: string; version: number },
): Promise<StaleKey[]> {
  let query = db
    .selectFrom('vault_data_keys')
    .select(['tenant_id', 'key_id', 'version', 'wrapped', 'kek_version'])
    .where('kek_version', '<', kekVersion)
    .where('wrapped', 'is not', null)
  if (after !== undefined) {
    query = query.where((eb) =>
      eb(
        eb.refTuple('tenant_id', 'key_id', 'version'),
        '>',
        eb.tuple(after.tenantId, after.keyId, after.version),
      ),
    )
  }
  const rows = await query.orderBy('tenant_id').orderBy('key_id').orderBy('version').limit(limit).execute()
  return rows.flatMap((r) =>
    r.wrapped === null
      ? []
      : [
          {
            tenantId: r.tenant_id,
            keyId: r.key_id,
            version: r.version,
            wrapped: r.wrapped,
            kekVersion: r.kek_version,
          },
        ],
  )
}

/**
 * Replaces a wrapping only if the row still holds the bytes that were rewrapped: a key destroyed
 * meanwhile stays destroyed, and two rotators never overwrite each other's work.
 */
export async function replaceWrapped(db: Db, key: StaleKey, next: WrappedDataKey): Promise<boolean> {
  const result = await db
    .updateTable('vault_data_keys')
    .set({ wrapped: next.wrapped, kek_version: next.kekVersion })
    .where('tenant_id', '=', key.tenantId)
    .where('key_id', '=', key.keyId)
    .where('version', '=', key.version)
    .where('wrapped', '=', key.wrapped)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

export async function countStale(db: Db, kekVersion: number): Promise<number> {
  const row = await db
    .selectFrom('vault_data_keys')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('kek_version', '<', kekVersion)
    .where('wrapped', 'is not', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function liveKeyIdsOfClient(db: Db, tenantId: string, clientId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('vault_data_keys')
    .select('key_id')
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('client_id', '=', clientId)
    .where('wrapped', 'is not', null)
    .orderBy('key_id')
    .execute()
  return rows.map((r) => r.key_id)
}
