import type { Generated } from 'kysely'

/** The vault database's tables (migrations/0001_vault-store.sql), as Kysely sees them. */
export type VaultDatabase = {
  vault_keys: VaultKeyTable
  vault_data_keys: DataKeyTable
  vault_sealed_numbers: SealedNumberTable
  vault_approvals: ApprovalTable
  vault_refusals: RefusalTable
  vault_disposals: DisposalTable
  vault_rotations: RotationTable
  vault_alarms: AlarmTable
}

export type VaultKeyTable = {
  purpose: 'blind-index-key' | 'hpke-private-key'
  key_id: string
  wrapped: Uint8Array
  public_key: string | null
  kek_version: number
  created_at: Generated<Date>
}

export type DataKeyTable = {
  tenant_id: string
  key_id: string
  client_id: string
  version: number
  wrapped: Uint8Array | null
  kek_version: number
  created_at: Generated<Date>
  destroyed_at: Date | null
}

export type SealedNumberTable = {
  tenant_id: string
  subject_id: string
  client_id: string
  envelope: Uint8Array
  key_version: number
  blind_index: Uint8Array
  registered_by: string
  registered_at: Date
  request_id: string
  approved_by: string | null
  number_check: string
  identity_check: string
  checked_by: string
  checked_at: Date
}

export type ApprovalTable = {
  id: string
  tenant_id: string
  client_id: string
  subject_id: string
  blind_index: Uint8Array
  requested_by: string
  requested_at: Date
  approved_by: string | null
  approved_at: Date | null
  used_at: Date | null
}

export type RefusalTable = {
  id: string
  tenant_id: string
  client_id: string
  subject_id: string
  requested_at: Date
  method: string
  answer: string
  recorded_by: string
  recorded_at: Date
  request_id: string
}

export type DisposalTable = {
  id: string
  tenant_id: string
  client_id: string
  subject_id: string
  scope: 'SUBJECT' | 'CLIENT'
  reason: string
  method: string
  disposed_by: string
  disposed_at: Date
  request_id: string
}

export type RotationTable = {
  id: string
  target_kek_version: number
  started_by: string
  started_at: Date
  rewrapped: Generated<number>
  finished_at: Date | null
}

export type AlarmTable = {
  id: Generated<string>
  tenant_id: string
  actor_id: string
  operation: string
  scope: 'ACTOR' | 'TENANT'
  raised_at: Date
}
