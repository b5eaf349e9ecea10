export type { DatabaseTarget } from './database-target.ts'
export {
  describeTarget,
  parsePostgresUrl,
  postgresTarget,
  redactUrl,
  withDatabaseName,
} from './database-target.ts'
export type { DbErrorCode } from './errors.ts'
export { DbError } from './errors.ts'
export type { Migratable, Migration, MigrationReport, MigrationSet, MigrationStatus } from './migrator.ts'
export { migrate, migrationStatus, readMigrationSet } from './migrator.ts'
export type { Database, OpenOptions, ScriptSession } from './open-database.ts'
export { openDatabase } from './open-database.ts'
