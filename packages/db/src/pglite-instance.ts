import { mkdir } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'

/**
 * Opens PGlite. A new on-disk cluster gets smaller WAL limits: PGlite keeps the server's 1 GB
 * default, and a laptop's data directory would fill with WAL. ALTER SYSTEM persists them in
 * postgresql.auto.conf (passing them as start parameters makes PGlite's single-user start fail).
 */
export async function openPGlite(dataDir: string | undefined, template?: Blob): Promise<PGlite> {
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true, mode: 0o700 })
  const options = {
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(template === undefined ? {} : { loadDataDir: template }),
  }
  const pglite = new PGlite(options)
  await pglite.waitReady
  if (dataDir !== undefined) {
    const { rows } = await pglite.query<{ max: string }>(`select current_setting('max_wal_size') as max`)
    if (rows[0]?.max !== WAL_LIMITS.max) {
      await pglite.query(`alter system set min_wal_size = '${WAL_LIMITS.min}'`)
      await pglite.query(`alter system set max_wal_size = '${WAL_LIMITS.max}'`)
      await pglite.query('select pg_reload_conf()')
    }
  }
  return pglite
}

const WAL_LIMITS = { min: '32MB', max: '64MB' } as const
