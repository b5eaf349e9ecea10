export type {
  NumberBinding,
  RecipientBinding,
  SealedForRecipient,
  SealedNumber,
  TApproveRequest,
  TCallContext,
  TDeleteClientRequest,
  TDeleteRequest,
  TDeletionDueRequest,
  THealthReportResponse,
  TIdentityCheck,
  TMatchRequest,
  TMergeRequest,
  TPublicKeyResponse,
  TRefusalRequest,
  TRegisterRequest,
  TRevealRequest,
  TRotateRequest,
  TStatusRequest,
  TStatusResponse,
  TVaultErrorBody,
} from '@mamori/vault/contract'
/** Device side: seal a number to the vault's key before it leaves; open what the vault sealed to us. */
export { createRecipientKeyPair, openSealedFromVault, sealNumberForVault } from '@mamori/vault/contract'
export type { VaultClient, VaultClientOptions } from './vault-client.ts'
export { createVaultClient } from './vault-client.ts'
export { VaultClientError } from './vault-client-error.ts'
