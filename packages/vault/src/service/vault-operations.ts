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
import type { PreparedMatch } from '../ops/match.ts'
import { match, matchBatch } from '../ops/match.ts'
import { merge } from '../ops/merge.ts'
import { recordRefusal } from '../ops/refusal.ts'
import { register } from '../ops/register.ts'
import type { PreparedRegistration } from '../ops/register-batch.ts'
import { registerBatch, registrationKeys } from '../ops/register-batch.ts'
import { reveal } from '../ops/reveal.ts'
import { rotate } from '../ops/rotate.ts'
import { status } from '../ops/status.ts'
import type { VaultDatabase } from '../store/schema.ts'
import type { NumberCrypto } from './number-crypto.ts'
import { createWriteBatcher } from './write-batcher.ts'

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
  /** Group commit of register and match (write-batcher.ts); defaults in DEFAULT_BATCHING. */
  batching?: Batching
  now?: () => Date
}

export type Batching = { maxItems: number; concurrency: number }

/**
 * Up to 256 requests a batch (a few milliseconds of database work), at most 3 batches at once:
 * one committing, one being written, one gathering while both wait, within a pool of 10.
 */
export const DEFAULT_BATCHING: Batching = { maxItems: 256, concurrency: 3 }

export function vaultOperations(deps: VaultOperationDeps): VaultOperations {
  const base = { ...deps, now: deps.now ?? (() => new Date()), newId: randomUUID }
  const batching = deps.batching ?? DEFAULT_BATCHING
  const common = {
    ...base,
    registrations: createWriteBatcher({
      ...batching,
      run: (items: readonly PreparedRegistration[]) => registerBatch(base, items),
      keysOf: registrationKeys,
    }),
    matches: createWriteBatcher({
      ...batching,
      run: (items: readonly PreparedMatch[]) => matchBatch(base, items),
    }),
  }
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
