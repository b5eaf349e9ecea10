import assert from 'node:assert/strict'
import { chmod, mkdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { describeOnEachDatabase } from '@mamori/db/testing'
import fc from 'fast-check'
import { sql } from 'kysely'
import { type AuditLog, openAuditLog } from './audit-log.ts'
import { decodeBase64 } from './bytes.ts'
import { readEntryRows } from './entry-batches.ts'
import { AuditError } from './errors.ts'
import { hostLogFiles } from './host-logs.ts'
import { inclusionProof, leafHash } from './merkle.ts'
import { AUDIT_MIGRATIONS } from './migrations.ts'
import { parseVerifierKey } from './signed-note.ts'
import { openSigningKey } from './signing-key.ts'
import { encodeStoredEntry } from './stored-entry.ts'
import { resetLog, syntheticEvent, testDirectory } from './test-fixtures.ts'
import { verifyConsistency, verifyInclusion } from './verify.ts'

const bytes = (base64: string) => decodeBase64(base64)!

describeOnEachDatabase('openAuditLog', [AUDIT_MIGRATIONS], ({ db }) => {
  let dir: string
  const open = (overrides: Partial<Parameters<typeof openAuditLog>[0]> = {}) =>
    openAuditLog<string>({
      db: db(),
      ...hostLogFiles('vault', join(dir, 'keys'), join(dir, 'witness')),
      checkpointEvery: { entries: 1000, ms: 3_600_000 },
      ...overrides,
    })

  beforeEach(async () => {
    await resetLog(db())
    dir = await testDirectory()
  })

  test('the signing key is made on first open, 0600 in a 0700 directory, and kept', async () => {
    const first = await open()
    await first.close()
    const files = hostLogFiles('vault', join(dir, 'keys'), join(dir, 'witness'))
    assert.equal(first.signingKeyCreated, true)
    assert.equal(first.signingKeyPath, files.signingKeyPath)
    assert.equal((await stat(files.signingKeyPath)).mode & 0o777, 0o600)
    assert.equal((await stat(join(dir, 'keys'))).mode & 0o777, 0o700)
    const second = await open()
    await second.close()
    assert.equal(second.signingKeyCreated, false)
    assert.equal(second.verifierKeyText, first.verifierKeyText)
    assert.deepEqual(await parseVerifierKey(first.verifierKeyText), first.verifierKey)
  })

  test('two processes creating the key at once end up with one key', async () => {
    const path = join(dir, 'keys', 'race.ed25519.pem')
    const opened = await Promise.all(
      Array.from({ length: 8 }, () => openSigningKey(path, 'race', { create: true })),
    )
    assert.equal(opened.filter((k) => k.created).length, 1)
    const exports = new Set(opened.map((k) => k.signer.privateKey.export({ format: 'pem', type: 'pkcs8' })))
    assert.equal(exports.size, 1)
  })

  test('a key file others can read is refused (SIGNING_KEY_INSECURE), a missing one when not creating', async () => {
    const path = join(dir, 'loose', 'key.ed25519.pem')
    await openSigningKey(path, 'loose', { create: true })
    await chmod(path, 0o644)
    await assert.rejects(openSigningKey(path, 'loose', { create: false }), (e: unknown) => {
      return e instanceof AuditError && e.code === 'SIGNING_KEY_INSECURE'
    })
    await assert.rejects(
      openSigningKey(join(dir, 'none.pem'), 'none', { create: false }),
      (e: unknown) => e instanceof AuditError && e.code === 'SIGNING_KEY_MISSING',
    )
    await mkdir(join(dir, 'bad'), { mode: 0o700 })
    await writeFile(join(dir, 'bad', 'key.pem'), 'not a key', { mode: 0o600 })
    await assert.rejects(
      openSigningKey(join(dir, 'bad', 'key.pem'), 'bad', { create: false }),
      (e: unknown) => e instanceof AuditError && e.code === 'SIGNING_KEY_INVALID',
    )
  })

  test('entries recorded in transactions are integrated and signed in the background, within T', async () => {
    const log = await open({ checkpointEvery: { entries: 1000, ms: 50 }, integrateEveryMs: 10 })
    try {
      await db()
        .transaction()
        .execute((trx) => log.record(trx, syntheticEvent(0)))
      // No clock is asserted: the test waits for the checkpoint, the harness bounds the wait.
      for (;;) {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from audit_checkpoints where tree_size = 1`.execute(db())
        if (rows[0]!.n === 1) break
        await sleep(10)
      }
    } finally {
      await log.close()
    }
    const report = await log.verify()
    assert.equal(report.ok, true)
    assert.equal(report.latestWitnessedSize, 1)
  })

  test('recordAll writes several entries in one statement, in order, or none when one is refused', async () => {
    const log = await open()
    try {
      const refused = syntheticEvent(9, { actorId: '123412341234' })
      await assert.rejects(
        db()
          .transaction()
          .execute((trx) => log.recordAll(trx, [syntheticEvent(0), refused])),
        (e: unknown) => e instanceof AuditError && e.code === 'EVENT_CONTAINS_MY_NUMBER',
      )
      await db()
        .transaction()
        .execute((trx) => log.recordAll(trx, [syntheticEvent(0), syntheticEvent(1), syntheticEvent(2)]))
      await log.integrate()
      const rows = await readEntryRows(db(), 0, 10)
      assert.deepEqual(
        rows.map((r) => r.entry.requestId),
        ['req_0', 'req_1', 'req_2'],
      )
    } finally {
      await log.close()
    }
  })

  test('close integrates what is queued and signs a last checkpoint, witnessed', async () => {
    const log = await open()
    await log.append([syntheticEvent(0)])
    await db()
      .transaction()
      .execute((trx) => log.record(trx, syntheticEvent(1)))
    await log.close()
    const report = await log.verify()
    assert.deepEqual(
      [report.ok, report.entries, report.latestCheckpointSize, report.latestWitnessedSize],
      [true, 2, 2, 2],
    )
  })

  test('proofs use the largest checkpoint (sizes compare as numbers: 10 after 9)', async () => {
    const log = await open()
    await log.append(Array.from({ length: 9 }, (_, i) => syntheticEvent(i)))
    await log.integrate({ checkpoint: true })
    await log.append([syntheticEvent(9)])
    await log.close()
    assert.equal((await log.inclusionProof(9)).treeSize, 10)
    assert.equal((await log.verify()).latestCheckpointSize, 10)
  })

  test('a log without its tables is refused with LOG_NOT_MIGRATED', async () => {
    await db()
      .transaction()
      .execute(async (trx) => {
        await sql`alter table audit_tree_state rename to audit_tree_state_moved`.execute(trx)
        await assert.rejects(
          openAuditLog({ db: trx, ...hostLogFiles('server', dir, dir) }),
          (e: unknown) => e instanceof AuditError && e.code === 'LOG_NOT_MIGRATED',
        )
        await sql`alter table audit_tree_state_moved rename to audit_tree_state`.execute(trx)
      })
  })

  test('proofs from storage, for random trees grown in random steps, pass the standalone verifier', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 70 }), { minLength: 1, maxLength: 6 }),
        async (steps) => {
          await resetLog(db())
          const log: AuditLog = await open()
          try {
            const sizes: number[] = []
            let size = 0
            for (const step of steps) {
              await log.append(Array.from({ length: step }, (_, i) => syntheticEvent(size + i)))
              size += step
              await log.integrate({ checkpoint: true })
              sizes.push(size)
            }
            const leaves = (await readEntryRows(db(), 0, size)).map((r) =>
              leafHash(encodeStoredEntry(r.entry)),
            )
            for (const treeSize of sizes) {
              for (const index of new Set([
                0,
                treeSize - 1,
                Math.floor(treeSize / 2),
                (treeSize * 7) % treeSize,
              ])) {
                const bundle = await log.inclusionProof(index, treeSize)
                const proof = bundle.proof.map(bytes)
                assert.deepEqual(
                  proof,
                  inclusionProof(index, treeSize, leaves),
                  `proof of ${index} in ${treeSize}`,
                )
                const result = await verifyInclusion({
                  entry: bytes(bundle.entry),
                  index,
                  treeSize,
                  proof,
                  checkpoint: bundle.checkpoint,
                  key: log.verifierKey,
                })
                assert.equal(result.ok, true, `${index} of ${treeSize}`)
              }
            }
            for (let i = 0; i < sizes.length; i++) {
              const older = sizes[i]!
              const newer = sizes.at(-1)!
              const bundle = await log.consistencyProof(older, newer)
              const result = await verifyConsistency(
                bundle.olderCheckpoint,
                bundle.newerCheckpoint,
                bundle.proof.map(bytes),
                log.verifierKey,
              )
              assert.equal(result.ok, true, `${older} → ${newer}`)
            }
          } finally {
            await log.close()
          }
        },
      ),
      { seed: 21, numRuns: 6 },
    )
  })
})
