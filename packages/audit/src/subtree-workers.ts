/**
 * Rebuilding, hashing and folding every entry is most of verifyLog's work; worker threads do it,
 * a batch each at a time (batch-subtree.ts), while the main thread reads the next batches and
 * folds a few hashes a batch into the log's tree (and with PGlite, which runs on the main thread,
 * runs the queries). A batch's text is handed to its worker, not copied.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { BatchJob, BatchSubtree } from './batch-subtree.ts'

export type SubtreeChecker = {
  /** createBatchSubtreeCheck's answer for the job; the job's text is handed over (detached). */
  check(job: BatchJob): Promise<BatchSubtree | undefined>
  /** How many batches it works on at once. */
  readonly parallelism: number
  close(): Promise<void>
}

type Waiting = { resolve: (subtree: BatchSubtree | undefined) => void; reject: (e: unknown) => void }

/**
 * One worker a core but one, at least one and at most `max`: the main thread and the database
 * keep a core busy between them (a worker costs about 0.2 s of CPU to start).
 */
export function startSubtreeWorkers(max: number): SubtreeChecker {
  const count = Math.max(1, Math.min(max, availableParallelism() - 1))
  const waiting = new Map<number, Waiting>()
  const busy: number[] = new Array(count).fill(0)
  let nextId = 0
  const failAll = (error: unknown) => {
    for (const { reject } of waiting.values()) reject(error)
    waiting.clear()
  }
  const workers = busy.map((_, w) => {
    const worker = new Worker(new URL('./subtree-worker.ts', import.meta.url))
    worker.on('message', ({ id, subtree }: { id: number; subtree: BatchSubtree | undefined }) => {
      busy[w]! -= 1
      waiting.get(id)?.resolve(subtree)
      waiting.delete(id)
    })
    worker.on('error', failAll)
    worker.on('exit', () => failAll(new Error('a subtree worker stopped')))
    return worker
  })
  return {
    parallelism: count,
    check(job) {
      const id = nextId++
      const w = busy.indexOf(Math.min(...busy))
      busy[w]! += 1
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject })
        workers[w]!.postMessage({ id, job }, [job.text.buffer])
      })
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()))
    },
  }
}
