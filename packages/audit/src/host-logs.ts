/**
 * Where each host keeps its log's signing key and witness, and the log's name (the checkpoints'
 * origin), so that the service writing a log and `mamori audit verify` reading it agree without
 * importing each other. The origin is part of every signature: changing it orphans the log.
 *
 *   server  data/keys/audit-server.ed25519.pem   data/witness/server-audit.log   origin audit-server
 *   vault   data/keys/audit-vault.ed25519.pem    data/witness/vault-audit.log    origin audit-vault
 */
import { join } from 'node:path'
import { signingKeyFileName } from './signing-key.ts'

export type AuditHost = 'server' | 'vault'

export type HostLogFiles = { origin: string; signingKeyPath: string; witnessPath: string }

export const AUDIT_LOG_ORIGINS: Readonly<Record<AuditHost, string>> = {
  server: 'audit-server',
  vault: 'audit-vault',
}

/** `keysDir` and `witnessDir` are the data directory's `keys` and `witness` folders. */
export function hostLogFiles(host: AuditHost, keysDir: string, witnessDir: string): HostLogFiles {
  const origin = AUDIT_LOG_ORIGINS[host]
  return {
    origin,
    signingKeyPath: join(keysDir, signingKeyFileName(origin)),
    witnessPath: join(witnessDir, `${host}-audit.log`),
  }
}
