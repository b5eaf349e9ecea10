/**
 * `verifyLog`: checks a whole stored log against the signing key and the witness. Recomputes every
 * leaf hash from the stored bytes and the whole tree, and demands that every checkpoint, in the
 * database and in the witness, is signed by the trusted key and signs a root of that one tree.
 * Two checkpoints that are both roots of one recomputed tree are consistent: that is what a
 * consistency proof between them would prove, here without trusting any stored hash.
 *
 * Each entry is rebuilt from the columns the queries read (stored-entry.ts), so a column edited to
 * hide an access from them is an entry that no longer hashes to its leaf.
 *
 * Everything read is attacker-controlled except `verifierKey`. Stops at the first problem, in log
 * order: an entry at fault is named exactly where it can be (deleted, edited, moved); an entry
 * edited together with its stored leaf hash shows only as a root that differs from a signed one,
 * and the report names the range it lies in (narrowed to 16 entries when the stored subtree
 * hashes were left as the sequencer wrote them).
 */
import type { QueryExecutorProvider } from 'kysely'
import { sql } from 'kysely'
import { type BatchSubtree, createBatchSubtreeCheck } from './batch-subtree.ts'
import { verifyCheckpoint } from './checkpoint.ts'
import { dayStartMs, JST_OFFSET_MS, spanDays } from './client-buckets.ts'
import { firstClientBucketDifference } from './client-buckets-store.ts'
import { firstMissingPosition, logExtent, readEntryBatch, readEntryRows } from './entry-batches.ts'
import { AuditError } from './errors.ts'
import { type LogProblem, logProblem } from './log-problem.ts'
import type { VerifierKey } from './signed-note.ts'
import { createLeafHasher, type StoredEntry } from './stored-entry.ts'
import { type SubtreeChecker, startSubtreeWorkers } from './subtree-workers.ts'
import { VerifierTree } from './verifier-tree.ts'
import type { Witness } from './witness.ts'

export type VerifyLogOptions = {
  /** From trusted configuration, never from the database being checked. */
  verifierKey: VerifierKey
  witness: Witness
  /**
   * Entries per query, rounded down to a power of two: a batch is then a perfect subtree of the
   * log's tree that a worker thread folds apart. Large batches amortise the round trip.
   */
  batchSize?: number
  /**
   * Recompute the per-client summary (audit_client_buckets) from the verified entries and compare
   * it row by row; default true. Off only to time the tree's check apart (bench:audit).
   */
  summaries?: boolean
}

export type VerifyLogReport = {
  ok: boolean
  /** The first problem found; absent when ok. */
  problem?: LogProblem
  /** Entries checked (the whole log when ok). */
  entries: number
  checkpoints: number
  latestCheckpointSize: number
  witnessed: number
  latestWitnessedSize: number
  /** Entries after the latest checkpoint: intact as far as the sequencer's state shows, not yet signed. */
  unsigned: number
}

/** `root` as a 'binary' string, as VerifierTree gives roots. */
type Target = { root: string; source: 'database' | 'witness' }

type Range = { from: number; to: number }

const DEFAULT_BATCH = 65_536
/** Worker threads, one a core up to this. */
const MAX_WORKERS = 4
const EQUAL = 0

