import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe } from 'node:test'
import { AUDIT_MIGRATIONS } from '@mamori/audit/migrations.ts'
import { describeOnEachDatabase } from '@mamori/db/testing'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { buildVaultApp } from './app.ts'
import type { VaultAudit } from './audit/vault-audit.ts'
import { openVaultAudit } from './audit/vault-audit.ts'
import type { TCallContext, TIdentityCheck } from './contract/index.ts'
import type { KeyProvider } from './crypto/index.ts'
import {
  createRecipientKeyPair,
  openLocalKeyProvider,
  openSealedFromVault,
  sealNumberForVault,
} from './crypto/index.ts'
import type { RateLimits } from './limits/rate-limiter.ts'
import { createRateLimiter, DEFAULT_RATE_LIMITS } from './limits/rate-limiter.ts'
import type { NumberCrypto } from './service/number-crypto.ts'
import { openNumberCrypto } from './service/number-crypto.ts'
import type { VaultOperations } from './service/vault-operations.ts'
import { vaultOperations } from './service/vault-operations.ts'
import { VAULT_MIGRATIONS } from './start-vault.ts'
import type { VaultDatabase } from './store/schema.ts'

/**
 * A whole vault for tests on a test database: real key provider (local KEK files in a temporary
 * directory), real audit log, real HTTP app driven by `inject`. Nothing is stubbed.
 */
export type TestVault = {
  app: FastifyInstance
  operations: VaultOperations
  crypto: NumberCrypto
  provider: KeyProvider
  audit: VaultAudit
  directory: string
  token: string
  /** POST with the service token; `auth: false` sends none. */
  post(url: string, body: unknown, options?: { auth?: boolean | string }): Promise<LightMyRequestResponse>
  /** A number sealed on a "device" to this vault for the context's tenant, subject and purpose. */
  seal(number: string, ctx: TCallContext): Promise<{ keyId: string; enc: string; ciphertext: string }>
  /** Integrated audit entries of the given types, oldest first. */
  auditEntries(types?: readonly string[]): Promise<AuditRow[]>
  close(): Promise<void>
}

export type AuditRow = {
  event_type: string
  result: string
  tenant_id: string
  actor_id: string
  subject_id: string | null
  purpose: string | null
  document: string | null
}

export type TestVaultOptions = { rateLimits?: RateLimits; now?: () => Date }

export async function buildTestVault(
  db: Kysely<VaultDatabase>,
  options: TestVaultOptions = {},
): Promise<TestVault> {
  const directory = await mkdtemp(join(tmpdir(), 'mamori-vault-test-'))
  const provider = await openLocalKeyProvider({ directory: join(directory, 'keys') })
  const audit = await openVaultAudit(db, {
    origin: 'mamori.test/vault',
    signingKeyPath: join(directory, 'keys-audit', 'audit.ed25519.pem'),
    witnessPath: join(directory, 'witness', 'vault-audit.log'),
  })
  // One crypto worker: the tests go through the same thread hop as a running vault.
  const crypto = await openNumberCrypto({
    db,
    provider,
    dataKeyCacheMs: 60_000,
    dataKeyCacheSize: 1000,
    cryptoWorkers: 1,
  })
  const operations = vaultOperations({
    db,
    audit,
    crypto,
    provider,
    limiter: createRateLimiter(options.rateLimits ?? DEFAULT_RATE_LIMITS),
    reauthenticationWindowMs: 5 * 60_000,
    ...(options.now === undefined ? {} : { now: options.now }),
  })
  const token = randomBytes(32).toString('base64url')
  const app = await buildVaultApp({ operations, auth: { kind: 'token', token: Buffer.from(token) } })
  return {
    app,
    operations,
    crypto,
    provider,
    audit,
    directory,
    token,
    post: (url, body, { auth = true } = {}) =>
      app.inject({
        method: 'POST',
        url,
        payload: body as object,
        headers: auth === false ? {} : { authorization: `Bearer ${auth === true ? token : auth}` },
      }),
    seal: (number, ctx) => {
      const key = crypto.published()
      return sealNumberForVault(key.publicKey, key.keyId, number, ctx)
    },
    async auditEntries(types) {
      await audit.log.integrate()
      const { rows } =
        await sql<AuditRow>`select event_type, result, tenant_id, actor_id, subject_id, purpose, document
        from audit_entries order by position`.execute(db)
      return types === undefined ? rows : rows.filter((r) => types.includes(r.event_type))
    },
    async close() {
      await app.close()
      await audit.close()
      await crypto.close()
      await provider.close()
      await rm(directory, { recursive: true, force: true })
    },
  }
}

/**
 * Declares `title` on PGlite and on the PostgreSQL server (describeOnEachDatabase), each with a
 * migrated vault database and one TestVault built before its tests and closed after them.
 */
export function describeVault(
  title: string,
  body: (context: { vault: () => TestVault; db: () => Kysely<VaultDatabase> }) => void,
  options: TestVaultOptions = {},
): void {
  describeOnEachDatabase<VaultDatabase>(title, [VAULT_MIGRATIONS, AUDIT_MIGRATIONS], ({ db }) => {
    // Nested, so that the vault closes before the harness drops its database.
    describe('vault', () => {
      let current: TestVault | undefined
      before(async () => {
        current = await buildTestVault(db(), options)
      })
      after(() => current?.close())
      body({
        db,
        vault: () => {
          if (current === undefined) throw new Error('the test vault exists only inside tests')
          return current
        },
      })
    })
  })
}

export function callContext(overrides: Partial<TCallContext> = {}): TCallContext {
  return {
    actorId: randomUUID(),
    tenantId: randomUUID(),
    clientId: randomUUID(),
    subjectId: randomUUID(),
    purpose: 'SOCIAL_INSURANCE_FILING',
    requestId: randomUUID(),
    ...overrides,
  }
}

export function identityCheck(checkedBy: string = randomUUID()): TIdentityCheck {
  return {
    numberCheck: 'MY_NUMBER_CARD',
    identityCheck: 'MY_NUMBER_CARD',
    checkedBy,
    checkedAt: '2026-04-01T10:00:00+09:00',
  }
}

/** A device key pair and a way to open what the vault sealed to it for one request. */
export async function recipient(): Promise<{
  publicKey: string
  open(sealed: { enc: string; ciphertext: string }, tenantId: string, requestId: string): Promise<string>
}> {
  const pair = await createRecipientKeyPair()
  return {
    publicKey: pair.publicKey,
    open: async (sealed, tenantId, requestId) =>
      new TextDecoder().decode(await openSealedFromVault(pair.privateKey, sealed, { tenantId, requestId })),
  }
}
