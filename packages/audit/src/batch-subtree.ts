/**
 * One batch of the log checked and folded on its own, as verifyLog's worker threads do it: every
 * leaf rebuilt from the stored columns (batch-leaf-hashes.ts) must be the stored leaf hash, and
 * the batch's leaves are folded into a tree of their own. A batch of 2^k entries that starts at a
 * multiple of 2^k is a perfect subtree of the log's tree (verifier-tree.ts), so the log's tree
 * takes its frontier whole, and each root signed inside the batch is the log's frontier before the
 * batch followed by the batch's own frontier at that size. Each batch is so independent of the
 * others: the threads take batches side by side, and the main thread folds a few hashes a batch.
 */
import type { StoredLeaves } from './batch-leaf-hashes.ts'
import { createBatchLeafHasher } from './batch-leaf-hashes.ts'
import { type CompletedNode, VerifierTree } from './verifier-tree.ts'

export type BatchJob = StoredLeaves & {
  /** Sizes within the batch (1 ≤ t < count, ascending) where a signed root is due. */
  targets: readonly number[]
}

export type BatchSubtree = {
  /** The batch's frontier: one hash a set bit of its count, largest subtree first. */
  frontier: string[]
  /** Stored-level nodes completed inside the batch, in completion order; indexes within the batch. */
  nodes: CompletedNode[]
  /** The batch's frontier at each target size. */
  prefixes: string[][]
}

/**
 * A function from a batch to its subtree, or undefined when a rebuilt leaf is not the stored one
 * or the batch is not in the plain form: then it is to be read row by row, which names the entry.
 */
export function createBatchSubtreeCheck(): (job: BatchJob) => BatchSubtree | undefined {
  const leavesOf = createBatchLeafHasher()
  return (job) => {
    const { count, leafHashes, targets } = job
    if (!job.leavesSized || leafHashes.length !== 32 * count) return undefined
    const tree = new VerifierTree()
    const prefixes: string[][] = []
    const plain = leavesOf(job, (leaf, i) => {
      if (!leafHashes.startsWith(leaf, 32 * i)) return false
      tree.append(leaf)
      if (targets[prefixes.length] === i + 1) prefixes.push(tree.hashes())
      return true
    })
    if (!plain) return undefined
    return { frontier: tree.hashes(), nodes: [...tree.takeCompleted()], prefixes }
  }
}
