import type { Kysely, Transaction } from 'kysely'
import { sql } from 'kysely'
import { ServerError } from '../errors.ts'

export type TenantOptions = {
  /**
   * Prepared statements use their generic plan from the first call. For queries whose plan does
   * not depend on the values (the keyset page of a listing): PostgreSQL's own choice costs the
   * generic plan with default estimates, finds it dearer and plans every call afresh.
   */
  genericPlans?: boolean
}

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
  options: TenantOptions = {},
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
    // set_config('role', …, true) is SET LOCAL ROLE. The office id, a UUID checked above, is a
    // literal: a statement without parameters travels with the transaction's BEGIN in one message
    // on a PostgreSQL server (@mamori/db's server pool), so a tenant costs no round trip of its own.
    const office = sql.lit(officeId)
    await (options.genericPlans === true
      ? sql`select set_config('role', 'mamori_app', true), set_config('mamori.office_id', ${office}, true), set_config('plan_cache_mode', 'force_generic_plan', true)`
      : sql`select set_config('role', 'mamori_app', true), set_config('mamori.office_id', ${office}, true)`
    ).execute(trx)
    return work(trx)
  })
}
