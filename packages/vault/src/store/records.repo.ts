import type { Kysely } from 'kysely'
import type { DisposalTable, RefusalTable, VaultDatabase } from './schema.ts'

/** 提供を求めた経過 and 廃棄の記録: the only SQL on vault_refusals and vault_disposals. */
type Db = Kysely<VaultDatabase>

export async function insertRefusal(db: Db, row: RefusalTable): Promise<void> {
  await db.insertInto('vault_refusals').values(row).execute()
}

/** The latest refusal record of a subject, for status and for filings that must state it. */
export async function latestRefusal(db: Db, tenantId: string, subjectId: string) {
  return db
    .selectFrom('vault_refusals')
    .select(['requested_at', 'answer'])
    .where('tenant_id', '=', tenantId)
    .where('subject_id', '=', subjectId)
    .orderBy('recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function insertDisposals(db: Db, rows: readonly DisposalTable[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('vault_disposals')
      .values([...rows])
      .execute()
}
