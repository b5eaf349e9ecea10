/**
 * Shared by the storage tests: a throwaway signing key, a witness in a temporary directory
 * (removed after the file's tests), synthetic events (ids only, nothing real), a way to empty
 * the log between tests, and entries as readEntryBatch's query writes them.
 */
import { generateKeyPairSync } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after } from 'node:test'
import type { QueryExecutorProvider } from 'kysely'
import { sql } from 'kysely'
import type { AuditEvent } from './audit-event.ts'
import { type BatchText, createBatchLeafHasher } from './batch-leaf-hashes.ts'
import type { SequencerOptions } from './integrate.ts'
import type { CheckpointSigner } from './sign-checkpoint.ts'
import type { StoredEntry } from './stored-entry.ts'
import { witnessFile } from './witness.ts'

export const TEST_LOG = 'mamori.test/audit'

export function testSigner(name = TEST_LOG): CheckpointSigner {
  return { name, privateKey: generateKeyPairSync('ed25519').privateKey }
}

const directories: string[] = []
after(() => Promise.all(directories.map((d) => rm(d, { recursive: true, force: true }))))

/** A temporary directory, removed when the test file's tests are done. */
export async function testDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'mamori-audit-'))
  directories.push(directory)
  return directory
}

export async function testSequencer(
  signer: CheckpointSigner,
  checkpointEvery: SequencerOptions['checkpointEvery'] = { entries: 8, ms: 3_600_000 },
): Promise<SequencerOptions & { witnessPath: string }> {
  const witnessPath = join(await testDirectory(), 'witness', 'audit.log')
  return { signer, witness: witnessFile(witnessPath), checkpointEvery, witnessPath }
}

export function syntheticEvent(i: number, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    type: 'EMPLOYEE_READ',
    at: Date.UTC(2026, 0, 1) + i * 60_000,
    tenantId: 'office_1',
    actorId: `user_${i % 3}`,
    clientId: `client_${i % 2}`,
    subjectId: `person_${i % 5}`,
    operation: 'read',
    result: 'success',
    purpose: 'social_insurance',
    document: 'kenpo_shikaku_shutoku',
    requestId: `req_${i}`,
    fields: ['address', 'birthDate'],
    ...overrides,
  }
}

export async function resetLog(db: QueryExecutorProvider): Promise<void> {
  await sql`truncate audit_entries, audit_tree_nodes, audit_checkpoints, audit_queue, audit_client_buckets`.execute(
    db,
  )
  await sql`update audit_tree_state set size = 0, frontier = '', last_checkpoint_size = 0,
    last_checkpoint_at = null where id = 1`.execute(db)
  await sql`update audit_summary_state set size = 0 where id = 1`.execute(db)
}

const NULL_MARK = '\x1d'

/** The columns as readEntryBatch's query writes them for a stored entry of plain values. */
function columnsOf(e: StoredEntry): string[] {
  const optional = (value: string | null) => value ?? NULL_MARK
  return [
    e.actorId,
    String(e.at),
    optional(e.clientId),
    optional(e.document),
    e.fields === null ? NULL_MARK : `{${e.fields.join(',')}}`,
    e.operation,
    optional(e.purpose),
    optional(e.requestId),
    e.result,
    optional(e.subjectId),
    e.tenantId,
    e.type,
  ]
}

/** A batch of stored entries of plain values, from position `from`, as readEntryBatch reads it. */
export function batchTextOf(entries: readonly StoredEntry[], from: number): BatchText {
  const keys = ['clientId', 'document', 'fields', 'purpose', 'requestId', 'subjectId'] as const
  return {
    from,
    count: entries.length,
    text: new TextEncoder().encode(entries.map((e) => columnsOf(e).join('\x1f')).join('\x1e')),
    present: entries.reduce((n, e) => n + keys.filter((k) => e[k] !== null).length, 0),
  }
}

const hasher = createBatchLeafHasher()

/** Every leaf createBatchLeafHasher gives for the batch, or undefined when it refuses the batch. */
export function rebuiltLeaves(batch: BatchText): string[] | undefined {
  const leaves: string[] = []
  return hasher(batch, (leaf, i) => leaves.push(leaf) === i + 1) ? leaves : undefined
}
