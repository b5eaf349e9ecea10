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
import { createPlainLeafCheck } from './batch-leaf-hashes.ts'
import { verifyCheckpoint } from './checkpoint.ts'
import {
  type EntryBatch,
  firstMissingPosition,
  logExtent,
  readEntryBatch,
  readEntryRows,
} from './entry-batches.ts'
import { AuditError } from './errors.ts'
import { type LeafChecker, startLeafChecker } from './leaf-checker.ts'
import { type LogProblem, logProblem } from './log-problem.ts'
import type { VerifierKey } from './signed-note.ts'
import { createLeafHasher, type StoredEntry } from './stored-entry.ts'
import { VerifierTree } from './verifier-tree.ts'
import type { Witness } from './witness.ts'

export type VerifyLogOptions = {
  /** From trusted configuration, never from the database being checked. */
  verifierKey: VerifierKey
  witness: Witness
  /** Entries per query; large batches amortise the round trip. */
  batchSize?: number
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

const DEFAULT_BATCH = 50_000
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
  const checkRoot = (): LogProblem | undefined => {
    const due = targets.get(tree.size)
    if (due === undefined) return undefined
    const root = tree.root()
    for (const target of due) {
      if (root === target.root) continue
      const range = badNode ?? { from: lastGoodCheckpoint, to: tree.size - 1 }
      return target.source === 'database'
        ? logProblem('CHECKPOINT_ROOT_MISMATCH', { checkpointSize: tree.size, range, source: 'database' })
        : logProblem('WITNESS_ROOT_MISMATCH', { checkpointSize: tree.size, range, source: 'witness' })
    }
    if (badNode !== undefined) return logProblem('TREE_NODE_MISMATCH', { range: badNode })
    if (!due.some((t) => t.source === 'database')) {
      return logProblem('CHECKPOINT_MISSING', { checkpointSize: tree.size, source: 'witness' })
    }
    lastGoodCheckpoint = tree.size
    return undefined
  }
  const checkNodes = (stored: Map<string, string>): void => {
    for (const node of tree.takeCompleted()) {
      if (badNode === undefined && stored.get(`${node.level}/${node.index}`) !== node.hash) {
        badNode = { from: node.index * 2 ** node.level, to: (node.index + 1) * 2 ** node.level - 1 }
      }
    }
  }

  const startProblem = checkRoot()
  if (startProblem !== undefined) return fail(startProblem)
  const extent = await logExtent(db)
  const batchSize = options.batchSize ?? DEFAULT_BATCH
  const read = (from: number) => {
    const to = Math.min(from + batchSize, extent.end)
    return Promise.all([readEntryBatch(db, from, to), readStoredNodes(db, from, to)])
  }
  // Batch k is checked (in the worker when there is more than one) while batch k − 1 is folded
  // into the tree and batch k + 1 is read; problems are still taken in log order.
  const checker = extent.end > batchSize ? startLeafChecker() : inlineLeafChecker()
  const settle = async ({ from, to, batch, nodes, matched }: Pending): Promise<LogProblem | undefined> => {
    if (matched === undefined) {
      return logProblem('ENTRY_MISSING', { position: await firstMissingPosition(db, from, to) })
    }
    const check = { tree, checkNodes: () => checkNodes(nodes), checkRoot }
    const problem = (await matched)
      ? foldBatch(batch, check)
      : checkBatch(await readEntryRows(db, from, to), check)
    report.entries = tree.size
    return problem
  }
  try {
    let next = extent.end > 0 ? read(0) : undefined
    let pending: Pending | undefined
    for (let from = 0; next !== undefined; from += batchSize) {
      const [batch, nodes] = await next
      const to = Math.min(from + batchSize, extent.end)
      next = to < extent.end ? read(to) : undefined
      const matched = batch.count === to - from ? checker.check(batch) : undefined
      // Awaited in turn by settle, unless an earlier batch already failed.
      matched?.catch(() => undefined)
      const problem = pending === undefined ? undefined : await settle(pending)
      if (problem !== undefined) {
        await next?.catch(() => undefined)
        return fail(problem)
      }
      pending = { from, to, batch, nodes, matched }
    }
    const problem = pending === undefined ? undefined : await settle(pending)
    if (problem !== undefined) return fail(problem)
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
  report.unsigned = tree.size - report.latestCheckpointSize
  return { ...report, ok: true }
}

type Row = { entry: StoredEntry; leafHash: Uint8Array }

type TreeCheck = {
  tree: VerifierTree
  checkNodes: () => void
  checkRoot: () => LogProblem | undefined
}

/** A batch read, and (unless entries are missing from it) the check of its leaves under way. */
type Pending = {
  from: number
  to: number
  batch: EntryBatch
  nodes: Map<string, string>
  matched: Promise<boolean> | undefined
}

function inlineLeafChecker(): LeafChecker {
  const check = createPlainLeafCheck()
  return { check: async (batch) => check(batch), close: async () => undefined }
}

/**
 * The batch's stored leaf hashes, each vouched for by the leaf check, extend the tree; roots and
 * stored subtrees are checked as they complete. The first problem, if any.
 */
function foldBatch(batch: EntryBatch, { tree, checkNodes, checkRoot }: TreeCheck): LogProblem | undefined {
  const leaves = batch.leafHashes
  for (let i = 0; i < batch.count; i++) {
    tree.append(leaves.slice(32 * i, 32 * i + 32))
    checkNodes()
    const rootProblem = checkRoot()
    if (rootProblem !== undefined) return rootProblem
  }
  return undefined
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
