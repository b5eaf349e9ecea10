/**
 * A worker of subtree-workers.ts: checks and folds batches (createBatchSubtreeCheck) and answers
 * each with its id and the subtree, or undefined when the batch is to be read row by row.
 */
import { parentPort } from 'node:worker_threads'
import { type BatchJob, createBatchSubtreeCheck } from './batch-subtree.ts'

const check = createBatchSubtreeCheck()

parentPort!.on('message', ({ id, job }: { id: number; job: BatchJob }) => {
  parentPort!.postMessage({ id, subtree: check(job) })
})
