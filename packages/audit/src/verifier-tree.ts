/**
 * The tree of a whole log as verifyLog rebuilds it, leaf after leaf: RFC 9162 §2.1 with SHA-256,
 * the stack of MerkleFrontier (merkle.ts), and the stored-level subtree roots TreeAppender
 * yields (levels 4, 8, 12 …). Hashes are 'binary' (latin1) strings, one character a byte:
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
    const newSize = this.#size + 1
    let merged = leaf
    let level = 0
    // Each trailing 1 bit of the old size is a perfect subtree the new leaf completes.
    for (let s = this.#size; s % 2 === 1; s = (s - 1) / 2) {
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

  root(): string {
    const stack = this.#stack
    if (stack.length === 0) return EMPTY_ROOT
    let root = stack[stack.length - 1]!
    for (let i = stack.length - 2; i >= 0; i--) root = this.#nodeHash(stack[i]!, root)
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
