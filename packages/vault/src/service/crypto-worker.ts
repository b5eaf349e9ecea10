import { parentPort, workerData } from 'node:worker_threads'
import { blindIndexFromRoot, hpkeRecipients } from '../crypto/index.ts'
import type { CryptoPoolKeys, WorkerReply, WorkerRequest } from './crypto-pool.ts'
import { describeJobError } from './crypto-pool.ts'
import { runDeviceJob } from './device-jobs.ts'

/** One crypto worker of crypto-pool.ts: the keys arrive as KeyObjects in workerData, jobs in batches. */
const port = parentPort
if (port === null) throw new Error('crypto-worker.ts runs only as a worker thread')
const given = workerData as CryptoPoolKeys
const keys = {
  recipients: hpkeRecipients(given.recipients),
  blindIndex: blindIndexFromRoot(given.blindIndexRoot),
}

port.on('message', (requests: readonly WorkerRequest[]) => {
  const replies: WorkerReply[] = []
  for (const { id, job } of requests) {
    try {
      replies.push({ id, result: runDeviceJob(keys, job) })
    } catch (error) {
      replies.push({ id, error: describeJobError(error) })
    }
  }
  port.postMessage(replies)
})
