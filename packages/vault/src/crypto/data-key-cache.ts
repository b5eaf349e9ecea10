import type { KeyProvider } from '../keys/key-provider.ts'
import { needs } from '../needs.ts'
import { type DataKey, type DataKeyRef, unwrapDataKey, type WrappedDataKey } from './data-keys.ts'

/**
 * Unwrapped data keys, kept so that a seal or open does not call the key provider (an HSM round
 * trip) each time. Bounded twice: an entry lives at most `ttlMs` from when it was unwrapped,
 * however often it is used, and at most `maxEntries` live at once (least recently used goes
 * first). `destroy()` drops every entry and refuses further use; `evict` drops one key at once
 * (crypto-shredding a subject must not leave its key usable from memory).
 *
 * Concurrent misses for one key share a single unwrap.
 */
export type DataKeyCacheOptions = {
  provider: KeyProvider
  /** Longest life of an entry, from unwrap. Default 5 minutes. */
  ttlMs?: number
  /** Most entries at once. Default 10,000. */
  maxEntries?: number
  /** Injected clock (ms), for tests. Default Date.now. */
  now?: () => number
}

export type DataKeyCache = {
  /** The unwrapped key of `row`, from the cache while fresh, else unwrapped (KEY_UNWRAP_FAILED). */
  get(row: WrappedDataKey): Promise<DataKey>
  /** Adds a key just created (createDataKey), so its first use does not unwrap it again. */
  put(dataKey: DataKey): void
  /** Drops one key (every version when `version` is omitted). */
  evict(ref: Omit<DataKeyRef, 'version'> & { version?: number }): void
  readonly size: number
  /** Drops everything; later calls are refused (ARGUMENT_INVALID). */
  destroy(): void
}

export const DEFAULT_DATA_KEY_TTL_MS = 5 * 60 * 1000
export const DEFAULT_DATA_KEY_CACHE_ENTRIES = 10_000

type Entry = { dataKey: DataKey; expiresAt: number }

export function createDataKeyCache(options: DataKeyCacheOptions): DataKeyCache {
  const ttlMs = options.ttlMs ?? DEFAULT_DATA_KEY_TTL_MS
  const maxEntries = options.maxEntries ?? DEFAULT_DATA_KEY_CACHE_ENTRIES
  const now = options.now ?? Date.now
  needs(Number.isFinite(ttlMs) && ttlMs > 0, 'ttlMs must be a positive number', 'ttlMs')
  needs(Number.isInteger(maxEntries) && maxEntries > 0, 'maxEntries must be a positive integer', 'maxEntries')

  // A Map iterates in insertion order; re-inserting on each hit keeps the least recent first.
  const entries = new Map<string, Entry>()
  // An unwrap in flight when its key is evicted must not put the key back.
  const pending = new Map<string, { ref: DataKeyRef; unwrapping: Promise<DataKey>; evicted: boolean }>()
  let destroyed = false

  const insert = (dataKey: DataKey) => {
    const id = cacheId(dataKey)
    entries.delete(id)
    entries.set(id, { dataKey, expiresAt: now() + ttlMs })
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries) break
      entries.delete(oldest)
    }
  }

  return {
    async get(row: WrappedDataKey): Promise<DataKey> {
      needs(!destroyed, 'the data-key cache is destroyed')
      const id = cacheId(row)
      const entry = entries.get(id)
      if (entry !== undefined) {
        entries.delete(id)
        if (now() < entry.expiresAt) {
          entries.set(id, entry)
          return entry.dataKey
        }
      }
      const inFlight = pending.get(id)
      if (inFlight !== undefined) {
        return inFlight.unwrapping
      }
      const flight = { ref: row, unwrapping: unwrapDataKey(options.provider, row), evicted: false }
      pending.set(id, flight)
      try {
        const dataKey = await flight.unwrapping
        if (!destroyed && !flight.evicted) {
          insert(dataKey)
        }
        return dataKey
      } finally {
        pending.delete(id)
      }
    },
    put(dataKey: DataKey): void {
      needs(!destroyed, 'the data-key cache is destroyed')
      insert(dataKey)
    },
    evict(ref): void {
      const matches = (key: DataKeyRef) =>
        key.tenantId === ref.tenantId &&
        key.keyId === ref.keyId &&
        (ref.version === undefined || key.version === ref.version)
      for (const [id, entry] of entries) {
        if (matches(entry.dataKey)) {
          entries.delete(id)
        }
      }
      for (const flight of pending.values()) {
        if (matches(flight.ref)) {
          flight.evicted = true
        }
      }
    },
    get size() {
      return entries.size
    },
    destroy(): void {
      destroyed = true
      entries.clear()
      for (const flight of pending.values()) {
        flight.evicted = true
      }
    },
  }
}

function cacheId(ref: DataKeyRef): string {
  return JSON.stringify([ref.tenantId, ref.keyId, ref.version])
}
