import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import { loadServerConfig } from '@mamori/server'
import { createVaultClient, sealNumberForVault, VaultClientError } from '@mamori/vault-client'
import { startVaultProcess } from '../vault-process.ts'
import { checkVault } from './doctor-vault-check.ts'

test('mamori doctor reports a stopped vault as information, and a rate-limit alarm of a running one as a problem', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'mamori-doctor-vault-'))
  t.after(() => rm(dataDir, { recursive: true, force: true }))
  const env = {
    MAMORI_DATA_DIR: dataDir,
    MAMORI_VAULT_LIMIT_MATCH_ACTOR: '1',
    MAMORI_VAULT_LOG_LEVEL: 'warn',
  }
  const config = loadServerConfig(env, dataDir)

  const stopped = await checkVault(config, env, dataDir)
  assert.deepEqual(
    stopped.map((c) => c.status),
    ['info'],
  )

  const vault = await startVaultProcess({ PATH: process.env.PATH, ...env }, dataDir, () => {})
  t.after(() => vault.stop())
  const healthy = await checkVault(config, env, dataDir)
  assert.deepEqual(
    healthy.map((c) => [c.status, c.label]),
    [['ok', '個人番号の金庫']],
  )

  const serviceToken = (await readFile(join(dataDir, 'keys', 'vault-service.token'), 'utf8')).trim()
  const client = createVaultClient({
    transport: 'socket',
    socketPath: join(dataDir, 'run', 'vault.sock'),
    serviceToken,
  })
  t.after(() => client.close())
  const key = await client.publicKey()
  const context = {
    actorId: crypto.randomUUID(),
    tenantId: crypto.randomUUID(),
    clientId: crypto.randomUUID(),
    subjectId: crypto.randomUUID(),
    purpose: 'WITHHOLDING_SLIP',
    requestId: crypto.randomUUID(),
  }
  const number = createSyntheticGenerator('doctor-vault').myNumber()
  const candidate = () => sealNumberForVault(key.publicKey, key.keyId, number, context)
  // Nobody is registered: the first match is refused on its merits, and still counts against the limit.
  await assert.rejects(
    client.match({ context, candidate: await candidate() }),
    (error: unknown) => error instanceof VaultClientError && error.code === 'NOT_REGISTERED',
  )
  await assert.rejects(
    client.match({ context: { ...context, requestId: crypto.randomUUID() }, candidate: await candidate() }),
    (error: unknown) => error instanceof VaultClientError && error.code === 'RATE_LIMITED',
  )

  const alarmed = await checkVault(config, env, dataDir)
  const alarm = alarmed.find((c) => c.label === '金庫の利用制限')
  assert.equal(alarm?.status, 'problem')
  assert.match(alarm?.detail ?? '', /利用制限を超えた要求が 1 件/)
  for (const check of alarmed) assert.doesNotMatch(`${check.detail}${check.fixJa ?? ''}`, new RegExp(number))
})
