import type { KeyObject } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import type { VaultErrorCode, VaultRecipientKeys } from '../crypto/index.ts'
import { blindIndexFromRoot, hpkeRecipients, VaultError } from '../crypto/index.ts'
import type { DeviceJob, DeviceJobResult } from './device-jobs.ts'
import { runDeviceJob } from './device-jobs.ts'

/**
 * A few worker threads for the CPU work of register and match (device-jobs.ts: the HPKE open, the
 * blind index, the envelope), so that the vault uses more than one core: the main thread keeps
 * HTTP, the database and the audit log. Each worker holds the vault's HPKE private keys and the
 * blind-index root as KeyObjects (handles to the same keys, never their bytes in JavaScript), in
 * this process only, like the main thread.
 *
 * Jobs that arrive in one turn of the event loop travel together, one message per worker, and come
 * back together: a message costs about as much as a job. With `size` 0 the jobs run inline.
 *
 * A worker that dies fails its jobs (INTERNAL, never a guess) and is replaced, unless it died
 * before answering anything.
 */
export type CryptoPool = {
  run(job: DeviceJob): Promise<DeviceJobResult>
  /** Stops the workers; jobs still running fail. */
  close(): Promise<void>
}

export type CryptoPoolKeys = { recipients: VaultRecipientKeys; blindIndexRoot: KeyObject }

export type WorkerRequest = { id: number; job: DeviceJob }
export type JobError = { code?: VaultErrorCode; message: string; field?: string }
export type WorkerReply = { id: number; result: DeviceJobResult } | { id: number; error: JobError }

const WORKER_URL = new URL('./crypto-worker.ts', import.meta.url)

type Pending = { resolve: (r: DeviceJobResult) => void; reject: (e: unknown) => void }
type Slot = { worker: Worker; pending: Map<number, Pending> }

export function createCryptoPool(keys: CryptoPoolKeys, size: number): CryptoPool {
  if (size === 0) return inlinePool(keys)
  const slots: Slot[] = []
  let outbox: (WorkerRequest & Pending)[] = []
  let nextId = 0
  let flushing = false
  let closed = false

  const spawn = (): void => {
    const slot: Slot = { worker: new Worker(WORKER_URL, { workerData: keys }), pending: new Map() }
    let answered = false
    slot.worker.unref()
    slot.worker.on('message', (replies: readonly WorkerReply[]) => {
      answered = true
      for (const reply of replies) {
        const pending = slot.pending.get(reply.id)
        if (pending === undefined) continue
        slot.pending.delete(reply.id)
        if ('result' in reply) pending.resolve(reply.result)
        else pending.reject(jobError(reply.error))
      }
      // An idle worker does not keep the process alive; one with jobs does, until they answer.
      if (slot.pending.size === 0) slot.worker.unref()
    })
    slot.worker.on('error', () => {})
    slot.worker.on('exit', () => {
      slots.splice(slots.indexOf(slot), 1)
      for (const pending of slot.pending.values())
        pending.reject(jobError({ message: 'a crypto worker exited' }))
      slot.pending.clear()
      // A worker that never answered would fail the same way again: it is not replaced.
      if (!closed && answered) spawn()
    })
    slots.push(slot)
  }
  for (let i = 0; i < size; i++) spawn()

  const flush = (): void => {
    flushing = false
    const requests = outbox
    outbox = []
    if (slots.length === 0) {
      for (const { reject } of requests) reject(jobError({ message: 'no crypto worker is running' }))
      return
    }
    // Evenly over the workers, the least busy first.
    const order = [...slots].sort((a, b) => a.pending.size - b.pending.size)
    const share = Math.ceil(requests.length / order.length)
    for (const [i, slot] of order.entries()) {
      const part = requests.slice(i * share, (i + 1) * share)
      if (part.length === 0) break
      for (const { id, resolve, reject } of part) slot.pending.set(id, { resolve, reject })
      slot.worker.ref()
      slot.worker.postMessage(part.map(({ id, job }) => ({ id, job })))
    }
  }

  return {
    run(job) {
      if (closed) return Promise.reject(jobError({ message: 'the crypto pool is closed' }))
      return new Promise<DeviceJobResult>((resolve, reject) => {
        outbox.push({ id: nextId++, job, resolve, reject })
        if (!flushing) {
          flushing = true
          setImmediate(flush)
        }
      })
    },
    async close() {
      closed = true
      await Promise.all(slots.map((slot) => slot.worker.terminate()))
    },
  }
}

function inlinePool(keys: CryptoPoolKeys): CryptoPool {
  const deviceKeys = {
    recipients: hpkeRecipients(keys.recipients),
    blindIndex: blindIndexFromRoot(keys.blindIndexRoot),
  }
  return {
    run: async (job) => runDeviceJob(deviceKeys, job),
    close: async () => deviceKeys.blindIndex.destroy(),
  }
}

/** What crosses back from a worker for a failed job: a VaultError's code, message and field only. */
export function describeJobError(error: unknown): JobError {
  if (error instanceof VaultError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.field === undefined ? {} : { field: error.field }),
    }
  }
  return { message: 'a crypto job failed' }
}

function jobError(error: JobError): Error {
  if (error.code === undefined) return new Error(error.message)
  return new VaultError({
    code: error.code,
    message: error.message,
    ...(error.field === undefined ? {} : { field: error.field }),
  })
}
