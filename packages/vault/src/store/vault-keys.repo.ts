import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { VaultDatabase, VaultKeyTable } from './schema.ts'

/** The vault's own wrapped keys (blind index root, HPKE private key): the only SQL on vault_keys. */
type Db = Kysely<VaultDatabase>

export type VaultKeyPurpose = VaultKeyTable['purpose']

export type StoredKey = { keyId: string; wrapped: Uint8Array; publicKey: string | null; kekVersion: number }

export async function findKeys(db: Db, purpose: VaultKeyPurpose): Promise<StoredKey[]> {
  const rows = await db
    .selectFrom('vault_keys')
    .select(['key_id', 'wrapped', 'public_key', 'kek_version'])
    .where('purpose', '=', purpose)
    .orderBy('created_at')
    .execute()
  return rows.map((r) => ({
    keyId: r.key_id,
    wrapped: r.wrapped,
    publicKey: r.public_key,
    kekVersion: r.kek_version,
  }))
}

/** Inserts a key unless one of its purpose exists already (two vaults starting at once keep one). */
export async function insertFirstKey(db: Db, purpose: VaultKeyPurpose, key: StoredKey): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('mamori_vault_keys'))`.execute(trx)
    const existing = await trx
      .selectFrom('vault_keys')
      .select('key_id')
      .where('purpose', '=', purpose)
      .execute()
    if (existing.length > 0) return
    await trx
      .insertInto('vault_keys')
      .values({
        purpose,
        key_id: key.keyId,
        wrapped: key.wrapped,
        public_key: key.publicKey,
        kek_version: key.kekVersion,
      })
      .onConflict((oc) => oc.doNothing())
      .execute()
  })
}

export async function replaceKeyWrapping(
  db: Db,
  purpose: VaultKeyPurpose,
  keyId: string,
  old: Uint8Array,
  next: { wrapped: Uint8Array; kekVersion: number },
): Promise<boolean> {
  const result = await db
    .updateTable('vault_keys')
    .set({ wrapped: next.wrapped, kek_version: next.kekVersion })
    .where('purpose', '=', purpose)
    .where('key_id', '=', keyId)
    .where('wrapped', '=', old)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}
