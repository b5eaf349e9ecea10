/**
 * `openAuditLog`: what a host (the vault, the server) holds while it runs. It loads (or on first
 * start creates) the signing key file, binds the witness file, runs the sequencer in the
 * background so that entries recorded in transactions are integrated and a checkpoint is signed at
 * least every N entries or T milliseconds, and on close integrates what is left and signs a last
 * checkpoint. Each host narrows `Type` to its own closed union of entry types.
 *
 * There is no switch to turn it off: record() and append() either write the entry or throw, and
 * the host's request fails with them.
 */
import type { Kysely, QueryExecutorProvider } from 'kysely'
import { sql } from 'kysely'
import {
  accessesForClient,
  accessesToSubject,
  type ClientAccessOptions,
  type ClientSubjectAccess,
  type SubjectAccess,
  type TimeWindow,
} from './access-queries.ts'
import { createAppender } from './append.ts'
import type { AuditEvent } from './audit-event.ts'
import { summarise } from './client-buckets-store.ts'
import { AuditError } from './errors.ts'
import {
  type ConsistencyProofBundle,
  consistencyProofFor,
  type InclusionProofBundle,
  inclusionProofFor,
} from './inclusion-proof-for.ts'
import { type IntegrateResult, integrate, type SequencerOptions } from './integrate.ts'
import { record, recordAll } from './record.ts'
import { verifierKeyOf } from './sign-checkpoint.ts'
import { formatVerifierKey, type VerifierKey } from './signed-note.ts'
import { openSigningKey } from './signing-key.ts'
import { type VerifyLogReport, verifyLog } from './verify-log.ts'
import { witnessFile } from './witness.ts'

export type AuditLogOptions<DB> = {
  /** The host's database, migrated with AUDIT_MIGRATIONS. */
  db: Kysely<DB>
  /** The log's name: checkpoints' origin and signing key name (host-logs.ts has the hosts'). */
  origin: string
  /** Ed25519 PKCS#8 PEM, outside the database; created (0600 in a 0700 directory) when missing. */
  signingKeyPath: string
  /** The append-only witness file, outside the database. */
  witnessPath: string
  /** Defaults: 1,000 entries, 10,000 ms. */
  checkpointEvery?: { entries?: number; ms?: number }
  /** How often queued entries are integrated; default min(1,000 ms, checkpointEvery.ms). */
  integrateEveryMs?: number
  /** Errors of the background sequencer, for the host's log; it keeps trying at its interval. */
  onError?: (error: unknown) => void
  now?: () => number
}

export type AuditLog<Type extends string = string> = {
  readonly origin: string
  /** The public key verifiers are configured with, and its note form (`name+id+key`). */
  readonly verifierKey: VerifierKey
  readonly verifierKeyText: string
  readonly signingKeyPath: string
  /** True when this open generated the signing key (first start). */
  readonly signingKeyCreated: boolean
  /** In the caller's transaction: the entry commits, or rolls back, with the change it describes. */
  record(trx: QueryExecutorProvider, event: AuditEvent<Type>): Promise<void>
  /** `record` for several entries in one statement; all are validated before any is written. */
  recordAll(trx: QueryExecutorProvider, events: readonly AuditEvent<Type>[]): Promise<void>
  /** Outside any transaction: group commit, resolves with the positions once durable. */
  append(events: readonly AuditEvent<Type>[]): Promise<number[]>
  /**
   * Integrates what is queued now and brings the per-client summary up to it; `checkpoint: true`
   * also signs a checkpoint of the result.
   */
  integrate(options?: { checkpoint?: boolean }): Promise<IntegrateResult>
  inclusionProof(position: number, treeSize?: number): Promise<InclusionProofBundle>
  consistencyProof(olderSize: number, newerSize: number): Promise<ConsistencyProofBundle>
  verify(options?: { batchSize?: number; summaries?: boolean }): Promise<VerifyLogReport>
  accessesToSubject(tenantId: string, subjectId: string, window: TimeWindow): Promise<SubjectAccess[]>
  accessesForClient(
    tenantId: string,
    clientId: string,
    window: TimeWindow,
    options?: ClientAccessOptions,
  ): Promise<ClientSubjectAccess[]>
  /** Stops the background sequencer, integrates what is queued and signs a last checkpoint. */
  close(): Promise<void>
}

const DEFAULT_INTEGRATE_EVERY_MS = 1000

