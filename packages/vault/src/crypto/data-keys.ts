import { createSecretKey, type KeyObject, randomBytes } from 'node:crypto'
import type { KeyProvider, WrapContext } from '../keys/key-provider.ts'
import { kekVersionOf, WRAPPED_KEY_BYTES } from '../keys/wrapped-key.ts'
import { needsId, needsVersion } from './bound-context.ts'

/**
 * Data keys: 256-bit AES keys that seal numbers (envelope.ts), one per (tenant, key id, version),
 * stored only wrapped by the key provider's KEK. The key id is the data key's scope within its
 * tenant: one id per tenant gives per-tenant keys; the subject id gives per-subject keys, whose
 * destruction crypto-shreds one person.
 */
export type DataKeyRef = { tenantId: string; keyId: string; version: number }

/** An unwrapped data key. The KeyObject keeps the bytes out of JavaScript's reach. */
export type DataKey = DataKeyRef & { readonly key: KeyObject }

/** What the store keeps per data key: its identity and the wrapped bytes. */
export type WrappedDataKey = DataKeyRef & { wrapped: Uint8Array }

export function dataKeyWrapContext(ref: DataKeyRef): WrapContext {
  needsId(ref.tenantId, 'tenantId')
  needsId(ref.keyId, 'keyId')
  needsVersion(ref.version, 'version')
  return { purpose: 'data-key', tenantId: ref.tenantId, keyId: ref.keyId, version: ref.version }
}

/** A fresh data key (crypto.randomBytes) and its wrapped form for the store. */
export async function createDataKey(
  provider: KeyProvider,
  ref: DataKeyRef,
): Promise<{ dataKey: DataKey; wrapped: Uint8Array }> {
  const context = dataKeyWrapContext(ref)
  const raw = randomBytes(WRAPPED_KEY_BYTES)
  try {
    const wrapped = await provider.wrap(raw, context)
    return { dataKey: toDataKey(ref, raw), wrapped }
  } finally {
    raw.fill(0)
  }
}

/** KEY_UNWRAP_FAILED unless `row.wrapped` was made for exactly this tenant, key id and version. */
export async function unwrapDataKey(provider: KeyProvider, row: WrappedDataKey): Promise<DataKey> {
  const raw = await provider.unwrap(row.wrapped, dataKeyWrapContext(row))
  try {
    return toDataKey(row, raw)
  } finally {
    raw.fill(0)
  }
}

function toDataKey(ref: DataKeyRef, raw: Uint8Array): DataKey {
  return Object.freeze({
    tenantId: ref.tenantId,
    keyId: ref.keyId,
    version: ref.version,
    key: createSecretKey(raw),
  })
}

/**
 * One step of online KEK rotation: unwraps `wrapped` under the KEK version it names (from
 * `from`) and wraps it again under the current KEK version of `to` (by default the same provider,
 * after `rotate()`; another provider when moving, e.g. from `local` to `pkcs11`).
 *
 * Idempotent, so a rotation killed at any row resumes by running again over every row for which
 * `needsRewrap` holds: a row already under `to`'s current version comes back unchanged. The
 * service writes each result in place of the old bytes; the key inside never changes, so sealed
 * numbers and cached data keys stay valid throughout.
 */
export async function rewrapKey(
  wrapped: Uint8Array,
  context: WrapContext,
  from: KeyProvider,
  to: KeyProvider = from,
): Promise<Uint8Array> {
  if (from === to && !needsRewrap(wrapped, to)) {
    return wrapped
  }
  const raw = await from.unwrap(wrapped, context)
  try {
    return await to.wrap(raw, context)
  } finally {
    raw.fill(0)
  }
}

/** True unless `wrapped` is under `provider`'s current KEK version. KEY_UNWRAP_FAILED if malformed. */
export function needsRewrap(wrapped: Uint8Array, provider: KeyProvider): boolean {
  return kekVersionOf(wrapped) !== provider.kekVersion()
}

/** `rewrapKey` for a data-key row: the new wrapped bytes to store for the same row. */
export function rewrapDataKey(
  row: WrappedDataKey,
  from: KeyProvider,
  to: KeyProvider = from,
): Promise<Uint8Array> {
  return rewrapKey(row.wrapped, dataKeyWrapContext(row), from, to)
}
