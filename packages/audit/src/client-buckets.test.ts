import assert from 'node:assert/strict'
import { test } from 'node:test'
import fc from 'fast-check'
import {
  bucketRowsOf,
  bucketsCovering,
  DAY_MS,
  dayOf,
  dayStartMs,
  planWindow,
  spanDays,
  TOP_LEVEL,
} from './client-buckets.ts'
import { storedEntryOf } from './stored-entry.ts'
import { syntheticEvent } from './test-fixtures.ts'

/** Each day of [from, to) once, as the buckets list them. */
function daysOf(buckets: ReturnType<typeof bucketsCovering>): number[] {
  return buckets.flatMap(({ level, bucket }) =>
    Array.from({ length: spanDays(level) }, (_, i) => bucket * spanDays(level) + i),
  )
}

test('a JST day begins at 15:00 UTC of the day before', () => {
  const jstMidnight = Date.UTC(2026, 3, 30, 15)
  assert.equal(dayOf(jstMidnight), dayOf(jstMidnight - 1) + 1)
  assert.equal(dayStartMs(dayOf(jstMidnight)), jstMidnight)
  assert.equal(dayOf(jstMidnight + DAY_MS - 1), dayOf(jstMidnight))
  assert.equal(
    new Date(dayStartMs(dayOf(jstMidnight)) + 9 * 3_600_000).toISOString().slice(0, 10),
    '2026-05-01',
  )
})

test('the buckets of a run of days cover each day once, each aligned to its span, at most three a level a side', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 1_500 }), (from, length) => {
      const buckets = bucketsCovering(from, from + length)
      assert.deepEqual(
        daysOf(buckets),
        Array.from({ length }, (_, i) => from + i),
      )
      for (let level = 0; level < TOP_LEVEL; level++) {
        assert.ok(buckets.filter((b) => b.level === level).length <= 6)
      }
    }),
  )
  assert.deepEqual(bucketsCovering(256, 256 + 256 + 5), [
    { level: 4, bucket: 1 },
    { level: 1, bucket: 128 },
    { level: 0, bucket: 516 },
  ])
})

test('a window is whole days from the buckets and the parts of a day at its ends, nothing twice', () => {
  const start = Date.UTC(2025, 0, 1)
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 400 * DAY_MS }),
      fc.integer({ min: 0, max: 90 * DAY_MS }),
      (offset, length) => {
        const from = start + offset
        const to = from + length
        const plan = planWindow(from, to)
        const pieces = [
          ...plan.partial,
          ...daysOf(plan.buckets).map((day) => ({ from: dayStartMs(day), to: dayStartMs(day + 1) })),
        ].sort((a, b) => a.from - b.from)
        if (length === 0) return assert.deepEqual(pieces, [])
        assert.equal(pieces[0]!.from, from)
        assert.equal(pieces.at(-1)!.to, to)
        for (let i = 1; i < pieces.length; i++) assert.equal(pieces[i]!.from, pieces[i - 1]!.to)
        // At most the parts of two days are read from the entries: less than a day at each end.
        const partial = plan.partial.reduce((sum, part) => sum + part.to - part.from, 0)
        assert.ok(partial < 2 * DAY_MS)
        if (plan.buckets.length > 0) for (const part of plan.partial) assert.ok(part.to - part.from < DAY_MS)
      },
    ),
  )
  const midnight = dayStartMs(dayOf(start) + 1)
  assert.deepEqual(planWindow(midnight, midnight + 4 * DAY_MS).partial, [])
})

test('the rows of a batch: per day, person and operation, and every level above', () => {
  const at = dayStartMs(20_480) // a multiple of 256: one bucket at each level
  const entries = [
    syntheticEvent(0, { at, subjectId: 'p1', actorId: 'u2', fields: ['address'] }),
    syntheticEvent(1, { at: at + 1000, subjectId: 'p1', actorId: 'u1', fields: ['birthDate', 'address'] }),
    syntheticEvent(2, { at: at + DAY_MS, subjectId: 'p1', actorId: 'u1', fields: [] }),
    syntheticEvent(3, { at, subjectId: 'p1', operation: 'export' }),
    syntheticEvent(4, { at, subjectId: undefined }),
  ].map((event, i) => storedEntryOf({ ...event, clientId: 'client_0' }, i))
  const rows = bucketRowsOf(entries)
  const read = rows.filter((r) => r.operation === 'read')
  assert.deepEqual(
    read.map((r) => [r.level, r.bucket, r.entries, r.firstMs - at, r.lastMs - at, r.actorIds, r.fields]),
    [
      [0, 20_480, 2, 0, 1000, ['u1', 'u2'], ['address', 'birthDate']],
      [0, 20_481, 1, DAY_MS, DAY_MS, ['u1'], []],
      [1, 5_120, 3, 0, DAY_MS, ['u1', 'u2'], ['address', 'birthDate']],
      [2, 1_280, 3, 0, DAY_MS, ['u1', 'u2'], ['address', 'birthDate']],
      [3, 320, 3, 0, DAY_MS, ['u1', 'u2'], ['address', 'birthDate']],
      [4, 80, 3, 0, DAY_MS, ['u1', 'u2'], ['address', 'birthDate']],
    ],
  )
  assert.equal(rows.filter((r) => r.operation === 'export').length, 5)
  assert.ok(rows.every((r) => r.subjectId === 'p1' && r.clientId === 'client_0'))
})
