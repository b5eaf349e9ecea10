import type { Kysely, Transaction } from 'kysely'
import { sql } from 'kysely'
import { ServerError } from '../errors.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * Runs `work` in one transaction as the app role for one office. Row-level security then hides
 * and refuses every other office's rows, whatever the queries inside forget to filter: the app's
 * own `where office_id = …` is the first wall, this is the second. Both settings are LOCAL, so
 * they end with the transaction and never leak to the next user of a pooled connection.
 */
export async function withTenant<DB, T>(
  db: Kysely<DB>,
  officeId: string,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  if (!UUID.test(officeId)) {
    throw new ServerError({
      code: 'TENANT_INVALID',
      message: 'office id is not a UUID',
      messageJa: '事務所の指定が不正です。サインインし直してください。',
      field: 'officeId',
    })
  }
  return db.transaction().execute(async (trx) => {
    // One round trip for both: set_config('role', …, true) is SET LOCAL ROLE.
    await sql`select set_config('role', 'mamori_app', true), set_config('mamori.office_id', ${officeId}, true)`.execute(
      trx,
    )
    return work(trx)
  })
}
