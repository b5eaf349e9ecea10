import { createHmac, createSecretKey, hkdfSync, type KeyObject, randomBytes } from 'node:crypto'
import { isValidMyNumber } from '@mamori/rules/mynumber/check-digit.ts'
import type { KeyProvider, WrapContext } from '../keys/key-provider.ts'
import { WRAPPED_KEY_BYTES } from '../keys/wrapped-key.ts'
import { needs } from '../needs.ts'
import { encodeBoundContext, needsId, needsVersion } from './bound-context.ts'

/**
 * The blind index: HMAC-SHA-256 over a normalised 12-digit number, so the vault finds the same
 * number on two people of a tenant (duplicate detection, dual control) without decrypting.
 *
 * Its root key is its own 256-bit key, not the KEK and not a data key, stored wrapped by the KEK
 * (wrap purpose 'blind-index-key'). Each tenant's HMAC key is HKDF-SHA-256 (RFC 5869) of the root
 * with info = bound context (label, tenant id): the same number in two tenants gives unrelated
 * indexes, so rows cannot be joined across tenants.
 *
 * Limit: a My Number has only 10^11 possible values. Whoever holds a tenant's HMAC key can test
 * them all; the index protects the numbers only while the root key stays wrapped.
 */
export type BlindIndex = {
  /** 32 bytes. Precondition: `number` is a valid 12-digit My Number. */
  compute(tenantId: string, number: string): Uint8Array
  /** Drops the root and derived keys; later calls are refused (ARGUMENT_INVALID). */
  destroy(): void
}

export const BLIND_INDEX_KEY_VERSION = 1
const TENANT_KEY_LABEL = 'mamori/vault/blind-index/tenant-key/v1'
const INPUT_LABEL = 'mamori/vault/blind-index/my-number/v1'
const MAX_TENANT_KEYS = 10_000

/** A fresh root key, and its wrapped form for the vault to keep (a file or its database). */
export async function createBlindIndex(
  provider: KeyProvider,
  version = BLIND_INDEX_KEY_VERSION,
): Promise<{ blindIndex: BlindIndex; wrapped: Uint8Array }> {
  const raw = randomBytes(WRAPPED_KEY_BYTES)
  try {
    const wrapped = await provider.wrap(raw, blindIndexWrapContext(version))
    return { blindIndex: blindIndexFromRoot(createSecretKey(raw)), wrapped }
  } finally {
    raw.fill(0)
  }
}

/** Unwraps a stored root key (KEY_UNWRAP_FAILED if it is not one). */
export async function openBlindIndex(
  provider: KeyProvider,
  wrapped: Uint8Array,
  version = BLIND_INDEX_KEY_VERSION,
): Promise<BlindIndex> {
  return blindIndexFromRoot(await openBlindIndexRoot(provider, wrapped, version))
}

/**
 * The unwrapped root key as a KeyObject, for the vault's crypto workers (service/crypto-pool.ts),
 * which each build their own BlindIndex from it with `blindIndexFromRoot`: a KeyObject crosses to
 * a worker thread as a handle to the same key, its bytes never in JavaScript.
 */
export async function openBlindIndexRoot(
  provider: KeyProvider,
  wrapped: Uint8Array,
  version = BLIND_INDEX_KEY_VERSION,
): Promise<KeyObject> {
  const raw = await provider.unwrap(wrapped, blindIndexWrapContext(version))
  try {
    return createSecretKey(raw)
  } finally {
    raw.fill(0)
  }
}

export function blindIndexWrapContext(version = BLIND_INDEX_KEY_VERSION): WrapContext {
  needsVersion(version, 'version')
  return { purpose: 'blind-index-key', version }
}

/** The blind index keyed by an unwrapped root key (openBlindIndexRoot). */
export function blindIndexFromRoot(root: KeyObject): BlindIndex {
  let destroyed = false
  const tenantKeys = new Map<string, KeyObject>()

  const tenantKey = (tenantId: string): KeyObject => {
    const cached = tenantKeys.get(tenantId)
    if (cached !== undefined) {
      return cached
    }
    const derived = Buffer.from(
      hkdfSync('sha256', root, new Uint8Array(0), encodeBoundContext(TENANT_KEY_LABEL, [tenantId]), 32),
    )
    const key = createSecretKey(derived)
    derived.fill(0)
    if (tenantKeys.size >= MAX_TENANT_KEYS) {
      tenantKeys.delete(tenantKeys.keys().next().value as string)
    }
    tenantKeys.set(tenantId, key)
    return key
  }

  return {
    compute(tenantId: string, number: string): Uint8Array {
      needs(!destroyed, 'the blind index is destroyed')
      needsId(tenantId, 'tenantId')
      needs(isValidMyNumber(number), 'only a valid 12-digit My Number is indexed', 'number')
      return createHmac('sha256', tenantKey(tenantId))
        .update(encodeBoundContext(INPUT_LABEL, [number]))
        .digest()
    },
    destroy(): void {
      destroyed = true
      tenantKeys.clear()
    },
  }
}
