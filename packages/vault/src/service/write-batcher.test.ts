import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Outcome } from './write-batcher.ts'
import { createWriteBatcher } from './write-batcher.ts'

/** A batcher whose batches stay open until released, recording what each held. */
function recordingBatcher(options: { maxItems?: number; concurrency?: number; keyed?: boolean } = {}) {
  const batches: string[][] = []
  const releases: (() => void)[] = []
  const batcher = createWriteBatcher<string, string>({
    maxItems: options.maxItems ?? 100,
    concurrency: options.concurrency ?? 1,
    ...(options.keyed === true ? { keysOf: (item: string) => [item.split(':')[0] as string] } : {}),
    run: async (items) => {
      batches.push([...items])
      await new Promise<void>((resolve) => releases.push(resolve))
      return items.map(
        (item): Outcome<string> =>
          item.endsWith('!')
            ? { ok: false, error: new Error(item) }
            : { ok: true, value: item.toUpperCase() },
      )
    },
  })
  /** Releases every batch now running, then lets the next ones start. */
  const release = async () => {
    for (const r of releases.splice(0)) r()
    await new Promise((resolve) => setImmediate(resolve))
    await new Promise((resolve) => setImmediate(resolve))
  }
  const started = () => new Promise((resolve) => setImmediate(resolve))
  return { batcher, batches, release, started }
}

test('requests submitted together run as one batch, each getting its own result', async () => {
  const { batcher, batches, release, started } = recordingBatcher()
  const results = ['a', 'b', 'c'].map((item) => batcher.submit(item))
  await started()
  await release()
  assert.deepEqual(await Promise.all(results), ['A', 'B', 'C'])
  assert.deepEqual(batches, [['a', 'b', 'c']])
})

test('a request that fails in its batch does not fail its batch-mates', async () => {
  const { batcher, release, started } = recordingBatcher()
  const settling = Promise.allSettled(['a', 'b!', 'c'].map((item) => batcher.submit(item)))
  await started()
  await release()
  const settled = await settling
  assert.deepEqual(
    settled.map((s) => s.status),
    ['fulfilled', 'rejected', 'fulfilled'],
  )
})

test('a batch that throws fails every request in it with that error, and only those', async () => {
  const failure = new Error('commit failed')
  let calls = 0
  const batcher = createWriteBatcher<string, string>({
    maxItems: 10,
    concurrency: 1,
    run: async (items) => {
      calls++
      if (calls === 1) throw failure
      return items.map((item) => ({ ok: true, value: item }))
    },
  })
  const first = ['a', 'b'].map((item) => batcher.submit(item))
  const settled = await Promise.allSettled(first)
  assert.ok(settled.every((s) => s.status === 'rejected' && s.reason === failure))
  assert.equal(await batcher.submit('c'), 'c')
})

test('requests arriving while the batches run wait, and go together in the next batch', async () => {
  const { batcher, batches, release, started } = recordingBatcher({ concurrency: 1 })
  const first = batcher.submit('a')
  await started()
  const later = ['b', 'c', 'd'].map((item) => batcher.submit(item))
  await started()
  assert.deepEqual(batches, [['a']])
  await release()
  await release()
  assert.deepEqual(await Promise.all([first, ...later]), ['A', 'B', 'C', 'D'])
  assert.deepEqual(batches, [['a'], ['b', 'c', 'd']])
})

test('no batch holds more than maxItems; several batches run at once up to the concurrency', async () => {
  const { batcher, batches, release, started } = recordingBatcher({ maxItems: 2, concurrency: 2 })
  const results = ['a', 'b', 'c', 'd', 'e'].map((item) => batcher.submit(item))
  await started()
  await started()
  assert.deepEqual(batches, [
    ['a', 'b'],
    ['c', 'd'],
  ])
  assert.equal(batcher.pending, 5)
  await release()
  await release()
  assert.deepEqual(await Promise.all(results), ['A', 'B', 'C', 'D', 'E'])
  assert.deepEqual(batches.at(-1), ['e'])
  assert.equal(batcher.pending, 0)
})

test('two requests with a key in common never share a batch nor run at once: the later one waits', async () => {
  const { batcher, batches, release, started } = recordingBatcher({ concurrency: 2, keyed: true })
  const results = ['s1:a', 's2:b', 's1:c'].map((item) => batcher.submit(item))
  await started()
  await started()
  assert.deepEqual(batches, [['s1:a', 's2:b']], 's1:c waits although a second batch could run')
  await release()
  await release()
  assert.deepEqual(await Promise.all(results), ['S1:A', 'S2:B', 'S1:C'])
  assert.deepEqual(batches, [['s1:a', 's2:b'], ['s1:c']])
})
