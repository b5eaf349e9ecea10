/**
 * The log's tables, for the host's migrator, beside its own set:
 * `migrate(database, [HOST_MIGRATIONS, AUDIT_MIGRATIONS])`. The shape is @mamori/db's MigrationSet,
 * spelt out here because audit imports nothing of ours but rules.
 */
import { fileURLToPath } from 'node:url'

export const AUDIT_MIGRATIONS: { readonly namespace: string; readonly directory: string } = Object.freeze({
  namespace: 'audit',
  directory: fileURLToPath(new URL('../migrations', import.meta.url)),
})

/** The name the vault and the server's people module imported first; the same set. */
export const auditMigrations = AUDIT_MIGRATIONS
