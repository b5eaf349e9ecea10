import type { Bucket, BucketRule } from './token-bucket.ts'
import { canTake, fullBucket, refilled, take } from './token-bucket.ts'

/**
 * Blast-radius limits on the operations that touch numbers (merge, reveal, match): one bucket per
 * acting user and one per tenant, per operation, held in the vault process. A stolen server
 * session, or a compromised server, can then reach only a bounded number of numbers a minute
 * before the vault refuses and raises an alarm. A merge costs one token per subject.
 */
export type LimitedOperation = 'merge' | 'reveal' | 'match'

export type RateLimits = Readonly<Record<LimitedOperation, { actor: BucketRule; tenant: BucketRule }>>

export type RateDecision = { allowed: true } | { allowed: false; scope: 'ACTOR' | 'TENANT' }

export type RateLimiter = {
  /** Takes `cost` tokens from both buckets, or none when either lacks them. */
  tryTake(operation: LimitedOperation, actorId: string, tenantId: string, cost: number): RateDecision
}

/** Buckets full again for this long are forgotten, so the map stays as large as recent traffic. */
const IDLE_SWEEP_EVERY = 10_000

export function createRateLimiter(limits: RateLimits, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, Bucket>()
  let calls = 0

  function bucketOf(key: string, rule: BucketRule, nowMs: number): Bucket {
    let bucket = buckets.get(key)
    if (bucket === undefined) {
      bucket = fullBucket(rule, nowMs)
      buckets.set(key, bucket)
    }
    return bucket
  }

  function sweep(nowMs: number): void {
    for (const [key, bucket] of buckets) {
      const [operation, scope] = key.split(':') as [LimitedOperation, 'a' | 't']
      const rules = limits[operation]
      const rule = scope === 'a' ? rules.actor : rules.tenant
      if (refilled(bucket, rule, nowMs) >= rule.capacity) buckets.delete(key)
    }
  }

  return {
    tryTake(operation, actorId, tenantId, cost) {
      const nowMs = now()
      if (++calls % IDLE_SWEEP_EVERY === 0) sweep(nowMs)
      const rules = limits[operation]
      const actor = bucketOf(`${operation}:a:${tenantId}:${actorId}`, rules.actor, nowMs)
      const tenant = bucketOf(`${operation}:t:${tenantId}`, rules.tenant, nowMs)
      if (!canTake(actor, rules.actor, cost, nowMs)) return { allowed: false, scope: 'ACTOR' }
      if (!canTake(tenant, rules.tenant, cost, nowMs)) return { allowed: false, scope: 'TENANT' }
      take(actor, rules.actor, cost, nowMs)
      take(tenant, rules.tenant, cost, nowMs)
      return { allowed: true }
    },
  }
}

/**
 * Defaults for one office: a person filing by hand never meets them; a script pulling numbers
 * one by one does within a minute. Per minute: match 600 per user and 3,000 per office; reveal
 * 20 and 100; merge 5,000 numbers per user and 20,000 per office (a large 算定基礎届 run).
 */
export const DEFAULT_RATE_LIMITS: RateLimits = Object.freeze({
  match: { actor: perMinute(600), tenant: perMinute(3000) },
  reveal: { actor: perMinute(20), tenant: perMinute(100) },
  merge: { actor: perMinute(5000), tenant: perMinute(20_000) },
})

export function perMinute(count: number): BucketRule {
  return Object.freeze({ capacity: count, refillPerSecond: count / 60 })
}
