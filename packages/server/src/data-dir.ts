import { join } from 'node:path'

/**
 * Every piece of local state lives under one data directory (./data, or MAMORI_DATA_DIR), so that
 * one folder is what a backup takes and what git ignores. This is its layout, in one place.
 */
export type DataPaths = {
  root: string
  /** The server's PGlite cluster. */
  appDatabase: string
  /** Dev keys and secrets, generated on first start; mode 0700, files 0600. */
  keys: string
  logs: string
  /** The vault's own PGlite cluster (a separate process and blast radius). */
  vaultDatabase: string
  /** Append-only copies of audit checkpoints, outside the databases. */
  witness: string
}

export function dataPaths(root: string): DataPaths {
  return {
    root,
    appDatabase: join(root, 'app', 'pgdata'),
    keys: join(root, 'keys'),
    logs: join(root, 'logs'),
    vaultDatabase: join(root, 'vault', 'pgdata'),
    witness: join(root, 'witness'),
  }
}
