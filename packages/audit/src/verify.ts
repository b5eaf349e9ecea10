/**
 * The standalone verifier: no database, no node built-ins, so the browser (the 本人 view) and
 * `mamori audit proof` run the same code. Everything passed in is attacker-controlled except
 * `key`, which must come from configuration the caller trusts, never from the party being checked.
 *
 * Results, not exceptions, for the failures a verifier exists to find; the AuditError inside
 * carries `code` to branch on and `messageJa` to show. Bugs (non-AuditErrors) still throw.
 */
import { type Checkpoint, verifyCheckpoint } from './checkpoint.ts'
import { AuditError } from './errors.ts'
import type { VerifierKey } from './signed-note.ts'
import { leafHashOf, verifyConsistencyProof, verifyInclusionProof } from './verify-proof.ts'

export type VerifyResult<T> = { ok: true; value: T } | { ok: false; error: AuditError }

export type InclusionClaim = (
  | { /** The encoded entry (entry-encoding.ts); hashed here. */ entry: Uint8Array; leafHash?: never }
  | { leafHash: Uint8Array; entry?: never }
) & {
  index: number
  /** The size the proof was made for; must be the checkpoint's. */
  treeSize: number
  proof: readonly Uint8Array[]
  /** The signed checkpoint, as a signed note. */
  checkpoint: string
  key: VerifierKey
}

/** The entry (or leaf hash) is leaf `index` of the log whose head `key` signed in `checkpoint`. */
export function verifyInclusion(
  claim: InclusionClaim,
): Promise<VerifyResult<{ checkpoint: Checkpoint; leafHash: Uint8Array }>> {
  return asResult(async () => {
    const checkpoint = await verifyCheckpoint(claim.checkpoint, claim.key)
    if (claim.treeSize !== checkpoint.treeSize) throw sizeMismatch()
    const leafHash = await leafHashFrom(claim)
    await verifyInclusionProof(claim.index, claim.treeSize, leafHash, claim.proof, checkpoint.rootHash)
    return { checkpoint, leafHash }
  })
}

/**
 * Both checkpoints are signed by `key`, and the newer log extends the older one unchanged: no
 * entry up to the older size was altered, removed or reordered, and the log was not rolled back.
 */
export function verifyConsistency(
  olderCheckpoint: string,
  newerCheckpoint: string,
  proof: readonly Uint8Array[],
  key: VerifierKey,
): Promise<VerifyResult<{ older: Checkpoint; newer: Checkpoint }>> {
  return asResult(async () => {
    const older = await verifyCheckpoint(olderCheckpoint, key)
    const newer = await verifyCheckpoint(newerCheckpoint, key)
    if (newer.treeSize < older.treeSize) {
      throw new AuditError({
        code: 'CHECKPOINT_SIZE_DECREASED',
        message: 'newer checkpoint has fewer entries than the older one',
        messageJa:
          '新しいチェックポイントの件数が古いものより少なくなっています。ログが巻き戻された可能性があります。',
        field: 'newerCheckpoint',
      })
    }
    await verifyConsistencyProof(older.treeSize, newer.treeSize, older.rootHash, newer.rootHash, proof)
    return { older, newer }
  })
}

async function leafHashFrom(claim: InclusionClaim): Promise<Uint8Array> {
  if (claim.leafHash === undefined && claim.entry instanceof Uint8Array) return leafHashOf(claim.entry)
  // Its shape is checked with the proof's.
  if (claim.entry === undefined && claim.leafHash !== undefined) return claim.leafHash
  throw new AuditError({
    code: 'ARGUMENT_INVALID',
    message: 'give exactly one of entry bytes and leafHash',
    messageJa: '検証するエントリの指定が不正です。',
    field: 'entry',
  })
}

function sizeMismatch(): AuditError {
  return new AuditError({
    code: 'CHECKPOINT_SIZE_MISMATCH',
    message: 'proof tree size is not the checkpoint tree size',
    messageJa: '証明のツリーサイズがチェックポイントと一致しません。',
    field: 'treeSize',
  })
}

async function asResult<T>(run: () => Promise<T>): Promise<VerifyResult<T>> {
  try {
    return { ok: true, value: await run() }
  } catch (error) {
    if (error instanceof AuditError) return { ok: false, error }
    throw error
  }
}
