/**
 * Proofs from storage, against the signed checkpoints stored beside the log: what
 * `mamori audit proof --entry N` prints and what the 本人 view checks with verifyInclusion and
 * verifyConsistency (verify.ts), which trust nothing here but the key they are configured with.
 * Sibling hashes come from audit_tree_nodes (stored-subtrees.ts): O(log n) rows a proof.
 */
import type { QueryExecutorProvider } from 'kysely'
import { sql } from 'kysely'
import { encodeBase64 } from './bytes.ts'
import { readEntryRows } from './entry-batches.ts'
import { AuditError } from './errors.ts'
import { consistencyProofRanges, inclusionProofRanges } from './merkle.ts'
import { encodeStoredEntry } from './stored-entry.ts'
import { subtreeRoots } from './stored-subtrees.ts'

export type InclusionProofBundle = {
  /** The encoded entry (entry-encoding.ts), rebuilt from its columns, base64. */
  entry: string
  index: number
  treeSize: number
  /** Sibling hashes, nearest the leaf first, base64. */
  proof: string[]
  /** The signed checkpoint of treeSize, a C2SP signed note. */
  checkpoint: string
}

export type ConsistencyProofBundle = {
  olderCheckpoint: string
  newerCheckpoint: string
  /** RFC 9162 §2.1.4 proof hashes, base64. */
  proof: string[]
}

/**
 * The proof that entry `position` is in the log, against the checkpoint of `treeSize` (default:
 * the latest). ENTRY_NOT_FOUND, ENTRY_NOT_CHECKPOINTED when no checkpoint covers it yet, or
 * CHECKPOINT_NOT_FOUND for a treeSize no checkpoint was signed at.
 */
export async function inclusionProofFor(
  db: QueryExecutorProvider,
  position: number,
  treeSize?: number,
): Promise<InclusionProofBundle> {
  requireCount(position, 'position')
  const row = (await readEntryRows(db, position, position + 1))[0]
  if (row === undefined) {
    throw new AuditError({
      code: 'ENTRY_NOT_FOUND',
      message: 'no entry at that position',
      messageJa: `エントリ ${position} はありません。`,
      field: 'position',
    })
  }
  const checkpoint = treeSize === undefined ? await latestCheckpoint(db) : await checkpointAt(db, treeSize)
  if (checkpoint === undefined || checkpoint.treeSize <= position) {
    throw new AuditError({
      code: 'ENTRY_NOT_CHECKPOINTED',
      message: 'no checkpoint covers that entry yet',
      messageJa: `エントリ ${position} を含むチェックポイントがまだありません。しばらくしてから再度実行してください。`,
      field: 'position',
    })
  }
  const proof = await subtreeRoots(db, inclusionProofRanges(position, checkpoint.treeSize))
  return {
    entry: encodeBase64(encodeStoredEntry(row.entry)),
    index: position,
    treeSize: checkpoint.treeSize,
    proof: proof.map(encodeBase64),
    checkpoint: checkpoint.note,
  }
}

/** The proof that the checkpoint of `newerSize` extends the one of `olderSize`; both must exist. */
export async function consistencyProofFor(
  db: QueryExecutorProvider,
  olderSize: number,
  newerSize: number,
): Promise<ConsistencyProofBundle> {
  requireCount(olderSize, 'olderSize')
  requireCount(newerSize, 'newerSize')
  if (olderSize > newerSize) {
    throw new AuditError({
      code: 'ARGUMENT_INVALID',
      message: 'the older size must not exceed the newer size',
      messageJa: '古いチェックポイントのサイズは新しいもの以下で指定してください。',
      field: 'olderSize',
    })
  }
  const older = await checkpointAt(db, olderSize)
  const newer = await checkpointAt(db, newerSize)
  const proof = await subtreeRoots(db, consistencyProofRanges(olderSize, newerSize))
  return { olderCheckpoint: older.note, newerCheckpoint: newer.note, proof: proof.map(encodeBase64) }
}

type StoredCheckpoint = { treeSize: number; note: string }

export async function latestCheckpoint(db: QueryExecutorProvider): Promise<StoredCheckpoint | undefined> {
  const { rows } = await sql<{ tree_size: string; note: string }>`
    select tree_size::text, note from audit_checkpoints order by audit_checkpoints.tree_size desc limit 1`.execute(
    db,
  )
  return rows[0] === undefined ? undefined : { treeSize: Number(rows[0].tree_size), note: rows[0].note }
}

async function checkpointAt(db: QueryExecutorProvider, treeSize: number): Promise<StoredCheckpoint> {
  requireCount(treeSize, 'treeSize')
  const { rows } = await sql<{ note: string }>`
    select note from audit_checkpoints where tree_size = ${treeSize}`.execute(db)
  if (rows[0] === undefined) {
    throw new AuditError({
      code: 'CHECKPOINT_NOT_FOUND',
      message: 'no checkpoint was signed at that tree size',
      messageJa: `サイズ ${treeSize} のチェックポイントはありません。`,
      field: 'treeSize',
    })
  }
  return { treeSize, note: rows[0].note }
}

function requireCount(value: number, field: string): void {
  if (!(Number.isSafeInteger(value) && value >= 0)) {
    throw new AuditError({
      code: 'ARGUMENT_INVALID',
      message: `${field} must be a non-negative integer`,
      messageJa: 'エントリ番号とサイズは 0 以上の整数で指定してください。',
      field,
    })
  }
}
