export * from '@mamori/vault/contract'
