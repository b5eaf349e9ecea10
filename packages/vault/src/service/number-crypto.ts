import type { Kysely } from 'kysely'
import type {
  DataKey,
  DataKeyRef,
  KeyProvider,
  NumberBinding,
  PublishedVaultKey,
  RecipientBinding,
  SealedForRecipient,
  SealedNumber,
  VaultKeyPair,
  WrappedDataKey,
} from '../crypto/index.ts'
import {
  BLIND_INDEX_KEY_VERSION,
  blindIndexFromRoot,
  createBlindIndex,
  createDataKey,
  createDataKeyCache,
  createVaultKeyPair,
  openBlindIndexRoot,
  openSealedNumber,
  openVaultKeyPair,
  publishVaultKey,
  sealForRecipient,
  vaultRecipientKeys,
} from '../crypto/index.ts'
import type { VaultDatabase } from '../store/schema.ts'
import { findKeys, insertFirstKey } from '../store/vault-keys.repo.ts'
import { createCryptoPool } from './crypto-pool.ts'
import type { DeviceJob, DeviceJobResult } from './device-jobs.ts'

/**
 * What the operations need of the crypto layer (crypto/, keys/), and nothing more: the one seam
 * between the service and the crypto helper's modules, which it composes here.
 */
export type NumberCrypto = {
  /** HPKE-opens a number sealed on a device for `binding`; the result has a valid check digit. */
  openFromDevice(sealed: SealedNumber, binding: NumberBinding): Promise<string>
  /**
   * `openFromDevice` then `blindIndex`, on a crypto worker (crypto-pool.ts); with `seal`, the
   * number is also sealed at rest under that data key (envelope.ts). Only the index and the
   * envelope come back: the number stays with the worker. The same refusals as openFromDevice.
   */
  fromDevice(job: DeviceJob): Promise<DeviceJobResult>
  /** 32 bytes; the same number in the same tenant gives the same index. */
  blindIndex(tenantId: string, number: string): Uint8Array
  /**
   * A fresh data key, wrapped under the current KEK. Not cached: a key whose row never commits (a
   * refused or rolled-back registration) must not shadow the stored key of the same version.
   */
  newDataKey(ref: DataKeyRef): Promise<{ dataKey: DataKey; wrapped: Uint8Array; kekVersion: number }>
  /** Caches a new data key once its row has committed, so its first use does not unwrap it. */
  rememberDataKey(dataKey: DataKey): void
  /** A stored data key, unwrapped (cached for a bounded time). */
  dataKey(row: WrappedDataKey): Promise<DataKey>
  /** Forgets every cached version of a key id (crypto-shred must not leave it usable from memory). */
  forgetDataKey(tenantId: string, keyId: string): void
  /** Seals bytes to a requester's HPKE public key, bound to their request. */
  sealForRecipient(
    publicKey: string,
    bytes: Uint8Array,
    binding: RecipientBinding,
  ): Promise<SealedForRecipient>
  /** The key devices seal numbers to. */
  published(): PublishedVaultKey
  /** Stops the crypto workers and drops every unwrapped key from memory. */
  close(): Promise<void>
}

export type NumberCryptoOptions = {
  db: Kysely<VaultDatabase>
  provider: KeyProvider
  dataKeyCacheMs: number
  dataKeyCacheSize: number
  /** Worker threads for the HPKE opens of register and match (crypto-pool.ts); 0 runs them inline. */
  cryptoWorkers: number
}

/**
 * Opens the vault's keys, creating them on first start: the blind index root key and the HPKE
 * key pair, each stored wrapped by the KEK in vault_keys. Every HPKE key pair on file stays
 * usable for opening (numbers sealed just before a new key was published); the newest is published.
 */
export async function openNumberCrypto(options: NumberCryptoOptions): Promise<NumberCrypto> {
  const { db, provider } = options
  if ((await findKeys(db, 'blind-index-key')).length === 0) {
    const { blindIndex, wrapped } = await createBlindIndex(provider)
    blindIndex.destroy()
    await insertFirstKey(db, 'blind-index-key', {
      keyId: String(BLIND_INDEX_KEY_VERSION),
      wrapped,
      publicKey: null,
      kekVersion: provider.kekVersion(),
    })
  }
  if ((await findKeys(db, 'hpke-private-key')).length === 0) {
    const { stored } = await createVaultKeyPair(provider)
    await insertFirstKey(db, 'hpke-private-key', {
      keyId: stored.keyId,
      wrapped: stored.wrappedPrivateKey,
      publicKey: stored.publicKey,
      kekVersion: provider.kekVersion(),
    })
  }
  const [indexKey] = await findKeys(db, 'blind-index-key')
  const blindIndexRoot = await openBlindIndexRoot(provider, (indexKey as { wrapped: Uint8Array }).wrapped)
  const blindIndex = blindIndexFromRoot(blindIndexRoot)
  const keyPairs: VaultKeyPair[] = []
  for (const stored of await findKeys(db, 'hpke-private-key')) {
    keyPairs.push(
      await openVaultKeyPair(provider, {
        keyId: stored.keyId,
        publicKey: stored.publicKey as string,
        wrappedPrivateKey: stored.wrapped,
      }),
    )
  }
  const current = keyPairs.at(-1) as VaultKeyPair
  const pool = createCryptoPool(
    { recipients: vaultRecipientKeys(keyPairs), blindIndexRoot },
    options.cryptoWorkers,
  )
  const cache = createDataKeyCache({
    provider,
    ttlMs: options.dataKeyCacheMs,
    maxEntries: options.dataKeyCacheSize,
  })

  return {
    openFromDevice: (sealed, binding) => openSealedNumber(keyPairs, sealed, binding),
    fromDevice: (job) => pool.run(job),
    blindIndex: (tenantId, number) => blindIndex.compute(tenantId, number),
    async newDataKey(ref) {
      const { dataKey, wrapped } = await createDataKey(provider, ref)
      return { dataKey, wrapped, kekVersion: provider.kekVersion() }
    },
    rememberDataKey: (dataKey) => cache.put(dataKey),
    dataKey: (row) => cache.get(row),
    forgetDataKey: (tenantId, keyId) => cache.evict({ tenantId, keyId }),
    sealForRecipient: (publicKey, bytes, binding) => sealForRecipient(publicKey, bytes, binding),
    published: () => publishVaultKey(current),
    async close() {
      await pool.close()
      cache.destroy()
      blindIndex.destroy()
    },
  }
}
