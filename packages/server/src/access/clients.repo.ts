import type { Kysely } from 'kysely'
import type { ServerTables } from '../db/tables.ts'

/** Whether the client (事業所) belongs to the office: the access check's one query. */
export async function clientBelongsToOffice(
  db: Kysely<ServerTables>,
  officeId: string,
  clientId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('clients')
    .select('id')
    .where('office_id', '=', officeId)
    .where('id', '=', clientId)
    .executeTakeFirst()
  return row !== undefined
}
