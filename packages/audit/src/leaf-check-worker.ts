/**
 * The worker of leaf-checker.ts: checks batches' rebuilt leaves against their stored hashes
 * (createPlainLeafCheck) and answers each with its id and the outcome.
 */
import { parentPort } from 'node:worker_threads'
import { createPlainLeafCheck, type StoredLeaves } from './batch-leaf-hashes.ts'

const check = createPlainLeafCheck()

parentPort!.on('message', ({ id, batch }: { id: number; batch: StoredLeaves }) => {
  parentPort!.postMessage({ id, matched: check(batch) })
})