export async function verifyLog(
  db: QueryExecutorProvider,
  options: VerifyLogOptions,
): Promise<VerifyLogReport> {
  const report: VerifyLogReport = {
    ok: false,
    entries: 0,
    checkpoints: 0,
    latestCheckpointSize: 0,
    witnessed: 0,
    latestWitnessedSize: 0,
    unsigned: 0,
  }
  const fail = (problem: LogProblem): VerifyLogReport => ({ ...report, ok: false, problem })

  const targets = new Map<number, Target[]>()
  const addTarget = (size: number, target: Target) =>
    targets.set(size, [...(targets.get(size) ?? []), target])
  const { rows: checkpointRows } = await sql<{ tree_size: string; root_hash: Uint8Array; note: string }>`
    select tree_size::text, root_hash, note from audit_checkpoints order by audit_checkpoints.tree_size`.execute(
    db,
  )
  for (const row of checkpointRows) {
    const size = Number(row.tree_size)
    const opened = await openCheckpoint(row.note, options.verifierKey, size, 'database')
    if ('problem' in opened) return fail(opened.problem)
    if (opened.treeSize !== size || Buffer.compare(opened.rootHash, row.root_hash) !== EQUAL) {
      return fail(logProblem('CHECKPOINT_ROW_MISMATCH', { checkpointSize: size, source: 'database' }))
    }
    addTarget(size, { root: binary(opened.rootHash), source: 'database' })
    report.checkpoints += 1
    report.latestCheckpointSize = size
  }
  const witnessed = await readWitness(options.witness)
  if ('problem' in witnessed) return fail(witnessed.problem)
  for (const note of witnessed.notes) {
    const opened = await openCheckpoint(note, options.verifierKey, undefined, 'witness')
    if ('problem' in opened) return fail(opened.problem)
    addTarget(opened.treeSize, { root: binary(opened.rootHash), source: 'witness' })
    report.witnessed += 1
    report.latestWitnessedSize = Math.max(report.latestWitnessedSize, opened.treeSize)
  }

  const tree = new VerifierTree()
  let lastGoodCheckpoint = 0
  // A stored subtree hash that differs: the subtree's entries, or the stored hash, were altered.
  // The next signed root tells which; until then it narrows where an altered entry lies.
  let badNode: Range | undefined
  /** The signed roots due at `size`, against the tree's root there. */
  const checkRoot = (size: number, rootOf: () => string): LogProblem | undefined => {
    const due = targets.get(size)
    if (due === undefined) return undefined
    const root = rootOf()
    for (const target of due) {
      if (root === target.root) continue
      const range = badNode ?? { from: lastGoodCheckpoint, to: size - 1 }
      return target.source === 'database'
        ? logProblem('CHECKPOINT_ROOT_MISMATCH', { checkpointSize: size, range, source: 'database' })
        : logProblem('WITNESS_ROOT_MISMATCH', { checkpointSize: size, range, source: 'witness' })
    }
    if (badNode !== undefined) return logProblem('TREE_NODE_MISMATCH', { range: badNode })
    if (!due.some((t) => t.source === 'database')) {
      return logProblem('CHECKPOINT_MISSING', { checkpointSize: size, source: 'witness' })
    }
    lastGoodCheckpoint = size
    return undefined
  }
  const checkNode = (stored: Map<string, string>, level: number, index: number, hash: string): void => {
    if (badNode === undefined && stored.get(`${level}/${index}`) !== hash) {
      badNode = { from: index * 2 ** level, to: (index + 1) * 2 ** level - 1 }
    }
  }
  const checkNodes = (stored: Map<string, string>): void => {
    for (const node of tree.takeCompleted()) checkNode(stored, node.level, node.index, node.hash)
  }

  const startProblem = checkRoot(0, () => tree.root())
  if (startProblem !== undefined) return fail(startProblem)
  const extent = await logExtent(db)
  const batchSize = 2 ** Math.floor(Math.log2(Math.max(1, options.batchSize ?? DEFAULT_BATCH)))
  const read = (from: number) => {
    const to = Math.min(from + batchSize, extent.end)
    return Promise.all([readEntryBatch(db, from, to), readStoredNodes(db, from, to)])
  }
  const targetSizes = [...targets.keys()].sort((a, b) => a - b)
  let nextTarget = 0
  /** Sizes inside (from, to) where a root is due, as sizes within the batch; batches come in order. */
  const targetsWithin = (from: number, to: number): number[] => {
    while (nextTarget < targetSizes.length && targetSizes[nextTarget]! <= from) nextTarget += 1
    const within: number[] = []
    for (let k = nextTarget; k < targetSizes.length && targetSizes[k]! < to; k++) {
      within.push(targetSizes[k]! - from)
    }
    return within
  }

  /**
   * A batch checked and folded apart (batch-subtree.ts) joins the tree: the roots due inside it,
   * the stored nodes it completed, then its frontier and the stored nodes above it, in the order
   * a leaf-by-leaf fold meets them, so that the first problem is the same.
   */
  const foldSubtree = (
    { frontier, nodes, prefixes }: BatchSubtree,
    { from, to, stored, within }: Pending,
  ): LogProblem | undefined => {
    let n = 0
    const nodesUpTo = (size: number) => {
      for (; n < nodes.length; n++) {
        const { level, index, hash } = nodes[n]!
        const inLog = index + from / 2 ** level
        if ((inLog + 1) * 2 ** level > size) return
        checkNode(stored, level, inLog, hash)
      }
    }
    for (let k = 0; k < within.length; k++) {
      const size = from + within[k]!
      nodesUpTo(size)
      const problem = checkRoot(size, () => tree.rootAfter(prefixes[k]!))
      if (problem !== undefined) {
        report.entries = size
        return problem
      }
    }
    nodesUpTo(to)
    // The batch's frontier holds one subtree a set bit of its count, the largest first.
    let f = 0
    for (let level = 31; level >= 0; level--) {
      if (((to - from) >>> level) & 1) tree.appendSubtree(frontier[f++]!, level)
    }
    checkNodes(stored)
    report.entries = tree.size
    return checkRoot(tree.size, () => tree.root())
  }
  const settle = async (pending: Pending): Promise<LogProblem | undefined> => {
    const { from, to, stored, subtree } = pending
    if (subtree === undefined) {
      return logProblem('ENTRY_MISSING', { position: await firstMissingPosition(db, from, to) })
    }
    const folded = await subtree
    if (folded !== undefined) return foldSubtree(folded, pending)
    const problem = checkBatch(await readEntryRows(db, from, to), {
      tree,
      checkNodes: () => checkNodes(stored),
      checkRoot: () => checkRoot(tree.size, () => tree.root()),
    })
    report.entries = tree.size
    return problem
  }

  // Batches are checked and folded side by side in worker threads (one inline when the log is a
  // single batch) while the next is read; the main thread joins them to the tree in log order.
  const checker = extent.end > batchSize ? startSubtreeWorkers(MAX_WORKERS) : inlineChecker()
  const inFlight: Pending[] = []
  try {
    let next = extent.end > 0 ? read(0) : undefined
    for (let from = 0; next !== undefined; from += batchSize) {
      const [batch, stored] = await next
      const to = Math.min(from + batchSize, extent.end)
      next = to < extent.end ? read(to) : undefined
      const within = targetsWithin(from, to)
      const subtree = batch.count === to - from ? checker.check({ ...batch, targets: within }) : undefined
      // Awaited in turn by settle, unless an earlier batch already failed.
      subtree?.catch(() => undefined)
      inFlight.push({ from, to, stored, within, subtree })
      if (inFlight.length <= checker.parallelism) continue
      const problem = await settle(inFlight.shift()!)
      if (problem !== undefined) {
        await next?.catch(() => undefined)
        return fail(problem)
      }
    }
    for (const pending of inFlight) {
      const problem = await settle(pending)
      if (problem !== undefined) return fail(problem)
    }
  } finally {
    await checker.close()
  }

  if (report.latestCheckpointSize > extent.end) {
    return fail(
      logProblem('LOG_TRUNCATED', { checkpointSize: report.latestCheckpointSize, position: extent.end }),
    )
  }
  if (report.latestWitnessedSize > extent.end) {
    return fail(
      logProblem('LOG_ROLLED_BACK', { checkpointSize: report.latestWitnessedSize, position: extent.end }),
    )
  }
  if (badNode !== undefined) return fail(logProblem('TREE_NODE_MISMATCH', { range: badNode }))
  const { rows: stateRows } = await sql<{ size: string; frontier: Uint8Array }>`
    select size::text, frontier from audit_tree_state where id = 1`.execute(db)
  const state = stateRows[0]
  // The stored frontier whole, byte for byte: trailing bytes that fit no hash are a mismatch too.
  if (state === undefined || Number(state.size) !== tree.size || binary(state.frontier) !== tree.frontier()) {
    return fail(logProblem('TREE_STATE_MISMATCH', { position: tree.size }))
  }
  if (options.summaries !== false) {
    const difference = await firstClientBucketDifference(db)
    if (difference !== undefined) {
      const first = difference.bucket * spanDays(difference.level)
      const days = { from: jstDate(first), to: jstDate(first + spanDays(difference.level) - 1) }
      return fail(logProblem('CLIENT_SUMMARY_MISMATCH', { days }))
    }
  }
  report.unsigned = tree.size - report.latestCheckpointSize
  return { ...report, ok: true }
}

