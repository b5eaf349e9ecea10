/**
 * The tree of a whole log as verifyLog rebuilds it, leaf after leaf or a perfect subtree at a
 * time: RFC 9162 §2.1 with SHA-256, the stack of MerkleFrontier (merkle.ts), and the stored-level
 * subtree roots TreeAppender yields (levels 4, 8, 12 …). A batch of 2^k entries that starts at a
 * multiple of 2^k is a perfect subtree of its own, so that a worker thread can build it apart and
 * the log's tree take only its root (`appendSubtree`), and a root inside the batch is the log's
 * frontier before it followed by the batch's own frontier there (`rootAfter`). Hashes are 'binary' (latin1) strings, one character a byte:
 * node:crypto's cheapest output, compared with `===` and no Uint8Array made per node, which
 * matters when millions of leaves are folded. merkle.ts and tree-appender.ts stay the reference;
 * verifier-tree.test.ts holds this to them.
 */
import { hash } from 'node:crypto'
import { STORED_LEVEL_STRIDE } from './tree-appender.ts'

export type CompletedNode = { level: number; index: number; hash: string }

const NONE: readonly CompletedNode[] = Object.freeze([])
/** RFC 9162 §2.1.1: MTH({}) = HASH(). */
const EMPTY_ROOT = hash('sha256', '', 'binary')

export class VerifierTree {
  #size = 0
  #stack: string[] = []
  #completed: CompletedNode[] = []
  /** 0x01 ‖ left ‖ right, reused for every node. */
  readonly #node = new Uint8Array(65)

  constructor() {
    this.#node[0] = 0x01
  }

  get size(): number {
    return this.#size
  }

  /** Appends a leaf hash (32 characters, each a byte). */
  append(leaf: string): void {
    this.appendSubtree(leaf, 0)
  }

  /**
   * Appends the root of a perfect subtree of 2^level leaves, at a size that is a multiple of
   * 2^level. Stored-level nodes above `level` that it completes are reported; those inside it
   * are its builder's to report.
   */
  appendSubtree(hash: string, level: number): void {
    const width = 2 ** level
    if (this.#size % width !== 0) throw new RangeError('a subtree must start at a multiple of its width')
    const newSize = this.#size + width
    let merged = hash
    // Each trailing 1 bit of the old size (in units of the subtree) is a perfect subtree completed.
    for (let s = this.#size / width; s % 2 === 1; s = (s - 1) / 2) {
      merged = this.#nodeHash(this.#stack.pop()!, merged)
      level += 1
      if (level % STORED_LEVEL_STRIDE === 0) {
        this.#completed.push({ level, index: newSize / 2 ** level - 1, hash: merged })
      }
    }
    this.#stack.push(merged)
    this.#size = newSize
  }

  /** The stored-level nodes completed since the last call, in completion order. */
  takeCompleted(): readonly CompletedNode[] {
    if (this.#completed.length === 0) return NONE
    const completed = this.#completed
    this.#completed = []
    return completed
  }

  /** The frontier as audit_tree_state.frontier holds it (largest subtree first), as one string. */
  frontier(): string {
    return this.#stack.join('')
  }

  /** The frontier's hashes, largest subtree first: one a set bit of the size, highest first. */
  hashes(): string[] {
    return [...this.#stack]
  }

  root(): string {
    return this.rootAfter([])
  }

  /**
   * The root of this tree followed by a tree whose frontier is `after`: a subtree of entries that
   * starts at a multiple of its width, so that the two frontiers together are the whole one.
   */
  rootAfter(after: readonly string[]): string {
    const hashes = after.length === 0 ? this.#stack : [...this.#stack, ...after]
    if (hashes.length === 0) return EMPTY_ROOT
    let root = hashes[hashes.length - 1]!
    for (let i = hashes.length - 2; i >= 0; i--) root = this.#nodeHash(hashes[i]!, root)
    return root
  }

  /** RFC 9162 §2.1.1: HASH(0x01 ‖ left ‖ right). */
  #nodeHash(left: string, right: string): string {
    const node = this.#node
    for (let i = 0; i < 32; i++) {
      node[1 + i] = left.charCodeAt(i)
      node[33 + i] = right.charCodeAt(i)
    }
    return hash('sha256', node, 'binary')
  }
}
