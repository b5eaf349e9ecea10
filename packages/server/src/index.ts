export { buildApp } from './app.ts'
export type { LogLevel, ServerConfig } from './config.ts'
export { loadServerConfig } from './config.ts'
export type { DataPaths } from './data-dir.ts'
export { dataPaths } from './data-dir.ts'
export type { DataDirLock, LockHolder } from './data-dir-lock.ts'
export { dataDirLockHolder, lockDataDir } from './data-dir-lock.ts'
export type { ServerErrorCode } from './errors.ts'
export { ServerError } from './errors.ts'
export type { LocalSecret } from './keys/local-secret.ts'
export { ensureLocalSecret } from './keys/local-secret.ts'
export type { RunningServer } from './main.ts'
export {
  APP_DATABASE_MIGRATIONS,
  openAppDatabase,
  SERVER_MIGRATIONS,
  SERVER_VERSION,
  startServer,
} from './main.ts'
