/**
 * The per-client summary beside the log (audit_client_buckets): for each person of a client, what
 * was done to their data in a span of days, so that "which people and which data items of this
 * client were read or exported between these two times" reads a few rows a person instead of
 * every entry of the window (a month of a 10,000-person client can be close to a million entries).
 *
 * A bucket is a span of 4^level Japanese days (JST, UTC+9, no daylight saving), level 0 to 4: one
 * day up to 256 days, aligned on multiples of its span counted from the epoch's day. Any run of
 * whole days is a few buckets (at most three of a level on each side, six to nine for a month);
 * the parts of the window's first and last day that are not whole days are read from the entries.
 *
 * Derived data outside the signed tree: the summariser (client-buckets-store.ts) adds integrated
 * entries to it in log order, a little behind the sequencer; queries read the entries it has not
 * reached from the log itself; verifyLog recomputes it from the verified entries.
 */
import type { StoredEntry } from './stored-entry.ts'

/** What the summary keeps of an entry. */
export type SummarisedEntry = Pick<
  StoredEntry,
  'at' | 'tenantId' | 'actorId' | 'operation' | 'clientId' | 'subjectId' | 'fields'
>

export const DAY_MS = 86_400_000
/** Japan Standard Time: offices count days from midnight in Japan. */
export const JST_OFFSET_MS = 9 * 3_600_000
export const TOP_LEVEL = 4
/** Ids, operations and data item names never hold a comma (audit-event.ts patterns). */
export const LIST_SEPARATOR = ','

/** The JST day number (days since 1970-01-01 JST) of an instant in epoch milliseconds. */
export function dayOf(atMs: number): number {
  return Math.floor((atMs + JST_OFFSET_MS) / DAY_MS)
}

/** The instant a JST day begins. */
export function dayStartMs(day: number): number {
  return day * DAY_MS - JST_OFFSET_MS
}

export function spanDays(level: number): number {
  return 4 ** level
}

export type BucketId = { level: number; bucket: number }

/** The buckets that together cover the whole days [fromDay, toDay) exactly, each once. */
export function bucketsCovering(fromDay: number, toDay: number): BucketId[] {
  const buckets: BucketId[] = []
  let day = fromDay
  while (day < toDay) {
    let level = TOP_LEVEL
    while (level > 0 && (day % spanDays(level) !== 0 || day + spanDays(level) > toDay)) level--
    buckets.push({ level, bucket: Math.floor(day / spanDays(level)) })
    day += spanDays(level)
  }
  return buckets
}

export type WindowPlan = {
  buckets: BucketId[]
  /** Parts of a day at the window's ends, [from, to) in epoch ms, read from the entries. */
  partial: Array<{ from: number; to: number }>
}

/** How to read the window [fromMs, toMs): whole days from the summary, the rest from the entries. */
export function planWindow(fromMs: number, toMs: number): WindowPlan {
  if (!(toMs > fromMs)) return { buckets: [], partial: [] }
  let firstWhole = dayOf(fromMs)
  if (dayStartMs(firstWhole) < fromMs) firstWhole += 1
  const afterWhole = dayOf(toMs)
  if (firstWhole >= afterWhole) return { buckets: [], partial: [{ from: fromMs, to: toMs }] }
  const partial: WindowPlan['partial'] = []
  if (fromMs < dayStartMs(firstWhole)) partial.push({ from: fromMs, to: dayStartMs(firstWhole) })
  if (dayStartMs(afterWhole) < toMs) partial.push({ from: dayStartMs(afterWhole), to: toMs })
  return { buckets: bucketsCovering(firstWhole, afterWhole), partial }
}

export type BucketRow = {
  tenantId: string
  clientId: string
  level: number
  bucket: number
  subjectId: string
  operation: string
  entries: number
  firstMs: number
  lastMs: number
  /** Sorted, distinct. */
  actorIds: string[]
  /** Sorted, distinct; empty when no entry named a data item. */
  fields: string[]
}

type Accumulator = Omit<BucketRow, 'actorIds' | 'fields'> & { actorIds: Set<string>; fields: Set<string> }

/**
 * The summary rows, every level, of a batch of entries: what the summariser adds to the table.
 * Entries without a client or a person are not about a client's people and have none.
 */
export function bucketRowsOf(entries: Iterable<SummarisedEntry>): BucketRow[] {
  let level = new Map<string, Accumulator>()
  for (const entry of entries) {
    if (entry.clientId === null || entry.subjectId === null) continue
    const day = dayOf(entry.at)
    const key = `${entry.tenantId} ${entry.clientId} ${day} ${entry.subjectId} ${entry.operation}`
    let row = level.get(key)
    if (row === undefined) {
      row = {
        tenantId: entry.tenantId,
        clientId: entry.clientId,
        level: 0,
        bucket: day,
        subjectId: entry.subjectId,
        operation: entry.operation,
        entries: 0,
        firstMs: entry.at,
        lastMs: entry.at,
        actorIds: new Set(),
        fields: new Set(),
      }
      level.set(key, row)
    }
    row.entries += 1
    if (entry.at < row.firstMs) row.firstMs = entry.at
    if (entry.at > row.lastMs) row.lastMs = entry.at
    row.actorIds.add(entry.actorId)
    for (const field of entry.fields ?? []) row.fields.add(field)
  }
  const all: Accumulator[] = [...level.values()]
  for (let l = 1; l <= TOP_LEVEL; l++) {
    const next = new Map<string, Accumulator>()
    for (const row of level.values()) {
      const bucket = Math.floor(row.bucket / 4)
      const key = `${row.tenantId} ${row.clientId} ${bucket} ${row.subjectId} ${row.operation}`
      const up = next.get(key)
      if (up === undefined) {
        next.set(key, {
          ...row,
          level: l,
          bucket,
          actorIds: new Set(row.actorIds),
          fields: new Set(row.fields),
        })
        continue
      }
      up.entries += row.entries
      up.firstMs = Math.min(up.firstMs, row.firstMs)
      up.lastMs = Math.max(up.lastMs, row.lastMs)
      for (const actor of row.actorIds) up.actorIds.add(actor)
      for (const field of row.fields) up.fields.add(field)
    }
    all.push(...next.values())
    level = next
  }
  return all.map((row) => ({ ...row, actorIds: [...row.actorIds].sort(), fields: [...row.fields].sort() }))
}