type Row = { entry: StoredEntry; leafHash: Uint8Array }

type TreeCheck = {
  tree: VerifierTree
  checkNodes: () => void
  checkRoot: () => LogProblem | undefined
}

/** A batch read, and (unless entries are missing from it) its check and fold under way. */
type Pending = {
  from: number
  to: number
  /** The stored subtree hashes that complete in the batch, by `level/index`. */
  stored: Map<string, string>
  /** Sizes inside the batch where a signed root is due. */
  within: number[]
  subtree: Promise<BatchSubtree | undefined> | undefined
}

function inlineChecker(): SubtreeChecker {
  const check = createBatchSubtreeCheck()
  return { parallelism: 1, check: async (job) => check(job), close: async () => undefined }
}

/**
 * Row by row: rebuilds each entry from its columns with the general encoder, hashes it and checks
 * the stored leaf hash, then extends the tree and checks roots and stored subtrees as they
 * complete; the first problem, if any.
 */
function checkBatch(
  rows: readonly Row[],
  { tree, checkNodes, checkRoot }: TreeCheck,
): LogProblem | undefined {
  for (let i = 0; i < rows.length; i++) {
    const leaf = leafOf(rows[i]!.entry)
    if (leaf !== binary(rows[i]!.leafHash)) return entryProblem(rows, i)
    tree.append(leaf)
    checkNodes()
    const rootProblem = checkRoot()
    if (rootProblem !== undefined) return rootProblem
  }
  return undefined
}

