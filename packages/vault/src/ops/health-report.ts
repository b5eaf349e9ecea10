import type { Kysely } from 'kysely'
import type { THealthReportResponse } from '../contract/index.ts'
import type { KeyProvider } from '../crypto/index.ts'
import { countStale } from '../store/data-keys.repo.ts'
import { recentAlarms, unfinishedRotation } from '../store/operations.repo.ts'
import type { VaultDatabase } from '../store/schema.ts'

export type HealthReportDeps = { db: Kysely<VaultDatabase>; provider: KeyProvider; now: () => Date }

const ALARM_WINDOW_MS = 24 * 60 * 60_000

/**
 * For `mamori doctor`: the rate-limit alarms of the last 24 hours (who, which office, which
 * operation; counts, never numbers) and whether a key rotation is unfinished.
 */
export async function healthReport(deps: HealthReportDeps): Promise<THealthReportResponse> {
  const kekVersion = deps.provider.kekVersion()
  const [alarms, stale, rotation] = await Promise.all([
    recentAlarms(deps.db, new Date(deps.now().getTime() - ALARM_WINDOW_MS)),
    countStale(deps.db, kekVersion),
    unfinishedRotation(deps.db),
  ])
  return {
    alarms: alarms.map((a) => ({ ...a, lastRaisedAt: a.lastRaisedAt.toISOString() })),
    keys: {
      provider: deps.provider.describe().kind,
      kekVersion,
      keysUnderOlderKek: stale,
      rotationUnfinished: rotation !== undefined,
    },
  }
}
