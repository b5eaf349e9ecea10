import type { Kysely } from 'kysely'
import type { VaultAuditEvent } from '../audit/events.ts'
import type { VaultAudit } from '../audit/vault-audit.ts'
import type { TOperatorContext, TRotateResponse } from '../contract/index.ts'
import type { KeyProvider, WrapContext } from '../crypto/index.ts'
import {
  blindIndexWrapContext,
  hpkePrivateKeyWrapContext,
  rewrapDataKey,
  rewrapKey,
} from '../crypto/index.ts'
import { refuse } from '../service-error.ts'
import { replaceWrapped, staleKeys } from '../store/data-keys.repo.ts'
import { addRewrapped, finishRotation, insertRotation, unfinishedRotation } from '../store/operations.repo.ts'
import type { VaultDatabase } from '../store/schema.ts'
import type { VaultKeyPurpose } from '../store/vault-keys.repo.ts'
import { findKeys, replaceKeyWrapping } from '../store/vault-keys.repo.ts'

export type RotateDeps = {
  db: Kysely<VaultDatabase>
  audit: Pick<VaultAudit, 'append'>
  provider: KeyProvider
  now: () => Date
  newId: () => string
  /** Keys rewrapped per transaction. */
  batchSize?: number
  /** Awaited after each committed batch with the running count (progress, and tests that kill mid-way). */
  onBatch?: (rewrapped: number) => void | Promise<void>
}

/** The tenant id of entries about the vault itself rather than one office. */
export const VAULT_SCOPE_TENANT = 'vault'

let running = false

/**
 * rotate: makes a new KEK version current, then rewraps every data key and the vault's own keys
 * under it, batch by batch, while reads and writes go on: an unwrap uses the KEK version its
 * wrapped key names, so old and new wrappings both open until the last is rewrapped. Each batch
 * commits with the progress row; a rotation cut short (kill -9, power loss) resumes where it
 * stopped when rotate is called again, and finishes the rotation it had started rather than
 * beginning another. A key destroyed meanwhile stays destroyed (compare-and-set on its bytes).
 */
export async function rotate(deps: RotateDeps, context: TOperatorContext): Promise<TRotateResponse> {
  if (running) throw refuse('ROTATION_IN_PROGRESS', 'a rotation is running in this vault')
  running = true
  try {
    const { provider, db } = deps
    let rotation = await unfinishedRotation(db)
    const resumed = rotation !== undefined
    if (rotation === undefined) {
      const target = provider.kekVersion() + 1
      rotation = { id: deps.newId(), targetKekVersion: target, rewrapped: 0, finishedAt: null }
      await insertRotation(db, {
        id: rotation.id,
        targetKekVersion: target,
        startedBy: context.actorId,
        startedAt: deps.now(),
      })
      await deps.audit.append([rotationEntry(context, deps.now())])
    }
    // The progress row is written before the provider rotates: a crash in between resumes here.
    while (provider.kekVersion() < rotation.targetKekVersion) await provider.rotate()
    const target = provider.kekVersion()
    let rewrapped = 0
    let cursor: { tenantId: string; keyId: string; version: number } | undefined
    for (;;) {
      const batch = await staleKeys(db, target, deps.batchSize ?? 500, cursor)
      if (batch.length === 0) break
      let done = 0
      for (const key of batch) {
        const wrapped = await rewrapDataKey(key, provider)
        if (await replaceWrapped(db, key, { wrapped, kekVersion: target })) done++
      }
      await addRewrapped(db, rotation.id, done)
      rewrapped += done
      cursor = batch.at(-1)
      await deps.onBatch?.(rotation.rewrapped + rewrapped)
    }
    rewrapped += await rewrapVaultKeys(db, provider, target)
    await finishRotation(db, rotation.id, deps.now())
    await deps.audit.append([rotationEntry(context, deps.now())])
    return { kekVersion: target, rewrapped: rotation.rewrapped + rewrapped, resumed }
  } finally {
    running = false
  }
}

async function rewrapVaultKeys(
  db: Kysely<VaultDatabase>,
  provider: KeyProvider,
  target: number,
): Promise<number> {
  let count = 0
  const contexts: Record<VaultKeyPurpose, (keyId: string) => WrapContext> = {
    'blind-index-key': (keyId) => blindIndexWrapContext(Number(keyId)),
    'hpke-private-key': (keyId) => hpkePrivateKeyWrapContext(keyId),
  }
  for (const purpose of ['blind-index-key', 'hpke-private-key'] as const) {
    for (const key of await findKeys(db, purpose)) {
      if (key.kekVersion >= target) continue
      const wrapped = await rewrapKey(key.wrapped, contexts[purpose](key.keyId), provider)
      if (await replaceKeyWrapping(db, purpose, key.keyId, key.wrapped, { wrapped, kekVersion: target }))
        count++
    }
  }
  return count
}

function rotationEntry(context: TOperatorContext, at: Date): VaultAuditEvent {
  return {
    type: 'VAULT_KEK_ROTATED',
    tenantId: VAULT_SCOPE_TENANT,
    actorId: context.actorId,
    operation: 'configure',
    result: 'success',
    requestId: context.requestId,
    at: at.getTime(),
  }
}
