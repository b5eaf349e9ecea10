import type { Kysely } from 'kysely'
import type { ApprovalTable, VaultDatabase } from './schema.ts'

/** Dual-control approvals: the only SQL on vault_approvals. */
type Db = Kysely<VaultDatabase>

export type ApprovalRow = ApprovalTable

/** Approvals stay usable this long after they were requested. */
export const APPROVAL_LIFETIME_MS = 24 * 60 * 60_000

export async function insertApprovalRequest(
  db: Db,
  row: Omit<ApprovalRow, 'approved_by' | 'approved_at' | 'used_at'>,
) {
  await db
    .insertInto('vault_approvals')
    .values({ ...row, approved_by: null, approved_at: null, used_at: null })
    .execute()
}

/** The newest open (unapproved, unused, unexpired) request for this subject. */
export async function findOpenRequest(db: Db, tenantId: string, subjectId: string, now: Date) {
  return db
    .selectFrom('vault_approvals')
    .select(['id', 'requested_by', 'client_id'])
    .where('tenant_id', '=', tenantId)
    .where('subject_id', '=', subjectId)
    .where('approved_by', 'is', null)
    .where('used_at', 'is', null)
    .where('requested_at', '>', new Date(now.getTime() - APPROVAL_LIFETIME_MS))
    .orderBy('requested_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function markApproved(db: Db, tenantId: string, id: string, approvedBy: string, at: Date) {
  await db
    .updateTable('vault_approvals')
    .set({ approved_by: approvedBy, approved_at: at })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('approved_by', 'is', null)
    .execute()
}

/**
 * Uses up the approval of exactly this number (blind index) for this subject, requested by
 * `requestedBy` and approved by `approvedBy`; false when there is none. One use only.
 */
export async function consumeApproval(
  db: Db,
  match: {
    tenantId: string
    subjectId: string
    blindIndex: Uint8Array
    requestedBy: string
    approvedBy: string
  },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('vault_approvals')
    .set({ used_at: now })
    .where(
      'id',
      '=',
      db
        .selectFrom('vault_approvals')
        .select('id')
        .where('tenant_id', '=', match.tenantId)
        .where('subject_id', '=', match.subjectId)
        .where('blind_index', '=', match.blindIndex)
        .where('requested_by', '=', match.requestedBy)
        .where('approved_by', '=', match.approvedBy)
        .where('used_at', 'is', null)
        .where('requested_at', '>', new Date(now.getTime() - APPROVAL_LIFETIME_MS))
        .orderBy('requested_at', 'desc')
        .limit(1),
    )
    .where('tenant_id', '=', match.tenantId)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}
