/**
 * The vault's cryptography and key providers: the one entry the service imports. README.md in
 * this folder gives the layouts, algorithms, key hierarchy and what is cached for how long.
 */
export type {
  NumberBinding,
  RecipientBinding,
  SealedForRecipient,
  SealedNumber,
} from '../contract/hpke-seal.ts'
export {
  createRecipientKeyPair,
  openSealedFromVault,
  sealNumberForVault,
  VAULT_HPKE_SUITE,
} from '../contract/hpke-seal.ts'
export type { VaultErrorCode } from '../errors.ts'
export { isVaultError, VaultError } from '../errors.ts'
export type {
  KeyProvider,
  KeyProviderDescription,
  KeyProviderKind,
  WrapContext,
} from '../keys/key-provider.ts'
export type { LocalKeyProviderOptions } from '../keys/local-file.ts'
export { openLocalKeyProvider } from '../keys/local-file.ts'
export type { Pkcs11KeyProviderOptions } from '../keys/pkcs11.ts'
export { DEFAULT_KEK_LABEL, openPkcs11KeyProvider } from '../keys/pkcs11.ts'
export { kekVersionOf } from '../keys/wrapped-key.ts'
export type { BlindIndex } from './blind-index.ts'
export {
  BLIND_INDEX_KEY_VERSION,
  blindIndexFromRoot,
  blindIndexWrapContext,
  createBlindIndex,
  openBlindIndex,
  openBlindIndexRoot,
} from './blind-index.ts'
export type { DataKeyCache, DataKeyCacheOptions } from './data-key-cache.ts'
export {
  createDataKeyCache,
  DEFAULT_DATA_KEY_CACHE_ENTRIES,
  DEFAULT_DATA_KEY_TTL_MS,
} from './data-key-cache.ts'
export type { DataKey, DataKeyRef, WrappedDataKey } from './data-keys.ts'
export {
  createDataKey,
  dataKeyWrapContext,
  needsRewrap,
  rewrapDataKey,
  rewrapKey,
  unwrapDataKey,
} from './data-keys.ts'
export type { SealContext } from './envelope.ts'
export { dataKeyVersionOf, openNumber, openValue, SEALED_FORMAT, sealNumber, sealValue } from './envelope.ts'
export type { PublishedVaultKey, StoredVaultKeyPair, VaultKeyPair, VaultRecipientKeys } from './hpke.ts'
export {
  createVaultKeyPair,
  hpkePrivateKeyWrapContext,
  hpkeRecipients,
  openSealedNumber,
  openSealedNumberWith,
  openVaultKeyPair,
  publishVaultKey,
  sealForRecipient,
  vaultRecipientKeys,
} from './hpke.ts'
export type { HpkeRecipientKey } from './hpke-base.ts'
