import { readFile } from 'node:fs/promises'
import pg from 'pg'

/**
 * CPU time (ms) the PostgreSQL backends serving `databaseName` have used so far, read from /proc:
 * only when the server runs on this machine (otherwise undefined). Backends that exit between two
 * readings drop out, so read it around work done on long-lived pooled connections.
 */
export async function backendCpuMs(adminUrl: string, databaseName: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1',
      [databaseName],
    )
    let ticks = 0
    for (const { pid } of rows) {
      const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ')
      ticks += Number(fields[11]) + Number(fields[12])
    }
    return ticks * 10
  } catch {
    return undefined
  } finally {
    await client.end()
  }
}
