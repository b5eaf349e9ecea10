import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { VaultAudit } from '../audit/vault-audit.ts'
import type * as C from '../contract/index.ts'
import type { KeyProvider } from '../crypto/index.ts'
import type { RateLimiter } from '../limits/rate-limiter.ts'
import { approve } from '../ops/approve.ts'
import { deleteClient, deleteSubject } from '../ops/delete-subject.ts'
import { listDeletionDue } from '../ops/deletion-due.ts'
import { healthReport } from '../ops/health-report.ts'
import { match } from '../ops/match.ts'
import { merge } from '../ops/merge.ts'
import { recordRefusal } from '../ops/refusal.ts'
import { register } from '../ops/register.ts'
import { reveal } from '../ops/reveal.ts'
import { rotate } from '../ops/rotate.ts'
import { status } from '../ops/status.ts'
import type { VaultDatabase } from '../store/schema.ts'
import type { NumberCrypto } from './number-crypto.ts'

/** Every operation of the vault, wired once to its dependencies; the routes call these and nothing else. */
export type VaultOperations = {
  register(input: C.TRegisterRequest): Promise<C.TRegisterResponse>
  approve(input: C.TApproveRequest): Promise<C.TApproveResponse>
  status(input: C.TStatusRequest): Promise<C.TStatusResponse>
  match(input: C.TMatchRequest): Promise<C.TMatchResponse>
  merge(input: C.TMergeRequest): Promise<C.TMergeResponse>
  reveal(input: C.TRevealRequest): Promise<C.TRevealResponse>
  refusal(input: C.TRefusalRequest): Promise<C.TRefusalResponse>
  delete(input: C.TDeleteRequest): Promise<C.TDeleteResponse>
  deleteClient(input: C.TDeleteClientRequest): Promise<C.TDeleteClientResponse>
  deletionDue(input: C.TDeletionDueRequest): Promise<C.TDeletionDueResponse>
  rotate(input: C.TRotateRequest): Promise<C.TRotateResponse>
  publicKey(): C.TPublicKeyResponse
  healthReport(): Promise<C.THealthReportResponse>
}

export type VaultOperationDeps = {
  db: Kysely<VaultDatabase>
  audit: VaultAudit
  crypto: NumberCrypto
  provider: KeyProvider
  limiter: RateLimiter
  reauthenticationWindowMs: number
  now?: () => Date
}

export function vaultOperations(deps: VaultOperationDeps): VaultOperations {
  const common = { ...deps, now: deps.now ?? (() => new Date()), newId: randomUUID }
  return {
    register: (input) => register(common, input),
    approve: (input) => approve(common, input),
    status: (input) => status(common, input),
    match: (input) => match(common, input),
    merge: (input) => merge(common, input),
    reveal: (input) => reveal(common, input),
    refusal: (input) => recordRefusal(common, input),
    delete: (input) => deleteSubject(common, input),
    deleteClient: (input) => deleteClient(common, input),
    deletionDue: (input) => listDeletionDue(common, input),
    rotate: (input) => rotate(common, input.context),
    publicKey: () => deps.crypto.published(),
    healthReport: () => healthReport(common),
  }
}
