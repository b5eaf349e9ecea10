import type { ColumnType, Generated } from 'kysely'
import type { Role } from '../access/access.ts'

/** Tables of migration 0004 (users, assignments, sessions, invitations) as Kysely sees them. */
export type AuthTables = {
  users: UsersTable
  user_client_assignments: UserClientAssignmentsTable
  sessions: SessionsTable
  invitations: InvitationsTable
}

type Timestamp = ColumnType<Date, Date | string, Date | string>

export type UsersTable = {
  id: Generated<string>
  office_id: string
  login_id: string
  display_name: string
  role: Role
  person_id: string | null
  password_hash: string | null
  totp_secret: string | null
  totp_confirmed_at: Timestamp | null
  /** bigint arrives as a string from both drivers. */
  totp_last_step: ColumnType<string | null, number | null, number | null>
  failed_attempts: Generated<number>
  locked_until: Timestamp | null
  activated_at: Timestamp | null
  disabled_at: Timestamp | null
  created_at: ColumnType<Date, never, never>
  updated_at: ColumnType<Date, never, Date | string>
}

export type UserClientAssignmentsTable = {
  office_id: string
  user_id: string
  client_id: string
  created_at: ColumnType<Date, never, never>
}

export type SessionStage = 'totp_required' | 'totp_enrolment' | 'active'

export type SessionEndReason =
  | 'sign_out'
  | 'idle_timeout'
  | 'absolute_timeout'
  | 'stage_timeout'
  | 'rotated'
  | 'user_disabled'
  | 'locked'

export type SessionsTable = {
  id: Generated<string>
  office_id: string
  user_id: string
  token_hash: Uint8Array
  stage: SessionStage
  created_at: Timestamp
  last_seen_at: Timestamp
  authenticated_at: Timestamp | null
  reauthenticated_at: Timestamp | null
  ended_at: Timestamp | null
  end_reason: SessionEndReason | null
}

export type InvitationsTable = {
  id: Generated<string>
  office_id: string
  user_id: string
  token_hash: Uint8Array
  created_by: string | null
  created_at: Timestamp
  expires_at: Timestamp
  accepted_at: Timestamp | null
  revoked_at: Timestamp | null
}
