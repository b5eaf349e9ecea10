/**
 * Rebuilding and hashing every entry is most of verifyLog's work; a worker thread does it, so that
 * the main thread meanwhile reads the next batch and folds the tree of the previous one (and with
 * PGlite, which runs on the main thread, runs the queries). The worker only says whether a batch's
 * leaves all match; the tree is folded from the stored hashes it vouched for, on the main thread.
 */
import { Worker } from 'node:worker_threads'
import type { StoredLeaves } from './batch-leaf-hashes.ts'

export type LeafChecker = {
  /** createPlainLeafCheck's answer for the batch, computed in the worker. */
  check(batch: StoredLeaves): Promise<boolean>
  close(): Promise<void>
}

export function startLeafChecker(): LeafChecker {
  const worker = new Worker(new URL('./leaf-check-worker.ts', import.meta.url))
  const waiting = new Map<number, { resolve: (matched: boolean) => void; reject: (e: unknown) => void }>()
  let nextId = 0
  const failAll = (error: unknown) => {
    for (const { reject } of waiting.values()) reject(error)
    waiting.clear()
  }
  worker.on('message', ({ id, matched }: { id: number; matched: boolean }) => {
    waiting.get(id)?.resolve(matched)
    waiting.delete(id)
  })
  worker.on('error', failAll)
  worker.on('exit', () => failAll(new Error('the leaf check worker stopped')))
  return {
    check(batch) {
      const id = nextId++
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject })
        worker.postMessage({
          id,
          batch: {
            from: batch.from,
            count: batch.count,
            text: batch.text,
            present: batch.present,
            leafHashes: batch.leafHashes,
            leavesSized: batch.leavesSized,
          },
        })
      })
    },
    async close() {
      await worker.terminate()
    },
  }
}
