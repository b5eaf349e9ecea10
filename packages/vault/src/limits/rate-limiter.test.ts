import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import type { RateLimits } from './rate-limiter.ts'
import { createRateLimiter, perMinute } from './rate-limiter.ts'

const limits: RateLimits = {
  match: { actor: perMinute(3), tenant: perMinute(5) },
  reveal: { actor: perMinute(1), tenant: perMinute(2) },
  merge: { actor: perMinute(10), tenant: perMinute(20) },
}

function clock() {
  let ms = 1_000_000
  return { now: () => ms, advance: (by: number) => (ms += by) }
}

describe('blast-radius rate limits', () => {
  it('one user is refused past their own limit, naming the ACTOR scope', () => {
    const time = clock()
    const limiter = createRateLimiter(limits, time.now)
    const [actor, tenant] = [randomUUID(), randomUUID()]
    for (let i = 0; i < 3; i++)
      assert.deepEqual(limiter.tryTake('match', actor, tenant, 1), { allowed: true })
    assert.deepEqual(limiter.tryTake('match', actor, tenant, 1), { allowed: false, scope: 'ACTOR' })
  })

  it('many users of one office together are refused past the office limit, naming the TENANT scope', () => {
    const limiter = createRateLimiter(limits, clock().now)
    const tenant = randomUUID()
    const results = Array.from({ length: 6 }, () => limiter.tryTake('match', randomUUID(), tenant, 1))
    assert.deepEqual(results.at(-1), { allowed: false, scope: 'TENANT' })
    assert.equal(results.filter((r) => r.allowed).length, 5)
  })

  it('buckets refill with time, and offices and operations do not share buckets', () => {
    const time = clock()
    const limiter = createRateLimiter(limits, time.now)
    const [actor, tenant] = [randomUUID(), randomUUID()]
    assert.equal(limiter.tryTake('reveal', actor, tenant, 1).allowed, true)
    assert.equal(limiter.tryTake('reveal', actor, tenant, 1).allowed, false)
    assert.equal(limiter.tryTake('match', actor, tenant, 1).allowed, true)
    assert.equal(limiter.tryTake('reveal', actor, randomUUID(), 1).allowed, true)
    time.advance(60_000)
    assert.equal(limiter.tryTake('reveal', actor, tenant, 1).allowed, true)
  })

  it('a merge costs one token per subject, and a refused take takes nothing', () => {
    const limiter = createRateLimiter(limits, clock().now)
    const [actor, tenant] = [randomUUID(), randomUUID()]
    assert.equal(limiter.tryTake('merge', actor, tenant, 11).allowed, false)
    assert.equal(limiter.tryTake('merge', actor, tenant, 10).allowed, true)
  })

  it('never allows more than capacity plus refill over any sequence of calls', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 4 }))),
        (steps) => {
          const time = clock()
          const limiter = createRateLimiter(limits, time.now)
          const [actor, tenant] = [randomUUID(), randomUUID()]
          let taken = 0
          let elapsedMs = 0
          for (const [wait, cost] of steps) {
            time.advance(wait)
            elapsedMs += wait
            if (limiter.tryTake('merge', actor, tenant, cost).allowed) taken += cost
          }
          return taken <= 10 + (elapsedMs / 1000) * (10 / 60) + 1e-9
        },
      ),
    )
  })
})
