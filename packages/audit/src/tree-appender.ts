/**
 * Extends the stored tree by a batch of leaves, as MerkleFrontier does, and also yields the roots
 * of the perfect subtrees completed at levels 4, 8, 12 … for audit_tree_nodes: with those stored,
 * any subtree root a proof needs is folded from at most 8 stored hashes per level of the proof.
 */
import { HASH_BYTES, MerkleFrontier, nodeHash } from './merkle.ts'

/** Levels kept in audit_tree_nodes: a multiple of this (level 0 is in audit_entries). */
export const STORED_LEVEL_STRIDE = 4

export type TreeNode = { level: number; index: number; hash: Uint8Array }

const NONE: readonly TreeNode[] = Object.freeze([])

export class TreeAppender {
  #size: number
  #hashes: Uint8Array[]
  #completed: TreeNode[] = []

  constructor(size: number, frontier: readonly Uint8Array[]) {
    // restore() checks that the frontier fits the size.
    const restored = MerkleFrontier.restore(size, frontier)
    this.#size = restored.size
    this.#hashes = restored.hashes()
  }

  get size(): number {
    return this.#size
  }

  append(leaf: Uint8Array): void {
    const newSize = this.#size + 1
    let merged = leaf
    let level = 0
    for (let s = this.#size; s % 2 === 1; s = (s - 1) / 2) {
      merged = nodeHash(this.#hashes.pop()!, merged)
      level += 1
      if (level % STORED_LEVEL_STRIDE === 0) {
        this.#completed.push({ level, index: newSize / 2 ** level - 1, hash: merged })
      }
    }
    this.#hashes.push(merged)
    this.#size = newSize
  }

  /** The stored-level nodes completed since the last call, in completion order. */
  takeCompleted(): readonly TreeNode[] {
    if (this.#completed.length === 0) return NONE
    const completed = this.#completed
    this.#completed = []
    return completed
  }

  frontier(): Uint8Array[] {
    return this.#hashes.map((h) => h.slice())
  }

  root(): Uint8Array {
    return MerkleFrontier.restore(this.#size, this.#hashes).root()
  }
}

export function packFrontier(hashes: readonly Uint8Array[]): Buffer {
  return Buffer.concat(hashes)
}

export function unpackFrontier(packed: Uint8Array): Uint8Array[] {
  const hashes: Uint8Array[] = []
  for (let i = 0; i + HASH_BYTES <= packed.length; i += HASH_BYTES) {
    hashes.push(Uint8Array.prototype.slice.call(packed, i, i + HASH_BYTES))
  }
  return hashes
}
