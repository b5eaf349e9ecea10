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
