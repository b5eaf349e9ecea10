import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { openDatabase, withDatabaseName } from '@mamori/db'
import { testBackends } from '@mamori/db/testing'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import pg from 'pg'
import { loadVaultConfig } from '../config.ts'
import { createRecipientKeyPair, openSealedFromVault, sealNumberForVault } from '../crypto/index.ts'
import type { RunningVault } from '../start-vault.ts'
import { startVault } from '../start-vault.ts'
import type { VaultDatabase } from '../store/schema.ts'

const generator = createSyntheticGenerator('vault-rotate')
const CHILD = fileURLToPath(new URL('./rotate-child.fixture.ts', import.meta.url))
const SUBJECTS = 60

type Registered = { tenantId: string; clientId: string; subjectId: string; number: string }

async function registerMany(vault: RunningVault, count: number): Promise<Registered[]> {
  const { keyId, publicKey } = vault.operations.publicKey()
  const tenantId = randomUUID()
  const clientId = randomUUID()
  const out: Registered[] = []
  for (let i = 0; i < count; i++) {
    const ctx = {
      actorId: randomUUID(),
      tenantId,
      clientId,
      subjectId: randomUUID(),
      purpose: 'SOCIAL_INSURANCE_FILING',
      requestId: randomUUID(),
    }
    const number = generator.myNumber()
    await vault.operations.register({
      context: ctx,
      sealed: await sealNumberForVault(publicKey, keyId, number, ctx),
      identityCheck: {
        numberCheck: 'MY_NUMBER_CARD',
        identityCheck: 'MY_NUMBER_CARD',
        checkedBy: randomUUID(),
        checkedAt: '2026-04-01T10:00:00+09:00',
      },
    })
    out.push({ tenantId, clientId, subjectId: ctx.subjectId, number })
  }
  return out
}

/** Opens every registered number through a merge, sealed to a fresh device key. */
async function mergedNumbers(vault: RunningVault, subjects: readonly Registered[]): Promise<string> {
  const first = subjects[0] as Registered
  const device = await createRecipientKeyPair()
  const requestId = randomUUID()
  const { document } = await vault.operations.merge({
    context: {
      actorId: randomUUID(),
      tenantId: first.tenantId,
      clientId: first.clientId,
      purpose: 'SOCIAL_INSURANCE_FILING',
      requestId,
    },
    documentType: 'NENKIN_2200700_ACQUISITION',
    template: subjects.map((s) => `{{MY_NUMBER:${s.subjectId}}}`).join(','),
    subjects: subjects.map((s) => ({ subjectId: s.subjectId, isEmployee70OrOver: false })),
    recipientPublicKey: device.publicKey,
  })
  return new TextDecoder().decode(
    await openSealedFromVault(device.privateKey, document, { tenantId: first.tenantId, requestId }),
  )
}

/** Runs the rotation in a child process and kill -9s it once `afterRewrapped` keys are done. */
async function rotateAndKill(
  dataDir: string,
  url: string | undefined,
  afterRewrapped: number,
): Promise<number> {
  const child = spawn(process.execPath, [CHILD, dataDir, ...(url === undefined ? [] : [url])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  return new Promise((resolve, reject) => {
    let seen = 0
    child.stdout.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        const m = /^rewrapped (\d+)$/.exec(line)
        if (m === null) continue
        seen = Number(m[1])
        if (seen >= afterRewrapped) child.kill('SIGKILL')
      }
    })
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve(seen)
        : reject(new Error(`rotation child ended without being killed: ${stderr}`)),
    )
  })
}

describe('KEK rotation killed with kill -9, then resumed', () => {
  for (const backend of testBackends()) {
    test(`every number still opens and nothing is lost [${backend.name}]`, {
      skip: backend.skip,
    }, async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'mamori-rotate-'))
      const databaseName = `mamori_rotate_${process.pid}_${Date.now()}`
      let admin: pg.Client | undefined
      let url: string | undefined
      try {
        if (backend.name === 'postgres' && backend.skip === false) {
          admin = new pg.Client({ connectionString: backend.url })
          await admin.connect()
          await admin.query(`create database ${databaseName}`)
          url = withDatabaseName(backend.url, databaseName)
        }
        const config = loadVaultConfig(
          { MAMORI_DATA_DIR: dataDir, MAMORI_VAULT_DATABASE_URL: url, MAMORI_VAULT_LOG_LEVEL: 'silent' },
          dataDir,
        )
        let vault = await startVault(config)
        const subjects = await registerMany(vault, SUBJECTS)
        await vault.close()

        const killedAfter = await rotateAndKill(dataDir, url, 15)
        assert.ok(killedAfter >= 15 && killedAfter < SUBJECTS, 'killed mid-way')
        const database = await openDatabase<VaultDatabase>(config.database)
        const kekVersions = await database.db.selectFrom('vault_data_keys').select('kek_version').execute()
        const [rotation] = await database.db.selectFrom('vault_rotations').selectAll().execute()
        await database.close()
        assert.deepEqual(
          new Set(kekVersions.map((k) => k.kek_version)),
          new Set([1, 2]),
          'half old, half new',
        )
        assert.equal(rotation?.finished_at, null)

        vault = await startVault(config)
        // Reads and writes go on while keys sit under two KEK versions, and while the rotation resumes.
        assert.equal(await mergedNumbers(vault, subjects), subjects.map((s) => s.number).join(','))
        const [resumed, more] = await Promise.all([
          vault.operations.rotate({ context: { actorId: randomUUID(), requestId: randomUUID() } }),
          registerMany(vault, 5),
        ])
        assert.equal(resumed.resumed, true)
        assert.equal(resumed.kekVersion, 2)
        const all = [...subjects, ...more]
        assert.equal(await mergedNumbers(vault, subjects), subjects.map((s) => s.number).join(','))
        assert.equal(await mergedNumbers(vault, more), more.map((s) => s.number).join(','))
        const report = await vault.operations.healthReport()
        assert.deepEqual(report.keys, {
          provider: 'local',
          kekVersion: 2,
          keysUnderOlderKek: 0,
          rotationUnfinished: false,
        })
        await vault.close()
        const check = await openDatabase<VaultDatabase>(config.database)
        const live = await check.db.selectFrom('vault_sealed_numbers').select('subject_id').execute()
        await check.close()
        assert.equal(live.length, all.length, 'nothing lost')
      } finally {
        await rm(dataDir, { recursive: true, force: true })
        if (admin !== undefined) {
          await admin.query(`drop database if exists ${databaseName} with (force)`)
          await admin.end()
        }
      }
    })
  }
})
