/**
 * Group commit for requests: requests that arrive together are handed to `run` as one batch, so
 * that their database work and their audit entries share one transaction and one commit (one
 * fsync) instead of one each. Each request still gets its own outcome.
 *
 * A batch starts as soon as a slot is free, after the current turn of the event loop (every
 * request whose bytes arrived in that turn joins it); while `concurrency` batches are running,
 * new requests wait and go together in the next one, up to `maxItems`. So an idle vault answers
 * without delay, and a busy one commits more per batch.
 *
 * Two requests that name the same key (`keysOf`: a subject, a blind index) never run in two
 * batches at once, nor twice in one batch: the later one waits for the next batch, which sees
 * the first one committed, exactly as if they had come one after the other.
 */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown }

export type WriteBatcherOptions<I, R> = {
  /** Runs one batch; one outcome per item, in order. A throw fails every item with that error. */
  run(items: readonly I[]): Promise<readonly Outcome<R>[]>
  /** Most items in one batch. */
  maxItems: number
  /** Most batches running at once (each holds one database connection while it runs). */
  concurrency: number
  /** Keys two batch-mates or two running batches must not share. */
  keysOf?: (item: I) => readonly string[]
}

export type WriteBatcher<I, R> = {
  /** Resolves or rejects once the batch holding `item` has committed or failed. */
  submit(item: I): Promise<R>
  /** Requests waiting and batches running, for tests and shutdown. */
  readonly pending: number
}

type Waiting<I, R> = {
  item: I
  keys: readonly string[]
  resolve: (r: R) => void
  reject: (e: unknown) => void
}

export function createWriteBatcher<I, R>(options: WriteBatcherOptions<I, R>): WriteBatcher<I, R> {
  const { maxItems, concurrency } = options
  const keysOf = options.keysOf ?? (() => [])
  let queue: Waiting<I, R>[] = []
  let running = 0
  let runningItems = 0
  let scheduled = false
  const busyKeys = new Set<string>()

  const schedule = () => {
    if (scheduled || running >= concurrency || queue.length === 0) return
    scheduled = true
    setImmediate(startBatch)
  }

  function startBatch(): void {
    scheduled = false
    if (running >= concurrency || queue.length === 0) return
    const batch: Waiting<I, R>[] = []
    const later: Waiting<I, R>[] = []
    for (const waiting of queue) {
      if (batch.length >= maxItems || waiting.keys.some((k) => busyKeys.has(k))) later.push(waiting)
      else {
        for (const k of waiting.keys) busyKeys.add(k)
        batch.push(waiting)
      }
    }
    queue = later
    if (batch.length === 0) return
    running++
    runningItems += batch.length
    void runBatch(batch).finally(() => {
      running--
      runningItems -= batch.length
      for (const waiting of batch) for (const k of waiting.keys) busyKeys.delete(k)
      schedule()
    })
    schedule()
  }

  async function runBatch(batch: readonly Waiting<I, R>[]): Promise<void> {
    let outcomes: readonly Outcome<R>[]
    try {
      outcomes = await options.run(batch.map((w) => w.item))
    } catch (error) {
      for (const waiting of batch) waiting.reject(error)
      return
    }
    for (const [i, waiting] of batch.entries()) {
      const outcome = outcomes[i]
      if (outcome === undefined) waiting.reject(new Error('the batch returned no outcome for an item'))
      else if (outcome.ok) waiting.resolve(outcome.value)
      else waiting.reject(outcome.error)
    }
  }

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        queue.push({ item, keys: keysOf(item), resolve, reject })
        schedule()
      })
    },
    get pending() {
      return queue.length + runningItems
    },
  }
}
