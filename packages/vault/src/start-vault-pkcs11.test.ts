import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { withDatabaseName } from '@mamori/db'
import { testBackends } from '@mamori/db/testing'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import { createVaultClient, sealNumberForVault } from '@mamori/vault-client'
import pg from 'pg'
import { loadVaultConfig } from './config.ts'
import { ServiceError } from './service-error.ts'
import { startVault } from './start-vault.ts'
import { identityCheck } from './test-vault.ts'

const library = '/usr/lib/softhsm/libsofthsm2.so'
const skip = existsSync(library)
  ? false
  : `${library} is missing: install the softhsm2 package to run these tests`
const numbers = createSyntheticGenerator('vault-pkcs11-start')

describe('the vault started with MAMORI_VAULT_KEY_PROVIDER=pkcs11 (SoftHSM2)', { skip }, () => {
  let home: string
  const tokenLabel = 'mamori-vault-start'
  // The key provider is the point here, not the database: the test server when there is one
  // (PGlite would spend most of the test creating itself), else PGlite.
  const server = testBackends().find((b) => b.name === 'postgres' && b.skip === false)
  const databaseName = `mamori_vault_pkcs11_${process.pid}`
  let databaseUrl: string | undefined

  before(async () => {
    home = await mkdtemp(join(tmpdir(), 'mamori-vault-pkcs11-'))
    await mkdir(join(home, 'tokens'), { mode: 0o700 })
    await writeFile(
      join(home, 'softhsm2.conf'),
      `directories.tokendir = ${join(home, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`,
    )
    // SoftHSM2 reads its configuration at C_Initialize: a throwaway token directory.
    process.env.SOFTHSM2_CONF = join(home, 'softhsm2.conf')
    execFileSync(
      'softhsm2-util',
      ['--init-token', '--free', '--label', tokenLabel, '--so-pin', '582016', '--pin', '739184'],
      { stdio: 'ignore' },
    )
    await writeFile(join(home, 'pin'), '739184\n', { mode: 0o600 })
    if (server !== undefined && server.name === 'postgres' && server.skip === false) {
      await adminQuery(server.url, `create database ${databaseName}`)
      databaseUrl = withDatabaseName(server.url, databaseName)
    }
  })
  after(async () => {
    if (databaseUrl !== undefined && server?.name === 'postgres' && server.skip === false) {
      await adminQuery(server.url, `drop database if exists ${databaseName} with (force)`)
    }
    await rm(home, { recursive: true, force: true })
  })

  const env = (dataDir: string, pinFile = join(home, 'pin')) => ({
    MAMORI_DATA_DIR: dataDir,
    MAMORI_VAULT_LOG_LEVEL: 'silent',
    MAMORI_VAULT_KEY_PROVIDER: 'pkcs11',
    MAMORI_VAULT_PKCS11_LIBRARY: library,
    MAMORI_VAULT_PKCS11_TOKEN_LABEL: tokenLabel,
    MAMORI_VAULT_PKCS11_PIN_FILE: pinFile,
    ...(databaseUrl === undefined ? {} : { MAMORI_VAULT_DATABASE_URL: databaseUrl }),
  })

  test('numbers registered under the KEK on the token are matched after a restart; no KEK file is written', async () => {
    const dataDir = join(home, 'data')
    const ctx = {
      actorId: randomUUID(),
      tenantId: randomUUID(),
      clientId: randomUUID(),
      subjectId: randomUUID(),
      purpose: 'SOCIAL_INSURANCE_FILING',
      requestId: randomUUID(),
    }
    const number = numbers.myNumber()
    const session = async <T>(use: (client: ReturnType<typeof createVaultClient>) => Promise<T>) => {
      const vault = await startVault(loadVaultConfig(env(dataDir), home))
      const client = createVaultClient({
        transport: 'socket',
        socketPath: vault.socketPath as string,
        serviceToken: (await readFile(vault.serviceTokenPath, 'utf8')).trim(),
      })
      try {
        return await use(client)
      } finally {
        client.close()
        await vault.close()
      }
    }
    await session(async (client) => {
      const { keyId, publicKey } = await client.publicKey()
      const sealed = await sealNumberForVault(publicKey, keyId, number, ctx)
      await client.register({ context: ctx, sealed, identityCheck: identityCheck() })
    })
    assert.equal(existsSync(join(dataDir, 'vault', 'keys')), false, 'the local KEK directory was not made')
    const matched = await session(async (client) => {
      const { keyId, publicKey } = await client.publicKey()
      const candidate = await sealNumberForVault(publicKey, keyId, number, ctx)
      return client.match({ context: { ...ctx, requestId: randomUUID() }, candidate })
    })
    assert.deepEqual(matched, { matches: true })
  })

  test('a PIN file others can read is refused with CONFIG_INVALID naming it', async () => {
    const loose = join(home, 'loose-pin')
    await writeFile(loose, '739184\n', { mode: 0o644 })
    await assert.rejects(
      startVault(loadVaultConfig(env(join(home, 'data-loose'), loose), home)),
      (e: unknown) =>
        e instanceof ServiceError &&
        e.code === 'CONFIG_INVALID' &&
        e.field === 'MAMORI_VAULT_PKCS11_PIN_FILE',
    )
  })

  test('pkcs11 without its library, token and PIN file is refused with CONFIG_INVALID naming each', () => {
    assert.throws(
      () => loadVaultConfig({ MAMORI_VAULT_KEY_PROVIDER: 'pkcs11' }, home),
      (e: unknown) =>
        e instanceof ServiceError &&
        e.code === 'CONFIG_INVALID' &&
        [
          'MAMORI_VAULT_PKCS11_LIBRARY',
          'MAMORI_VAULT_PKCS11_TOKEN_LABEL',
          'MAMORI_VAULT_PKCS11_PIN_FILE',
        ].every((f) => e.messageJa.includes(f)),
    )
  })
})

async function adminQuery(url: string, text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(text)
  } finally {
    await admin.end()
  }
}
