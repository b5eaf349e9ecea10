/**
 * The one error class of @mamori/audit. Callers branch on `code`; users see `messageJa`
 * with `field`. Messages never echo the input that failed: entries, proofs and checkpoints
 * reach a verifier from outside, and an entry may hold ids a reader is not entitled to see.
 */
export type AuditErrorCode =
  /** A caller passed a value outside a function's documented domain (a bug, not tampering). */
  | 'ARGUMENT_INVALID'
  /** An entry value cannot be encoded canonically: float, NaN, -0, undefined, lone surrogate… */
  | 'ENTRY_VALUE_UNSUPPORTED'
  | 'ENTRY_TOO_LARGE'
  | 'ENTRY_TOO_DEEP'
  /** Encoded entry bytes: unknown version, wrong length prefix, bad UTF-8 or JSON. */
  | 'ENTRY_MALFORMED'
  /** Encoded entry bytes parse, but are not the one canonical encoding of their value. */
  | 'ENTRY_NOT_CANONICAL'
  /** A proof is shaped wrongly: a hash not 32 bytes, too many hashes. */
  | 'PROOF_MALFORMED'
  | 'INCLUSION_PROOF_INVALID'
  | 'CONSISTENCY_PROOF_INVALID'
  | 'VERIFIER_KEY_MALFORMED'
  /** A signed note or checkpoint is not in the exact format we write. */
  | 'CHECKPOINT_MALFORMED'
  /** No signature by the trusted key, or a signature by it that does not verify. */
  | 'CHECKPOINT_SIGNATURE_INVALID'
  /** The checkpoint names another log than the trusted key's. */
  | 'CHECKPOINT_ORIGIN_MISMATCH'
  /** A proof was requested or presented for a tree size the checkpoint does not sign. */
  | 'CHECKPOINT_SIZE_MISMATCH'
  /** The newer checkpoint is smaller than the older: the log was rolled back or forked. */
  | 'CHECKPOINT_SIZE_DECREASED'
  /** An event does not fit the envelope (audit-event.ts): a missing id, a free-text value… */
  | 'EVENT_INVALID'
  /** An event holds something shaped like a My Number; the log must never hold one. */
  | 'EVENT_CONTAINS_MY_NUMBER'
  /** verifyLog: a position below the log's size has no entry (deleted). */
  | 'ENTRY_MISSING'
  /** verifyLog: an entry rebuilt from its columns does not hash to its stored leaf hash (edited). */
  | 'ENTRY_HASH_MISMATCH'
  /** verifyLog: an entry hashes as the entry of another position (moved, reordered). */
  | 'ENTRY_POSITION_MISMATCH'
  /** verifyLog: the tree recomputed from the entries does not have the signed root. */
  | 'CHECKPOINT_ROOT_MISMATCH'
  /** verifyLog: a checkpoint row's size or root differs from its signed note. */
  | 'CHECKPOINT_ROW_MISMATCH'
  /** verifyLog: a signed checkpoint covers entries the database no longer has. */
  | 'LOG_TRUNCATED'
  /** verifyLog: the witness holds a checkpoint larger than the database's log (a restored backup). */
  | 'LOG_ROLLED_BACK'
  /** verifyLog: a witness checkpoint's root is not the root of the database's log at that size. */
  | 'WITNESS_ROOT_MISMATCH'
  /** The witness file is not in the format fileWitness writes. */
  | 'WITNESS_MALFORMED'
  /** verifyLog: the sequencer's stored frontier is not the recomputed one. */
  | 'TREE_STATE_MISMATCH'
  /** verifyLog: a stored perfect-subtree hash (audit_tree_nodes) is not the recomputed one. */
  | 'TREE_NODE_MISMATCH'
  /** verifyLog: the per-client summary (audit_client_buckets) is not what the entries make. */
  | 'CLIENT_SUMMARY_MISMATCH'
  /** verifyLog: the witness holds a checkpoint the database's checkpoint table lost. */
  | 'CHECKPOINT_MISSING'
  /** Proofs: no entry at that position, no checkpoint covers it yet, no checkpoint of that size. */
  | 'ENTRY_NOT_FOUND'
  | 'ENTRY_NOT_CHECKPOINTED'
  | 'CHECKPOINT_NOT_FOUND'
  /** openAuditLog: the log's tables are missing (AUDIT_MIGRATIONS not applied). */
  | 'LOG_NOT_MIGRATED'
  /** The signing key file is readable by others than its owner, or not an Ed25519 key, or absent. */
  | 'SIGNING_KEY_INSECURE'
  | 'SIGNING_KEY_INVALID'
  | 'SIGNING_KEY_MISSING'

export type AuditErrorInit = {
  code: AuditErrorCode
  /** English, for logs. Never contains the offending value. */
  message: string
  /** Japanese, for users: what is wrong and what to do. Never contains the offending value. */
  messageJa: string
  /** The input field the error is about, when there is one. */
  field?: string
}

export class AuditError extends Error {
  readonly code: AuditErrorCode
  readonly messageJa: string
  readonly field: string | undefined

  constructor(init: AuditErrorInit) {
    super(init.message)
    this.name = 'AuditError'
    this.code = init.code
    this.messageJa = init.messageJa
    this.field = init.field
  }
}

export function isAuditError(value: unknown): value is AuditError {
  return value instanceof AuditError
}
