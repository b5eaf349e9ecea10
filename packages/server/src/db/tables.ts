import type { ColumnType, Generated } from 'kysely'
import type { AuthTables } from '../auth/auth-tables.ts'
import type { PeopleTables } from './people-tables.ts'

/**
 * The back office's tables as Kysely sees them. Every tenant table carries `office_id`, and
 * row-level security (migrations) checks it against the transaction's office (withTenant).
 */
export type ServerTables = AuthTables & {
  mamori_instance: { id: Generated<string>; created_at: ColumnType<Date, never, never> }
  offices: OfficesTable
} & PeopleTables

export type OfficesTable = {
  id: Generated<string>
  name: string
  registration_number: string | null
  created_at: ColumnType<Date, never, never>
}