export async function openAuditLog<Type extends string, DB = unknown>(
  options: AuditLogOptions<DB>,
): Promise<AuditLog<Type>> {
  const { db } = options
  await requireMigrated(db)
  const key = await openSigningKey(options.signingKeyPath, options.origin, { create: true })
  const verifierKey = verifierKeyOf(key.signer)
  const witness = witnessFile(options.witnessPath)
  const sequencer: SequencerOptions = {
    signer: key.signer,
    witness,
    ...(options.checkpointEvery === undefined ? {} : { checkpointEvery: options.checkpointEvery }),
    ...(options.now === undefined ? {} : { now: options.now }),
  }
  const appender = createAppender(db, sequencer)
  const every =
    options.integrateEveryMs ?? Math.min(DEFAULT_INTEGRATE_EVERY_MS, options.checkpointEvery?.ms ?? Infinity)

  // The per-client summary follows the log; appends never wait on it (client-buckets-store.ts).
  const integrateAndSummarise = async (extra: { forceCheckpoint?: boolean }): Promise<IntegrateResult> => {
    const result = await integrate(db, { ...sequencer, ...extra })
    await summarise(db)
    return result
  }
  // One integration at a time from this process; the advisory lock orders it against others.
  let running: Promise<unknown> = Promise.resolve()
  const serially = <T>(run: () => Promise<T>): Promise<T> => {
    const result = running.then(run)
    running = result.catch(() => undefined)
    return result
  }
  let timer: NodeJS.Timeout | undefined
  let closed = false
  const tick = () => {
    timer = undefined
    void serially(() => integrateAndSummarise({}))
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        if (!closed) schedule()
      })
  }
  const schedule = () => {
    timer = setTimeout(tick, every)
    // The log never keeps its host alive: the host decides when to stop, then calls close().
    timer.unref()
  }
  schedule()

  return {
    origin: options.origin,
    verifierKey,
    verifierKeyText: await formatVerifierKey(verifierKey),
    signingKeyPath: key.path,
    signingKeyCreated: key.created,
    record: (trx, event) => record(trx, event),
    recordAll: (trx, events) => recordAll(trx, events),
    append: (events) => appender.append(events),
    integrate: (opts = {}) =>
      serially(() => integrateAndSummarise({ forceCheckpoint: opts.checkpoint === true })),
    inclusionProof: (position, treeSize) => inclusionProofFor(db, position, treeSize),
    consistencyProof: (olderSize, newerSize) => consistencyProofFor(db, olderSize, newerSize),
    verify: (opts = {}) => verifyLog(db, { verifierKey, witness, ...opts }),
    accessesToSubject: (tenantId, subjectId, window) => accessesToSubject(db, tenantId, subjectId, window),
    accessesForClient: (tenantId, clientId, window, opts) =>
      accessesForClient(db, tenantId, clientId, window, opts),
    async close() {
      if (closed) return
      closed = true
      if (timer !== undefined) clearTimeout(timer)
      await serially(() => integrateAndSummarise({ forceCheckpoint: true }))
    },
  }
}

export type AuditLogReader = Pick<
  AuditLog,
  'origin' | 'verifierKey' | 'verifierKeyText' | 'inclusionProof' | 'consistencyProof' | 'verify'
>

/**
 * For `mamori audit verify|proof`: the log without its sequencer. Loads the signing key only to
 * derive the public key and never creates one (SIGNING_KEY_MISSING); writes nothing.
 */
export async function openAuditLogReader(
  options: Pick<AuditLogOptions<unknown>, 'origin' | 'signingKeyPath' | 'witnessPath'> & {
    db: QueryExecutorProvider
  },
): Promise<AuditLogReader> {
  const { db } = options
  await requireMigrated(db)
  const key = await openSigningKey(options.signingKeyPath, options.origin, { create: false })
  const verifierKey = verifierKeyOf(key.signer)
  const witness = witnessFile(options.witnessPath)
  return {
    origin: options.origin,
    verifierKey,
    verifierKeyText: await formatVerifierKey(verifierKey),
    inclusionProof: (position, treeSize) => inclusionProofFor(db, position, treeSize),
    consistencyProof: (olderSize, newerSize) => consistencyProofFor(db, olderSize, newerSize),
    verify: (opts = {}) => verifyLog(db, { verifierKey, witness, ...opts }),
  }
}

async function requireMigrated(db: QueryExecutorProvider): Promise<void> {
  const { rows } = await sql<{ found: string | null }>`
    select to_regclass('audit_tree_state')::text as found`.execute(db)
  if (rows[0]?.found == null) {
    throw new AuditError({
      code: 'LOG_NOT_MIGRATED',
      message: 'the audit log tables are missing: apply AUDIT_MIGRATIONS first',
      messageJa: '監査ログの表がデータベースにありません。監査ログのマイグレーションを適用してください。',
    })
  }
}
