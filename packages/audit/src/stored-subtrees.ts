/**
 * Subtree roots from storage, for proofs: a perfect subtree's root is read from audit_tree_nodes
 * when its level is stored, else folded from the 2, 4 or 8 stored hashes one stored level below
 * (level 0 is audit_entries.leaf_hash); any other subtree is the fold of the perfect subtrees its
 * size's binary digits cut it into. A proof of a tree of 2^k leaves so reads O(k) rows, not 2^k.
 */
import type { QueryExecutorProvider } from 'kysely'
import { sql } from 'kysely'
import { AuditError } from './errors.ts'
import { HASH_BYTES, nodeHash, type SubtreeRange } from './merkle.ts'
import { STORED_LEVEL_STRIDE } from './tree-appender.ts'

type Block = { level: number; index: number }

/** The root of each range, from at most two queries. */
export async function subtreeRoots(
  db: QueryExecutorProvider,
  ranges: readonly SubtreeRange[],
): Promise<Uint8Array[]> {
  const plans = ranges.map((r) => perfectBlocks(r.start, r.end))
  const wanted = new Map<string, Block>()
  for (const blocks of plans) {
    for (const block of blocks) for (const stored of storedBlocksUnder(block)) wanted.set(key(stored), stored)
  }
  const hashes = await readStored(db, [...wanted.values()])
  return plans.map((blocks) => {
    const roots = blocks.map((block) => perfectRoot(block, hashes))
    let root = roots.at(-1)!
    for (let i = roots.length - 2; i >= 0; i--) root = nodeHash(roots[i]!, root)
    return root
  })
}

/** [start, end) as aligned perfect subtrees, largest first, as RFC 9162's split makes them. */
function perfectBlocks(start: number, end: number): Block[] {
  const blocks: Block[] = []
  let at = start
  while (at < end) {
    let level = 0
    while (at % 2 ** (level + 1) === 0 && at + 2 ** (level + 1) <= end) level += 1
    blocks.push({ level, index: at / 2 ** level })
    at += 2 ** level
  }
  return blocks
}

function storedBlocksUnder(block: Block): Block[] {
  const level = block.level - (block.level % STORED_LEVEL_STRIDE)
  const width = 2 ** (block.level - level)
  return Array.from({ length: width }, (_, i) => ({ level, index: block.index * width + i }))
}

function perfectRoot(block: Block, hashes: Map<string, Uint8Array>): Uint8Array {
  let layer = storedBlocksUnder(block).map((b) => {
    const hash = hashes.get(key(b))
    // A missing row is a log cut short under the checkpoint; verifyLog names it.
    if (hash === undefined) throw nodeMissing()
    return hash
  })
  while (layer.length > 1) {
    const up: Uint8Array[] = []
    for (let i = 0; i < layer.length; i += 2) up.push(nodeHash(layer[i]!, layer[i + 1]!))
    layer = up
  }
  return layer[0]!
}

async function readStored(db: QueryExecutorProvider, blocks: Block[]): Promise<Map<string, Uint8Array>> {
  const leaves = blocks.filter((b) => b.level === 0).map((b) => b.index)
  const nodes = blocks.filter((b) => b.level > 0)
  const hashes = new Map<string, Uint8Array>()
  if (leaves.length > 0) {
    const { rows } = await sql<{ position: string; leaf_hash: Uint8Array }>`
      select position::text, leaf_hash from audit_entries where position = any(${leaves}::bigint[])`.execute(
      db,
    )
    for (const row of rows) hashes.set(`0/${row.position}`, bytes(row.leaf_hash))
  }
  if (nodes.length > 0) {
    const { rows } = await sql<{ level: number; index: string; hash: Uint8Array }>`
      select level, index::text, hash from audit_tree_nodes
      where (level, index) in (select * from unnest(${nodes.map((n) => n.level)}::smallint[],
        ${nodes.map((n) => n.index)}::bigint[]))`.execute(db)
    for (const row of rows) hashes.set(`${row.level}/${row.index}`, bytes(row.hash))
  }
  return hashes
}

function bytes(value: Uint8Array): Uint8Array {
  if (value.length !== HASH_BYTES) throw nodeMissing()
  return Uint8Array.prototype.slice.call(value)
}

function nodeMissing(): AuditError {
  return new AuditError({
    code: 'TREE_NODE_MISMATCH',
    message: 'a hash the proof needs is missing or malformed in storage',
    messageJa: '証明に必要なハッシュが記録にありません。mamori audit verify でログを検証してください。',
  })
}

function key(block: Block): string {
  return `${block.level}/${block.index}`
}
