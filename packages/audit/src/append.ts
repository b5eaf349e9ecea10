/**
 * `append` for writers without a transaction of their own (jobs, sign-in, the CLI). Group commit:
 * calls that arrive while a batch is being written wait and go together in the next one, one
 * transaction and one fsync for all of them, integrated at once (integrate.ts) so that each call
 * learns its entries' positions. A call returns only after the commit, or rejects: no entry, no
 * success.
 */
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import type { AuditEvent } from './audit-event.ts'
import { integrateQueued, type SequencerOptions } from './integrate.ts'
import { type QueuedEvent, queuedEvent } from './record.ts'

export type Appender = {
  /** The positions of `events` in the log, in order. */
  append(events: readonly AuditEvent[]): Promise<number[]>
}

/** Two parameters a row; PostgreSQL allows 65,535 per statement. */
const INSERT_CHUNK = 10_000

type Waiting = { events: QueuedEvent[]; resolve: (positions: number[]) => void; reject: (e: unknown) => void }

export function createAppender<DB>(db: Kysely<DB>, options: SequencerOptions): Appender {
  let waiting: Waiting[] = []
  let writing = false

  async function writeBatches(): Promise<void> {
    writing = true
    while (waiting.length > 0) {
      const batch = waiting
      waiting = []
      try {
        const { ids, result } = await db.transaction().execute(async (trx) => {
          const rows = batch.flatMap((w) => w.events)
          const ids: string[] = []
          for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
            const values = rows.slice(i, i + INSERT_CHUNK).map((e) => sql`(${e.tenantId}, ${e.bytes})`)
            const inserted = await sql<{ id: string }>`insert into audit_queue (tenant_id, event)
              values ${sql.join(values)} returning id::text`.execute(trx)
            ids.push(...inserted.rows.map((r) => r.id))
          }
          return { ids, result: await integrateQueued(trx, options, {}) }
        })
        for (const note of result.checkpoints) await options.witness.append(note)
        let next = 0
        for (const w of batch) {
          w.resolve(w.events.map(() => result.positions.get(ids[next++]!)!))
        }
      } catch (error) {
        for (const w of batch) w.reject(error)
      }
    }
    writing = false
  }

  return {
    async append(events) {
      // Validation rejects here, this caller alone, before it joins a batch.
      const queued = events.map(queuedEvent)
      if (queued.length === 0) return []
      const done = new Promise<number[]>((resolve, reject) => {
        waiting.push({ events: queued, resolve, reject })
      })
      if (!writing) void writeBatches()
      return done
    },
  }
}
