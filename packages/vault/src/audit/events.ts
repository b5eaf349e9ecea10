import type { AuditEvent, AuditOperation, AuditResult } from '@mamori/audit/audit-event.ts'

/**
 * The vault's closed union of audit entry types. Every operation writes one entry per attempt
 * (merge: one per subject), successful or refused: `result` is `success`, `denied` (refused by a
 * rule: purpose, legal list, dual control, rate limit, unknown subject) or `failure`. Entries hold
 * ids and codes only, never a number (the audit package refuses anything that looks like one).
 */
export type VaultAuditType =
  /** register: a sealed number was put on file for a subject, or the attempt was refused. */
  | 'MY_NUMBER_REGISTERED'
  /** approve: a second user approved registering a number already on file for another subject. */
  | 'MY_NUMBER_DUPLICATE_APPROVED'
  /** status: whether a subject's number is on file was read (never a digit). */
  | 'MY_NUMBER_STATUS_READ'
  /** match: a candidate number was compared with the one on file (yes/no). */
  | 'MY_NUMBER_MATCHED'
  /** merge: a subject's number was filled into a document (one entry per subject), or refused. */
  | 'MY_NUMBER_MERGED'
  /** reveal: a subject's number was shown to a human (本人 or an office administrator), or refused. */
  | 'MY_NUMBER_REVEALED'
  /** refusal: 提供を求めた経過 was recorded for a subject. */
  | 'MY_NUMBER_REFUSAL_RECORDED'
  /** delete: a subject's data key was destroyed (crypto-shred) and a disposal record written. */
  | 'MY_NUMBER_DISPOSED'
  /** deletion-due: the deletion due dates of a client's subjects were listed for approval. */
  | 'MY_NUMBER_DELETION_DUE_LISTED'
  /** rotate: the KEK was rotated and every data key rewrapped (entry at start and at the end). */
  | 'VAULT_KEK_ROTATED'
  /** A caller went over a rate limit on merge, reveal or match: the blast-radius alarm. */
  | 'VAULT_RATE_LIMIT_EXCEEDED'

export type VaultAuditEvent = AuditEvent<VaultAuditType>

/** The operation code each entry type is written with, so no call site can pick another. */
export const OPERATION_OF: Readonly<Record<VaultAuditType, AuditOperation>> = {
  MY_NUMBER_REGISTERED: 'create',
  MY_NUMBER_DUPLICATE_APPROVED: 'update',
  MY_NUMBER_STATUS_READ: 'read',
  MY_NUMBER_MATCHED: 'read',
  MY_NUMBER_MERGED: 'export',
  MY_NUMBER_REVEALED: 'read',
  MY_NUMBER_REFUSAL_RECORDED: 'create',
  MY_NUMBER_DISPOSED: 'delete',
  MY_NUMBER_DELETION_DUE_LISTED: 'read',
  VAULT_KEK_ROTATED: 'configure',
  VAULT_RATE_LIMIT_EXCEEDED: 'read',
}

export type { AuditResult }
