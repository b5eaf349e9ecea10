/**
 * A token bucket: `capacity` tokens at most, refilled at `refillPerSecond`. Pure: the caller
 * passes the time, so tests need no clock and no waiting.
 */
export type BucketRule = { readonly capacity: number; readonly refillPerSecond: number }

export type Bucket = { tokens: number; updatedAtMs: number }

export function fullBucket(rule: BucketRule, nowMs: number): Bucket {
  return { tokens: rule.capacity, updatedAtMs: nowMs }
}

/** Tokens after refilling up to `nowMs`; a clock that went backwards refills nothing. */
export function refilled(bucket: Bucket, rule: BucketRule, nowMs: number): number {
  const elapsedS = Math.max(0, nowMs - bucket.updatedAtMs) / 1000
  return Math.min(rule.capacity, bucket.tokens + elapsedS * rule.refillPerSecond)
}

/** Whether `cost` tokens are there now; takes nothing (several buckets must all agree first). */
export function canTake(bucket: Bucket, rule: BucketRule, cost: number, nowMs: number): boolean {
  return refilled(bucket, rule, nowMs) >= cost
}

export function take(bucket: Bucket, rule: BucketRule, cost: number, nowMs: number): void {
  bucket.tokens = refilled(bucket, rule, nowMs) - cost
  bucket.updatedAtMs = nowMs
}