const leafOf = createLeafHasher()

/**
 * The entry at `i` does not hash to its stored leaf. If it would at another position of the
 * batch, the row was moved there (reordered); otherwise its content or its hash was changed.
 */
function entryProblem(rows: readonly Row[], i: number): LogProblem {
  const { entry, leafHash } = rows[i]!
  const stored = binary(leafHash)
  for (const other of rows) {
    const seq = other.entry.seq
    if (seq !== entry.seq && leafOf({ ...entry, seq }) === stored) {
      return logProblem('ENTRY_POSITION_MISMATCH', { position: entry.seq })
    }
  }
  return logProblem('ENTRY_HASH_MISMATCH', { position: entry.seq })
}

function binary(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}

/**
 * The stored perfect-subtree hashes that complete within [from, to): node (level, index) covers
 * leaves [index·2^level, (index+1)·2^level) and completes when the tree reaches its end.
 */
async function readStoredNodes(
  db: QueryExecutorProvider,
  from: number,
  to: number,
): Promise<Map<string, string>> {
  const levels: number[] = []
  const lows: number[] = []
  const highs: number[] = []
  for (let level = 4; 2 ** level <= to; level += 4) {
    levels.push(level)
    lows.push(Math.floor(from / 2 ** level))
    highs.push(Math.floor(to / 2 ** level))
  }
  const stored = new Map<string, string>()
  if (levels.length === 0) return stored
  const { rows } = await sql<{ keys: string | null; hashes: string | null }>`
    select string_agg(n.level || '/' || n.index, ',' order by n.level, n.index) as keys,
      encode(string_agg(n.hash, ''::bytea order by n.level, n.index), 'base64') as hashes
    from unnest(${levels}::smallint[], ${lows}::bigint[], ${highs}::bigint[]) as r(level, low, high)
    join audit_tree_nodes n on n.level = r.level and n.index >= r.low and n.index < r.high`.execute(db)
  const keys = rows[0]?.keys?.split(',') ?? []
  const hashes = Buffer.from(rows[0]?.hashes ?? '', 'base64').toString('latin1')
  // A stored hash of the wrong length is left out, and so counts as missing.
  if (hashes.length !== 32 * keys.length) return stored
  keys.forEach((key, i) => {
    stored.set(key, hashes.slice(32 * i, 32 * i + 32))
  })
  return stored
}

async function readWitness(witness: Witness): Promise<{ notes: string[] } | { problem: LogProblem }> {
  try {
    return { notes: await witness.checkpoints() }
  } catch (error) {
    if (!(error instanceof AuditError)) throw error
    return {
      problem: { code: error.code, message: error.message, messageJa: error.messageJa, source: 'witness' },
    }
  }
}

async function openCheckpoint(
  note: string,
  key: VerifierKey,
  size: number | undefined,
  source: 'database' | 'witness',
): Promise<{ treeSize: number; rootHash: Uint8Array } | { problem: LogProblem }> {
  try {
    return await verifyCheckpoint(note, key)
  } catch (error) {
    if (!(error instanceof AuditError)) throw error
    const where = source === 'database' ? `チェックポイント ${size}` : 'ウィットネスのチェックポイント'
    return {
      problem: {
        code: error.code,
        message: `${source} checkpoint${size === undefined ? '' : ` ${size}`}: ${error.message}`,
        messageJa: `${where}: ${error.messageJa}`,
        ...(size === undefined ? {} : { checkpointSize: size }),
        source,
      },
    }
  }
}

/** A JST day number as its date, yyyy-mm-dd. */
function jstDate(day: number): string {
  return new Date(dayStartMs(day) + JST_OFFSET_MS).toISOString().slice(0, 10)
}
