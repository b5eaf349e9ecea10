import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { createConnection, createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, test } from 'node:test'
import type { DatabaseTarget } from '@mamori/db'
import { openDatabase, withDatabaseName } from '@mamori/db'
import { testBackends } from '@mamori/db/testing'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import type { VaultClient } from '@mamori/vault-client'
import {
  createRecipientKeyPair,
  createVaultClient,
  openSealedFromVault,
  sealNumberForVault,
  VaultClientError,
} from '@mamori/vault-client'
import { sql } from 'kysely'
import pg from 'pg'
import { loadVaultConfig } from './config.ts'
import { startVault } from './start-vault.ts'

/**
 * The canary: the whole flow with generated numbers through the real vault process pieces (its
 * database, keys, audit log, logs, unix socket) and the real client, then a scan of every byte
 * the run wrote — the data directory (database files, keys, logs, witness), every request and
 * response that crossed the socket, and every row of the vault database — for those numbers in
 * any common form. Acceptance of issue 4: zero hits. (The merged document is opened here, on the
 * "device", and never written anywhere.)
 */
const generator = createSyntheticGenerator('vault-canary')

function forms(number: string): string[] {
  const [a, b, c] = [number.slice(0, 4), number.slice(4, 8), number.slice(8)]
  const spaced = [`${a} ${b} ${c}`, `${a}-${b}-${c}`, `${a}　${b}　${c}`]
  const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
  return [number, ...spaced, fullWidth(number), fullWidth(`${a}-${b}-${c}`)]
}

/** Every form as bytes: UTF-8, UTF-16LE, and the hex PostgreSQL shows bytea in. */
function needles(numbers: readonly string[]): { label: string; bytes: Buffer }[] {
  return numbers.flatMap((n, i) =>
    forms(n).flatMap((form, j) => [
      { label: `number ${i} form ${j} utf8`, bytes: Buffer.from(form, 'utf8') },
      { label: `number ${i} form ${j} utf16`, bytes: Buffer.from(form, 'utf16le') },
      { label: `number ${i} form ${j} hex`, bytes: Buffer.from(Buffer.from(form, 'utf8').toString('hex')) },
    ]),
  )
}

function hits(haystack: Buffer, where: string, wanted: { label: string; bytes: Buffer }[]): string[] {
  return wanted.filter((n) => haystack.includes(n.bytes)).map((n) => `${where}: ${n.label}`)
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

/** A unix-socket relay between client and vault that keeps every byte either way. */
async function recordingRelay(target: string, path: string): Promise<{ server: Server; bytes: Buffer[] }> {
  const bytes: Buffer[] = []
  const server = createServer((client) => {
    const upstream = createConnection({ path: target })
    client.on('data', (chunk: Buffer) => {
      bytes.push(chunk)
      upstream.write(chunk)
    })
    upstream.on('data', (chunk: Buffer) => {
      bytes.push(chunk)
      client.write(chunk)
    })
    client.on('end', () => upstream.end())
    upstream.on('end', () => client.end())
    client.on('error', () => upstream.destroy())
    upstream.on('error', () => client.destroy())
  })
  await new Promise<void>((resolve) => server.listen(path, resolve))
  return { server, bytes }
}

async function runWholeFlow(client: VaultClient, numbers: string[]): Promise<void> {
  const { keyId, publicKey } = await client.publicKey()
  const tenantId = randomUUID()
  const clientId = randomUUID()
  const ctxOf = (subjectId: string, actorId = randomUUID()) => ({
    actorId,
    tenantId,
    clientId,
    subjectId,
    purpose: 'SOCIAL_INSURANCE_FILING',
    requestId: randomUUID(),
  })
  const seal = (number: string, ctx: ReturnType<typeof ctxOf>) =>
    sealNumberForVault(publicKey, keyId, number, ctx)
  const identityCheck = {
    numberCheck: 'MY_NUMBER_CARD' as const,
    identityCheck: 'MY_NUMBER_CARD' as const,
    checkedBy: randomUUID(),
    checkedAt: '2026-04-01T10:00:00+09:00',
  }
  const subjects = numbers.map(() => randomUUID())
  for (const [i, number] of numbers.entries()) {
    const ctx = ctxOf(subjects[i] as string)
    await client.register({ context: ctx, sealed: await seal(number, ctx), identityCheck })
    await client.status({ context: { ...ctx, requestId: randomUUID() } })
    const again = { ...ctx, requestId: randomUUID() }
    assert.deepEqual(await client.match({ context: again, candidate: await seal(number, again) }), {
      matches: true,
    })
  }
  // Refusals: a typo, a duplicate, a document off the legal list, a wrong 本人.
  const typo = `${numbers[0]?.slice(0, 11)}${(Number(numbers[0]?.[11]) + 1) % 10}`
  const refusedCtx = ctxOf(randomUUID())
  await assert.rejects(
    client.register({ context: refusedCtx, sealed: await seal(typo, refusedCtx), identityCheck }),
    (e: unknown) => e instanceof VaultClientError && e.code === 'MY_NUMBER_CHECK_DIGIT',
  )
  const duplicateCtx = ctxOf(randomUUID())
  await assert.rejects(
    client.register({
      context: duplicateCtx,
      sealed: await seal(numbers[1] as string, duplicateCtx),
      identityCheck,
    }),
    (e: unknown) => e instanceof VaultClientError && e.code === 'DUPLICATE_NEEDS_APPROVAL',
  )
  const approverId = randomUUID()
  await client.approve({ context: { ...duplicateCtx, actorId: approverId, requestId: randomUUID() } })
  const approvedCtx = { ...duplicateCtx, requestId: randomUUID() }
  await client.register({
    context: approvedCtx,
    sealed: await seal(numbers[1] as string, approvedCtx),
    identityCheck,
    approvedBy: approverId,
  })
  const device = await createRecipientKeyPair()
  const { subjectId: _, ...mergeContext } = ctxOf(randomUUID())
  const template = subjects.map((s) => `${s}\t{{MY_NUMBER:${s}}}`).join('\n')
  const merged = await client.merge({
    context: mergeContext,
    documentType: 'NENKIN_2200700_ACQUISITION',
    template,
    subjects: subjects.map((subjectId) => ({ subjectId, isEmployee70OrOver: false })),
    recipientPublicKey: device.publicKey,
  })
  const document = new TextDecoder().decode(
    await openSealedFromVault(device.privateKey, merged.document, {
      tenantId,
      requestId: mergeContext.requestId,
    }),
  )
  assert.ok(
    numbers.every((n) => document.includes(n)),
    'the merged document carries every number',
  )
  await assert.rejects(
    client.merge({
      context: { ...mergeContext, requestId: randomUUID() },
      documentType: 'JUMINHYO',
      template,
      subjects: subjects.map((subjectId) => ({ subjectId, isEmployee70OrOver: false })),
      recipientPublicKey: device.publicKey,
    }),
    (e: unknown) => e instanceof VaultClientError && e.code === 'DOCUMENT_NOT_ON_LEGAL_LIST',
  )
  const first = subjects[0] as string
  const revealCtx = { ...ctxOf(first), actorId: first }
  const revealed = await client.reveal({
    context: revealCtx,
    viewer: 'SELF',
    reason: '本人による確認',
    reauthenticatedAt: new Date().toISOString(),
    recipientPublicKey: device.publicKey,
  })
  assert.equal(revealed.masked, '************')
  await assert.rejects(
    client.reveal({
      context: ctxOf(first),
      viewer: 'SELF',
      reason: '本人による確認',
      reauthenticatedAt: new Date().toISOString(),
      recipientPublicKey: device.publicKey,
    }),
    (e: unknown) => e instanceof VaultClientError && e.code === 'REVEAL_NOT_ALLOWED',
  )
  await client.refusal({
    context: ctxOf(randomUUID()),
    requestedAt: '2026-04-01T09:00:00+09:00',
    method: 'MAIL',
    answer: 'NOT_SUPPLIED',
  })
  await client.rotate({ context: { actorId: randomUUID(), requestId: randomUUID() } })
  const afterRotation = ctxOf(subjects[2] as string)
  assert.deepEqual(
    await client.match({
      context: afterRotation,
      candidate: await seal(numbers[2] as string, afterRotation),
    }),
    { matches: true },
  )
  await client.delete({ context: ctxOf(subjects[3] as string), reason: 'SUBJECT_REQUEST' })
  const { subjectId: __, ...clientContext } = ctxOf(randomUUID())
  await client.deleteClient({ context: clientContext, reason: 'CONTRACT_ENDED' })
}

/** Every row of every table of the vault database, as PostgreSQL prints it (bytea in hex). */
async function dumpRows(target: DatabaseTarget): Promise<Buffer> {
  const database = await openDatabase(target)
  try {
    const { rows } = await sql<{ table_name: string }>`select table_name::text from information_schema.tables
      where table_schema = 'public'`.execute(database.db)
    const parts: string[] = []
    for (const { table_name } of rows) {
      const dump = await sql<{ row: string }>`select t::text as row from ${sql.table(table_name)} t`.execute(
        database.db,
      )
      parts.push(...dump.rows.map((r) => r.row))
    }
    assert.ok(parts.length > 0)
    return Buffer.from(parts.join('\n'))
  } finally {
    await database.close()
  }
}

describe('canary: no number in any file, log, row, request or response the vault run wrote', () => {
  test('the scan finds a number in each form it looks for', () => {
    const number = generator.myNumber()
    const wanted = needles([number])
    for (const form of forms(number)) {
      for (const bytes of [Buffer.from(`x${form}y`), Buffer.from(`x${form}y`, 'utf16le')]) {
        assert.notDeepEqual(hits(bytes, 'sample', wanted), [], form)
      }
    }
    assert.notDeepEqual(hits(Buffer.from(`\\x${Buffer.from(number).toString('hex')}`), 'bytea', wanted), [])
    assert.deepEqual(hits(Buffer.from(number.slice(0, 11)), 'sample', wanted), [])
  })

  for (const backend of testBackends()) {
    test(`whole flow [${backend.name}]`, { skip: backend.skip }, async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'mamori-canary-'))
      let databaseUrl: string | null = null
      let admin: pg.Client | undefined
      const databaseName = `mamori_canary_${process.pid}_${Date.now()}`
      try {
        if (backend.name === 'postgres' && backend.skip === false) {
          admin = new pg.Client({ connectionString: backend.url })
          await admin.connect()
          await admin.query(`create database ${databaseName}`)
          databaseUrl = withDatabaseName(backend.url, databaseName)
        }
        const config = loadVaultConfig(
          {
            MAMORI_DATA_DIR: dataDir,
            MAMORI_VAULT_LOG_LEVEL: 'trace',
            ...(databaseUrl === null ? {} : { MAMORI_VAULT_DATABASE_URL: databaseUrl }),
          },
          dataDir,
        )
        const vault = await startVault(config)
        const relayPath = join(dataDir, 'run', 'relay.sock')
        const relay = await recordingRelay(vault.socketPath as string, relayPath)
        const token = (await readFile(vault.serviceTokenPath, 'utf8')).trim()
        const client = createVaultClient({ transport: 'socket', socketPath: relayPath, serviceToken: token })
        const numbers = Array.from({ length: 12 }, () => generator.myNumber())
        try {
          await runWholeFlow(client, numbers)
        } finally {
          client.close()
          await new Promise((resolve) => relay.server.close(resolve))
        }
        await vault.close()
        const wanted = needles(numbers)
        const found = hits(Buffer.concat(relay.bytes), 'socket traffic', wanted)
        assert.ok(relay.bytes.length > 0)
        for (const file of await filesUnder(dataDir)) found.push(...hits(await readFile(file), file, wanted))
        found.push(...hits(await dumpRows(config.database), 'database rows', wanted))
        assert.deepEqual(found, [])
        const logs = await readFile(join(dataDir, 'logs', 'vault.log'), 'utf8')
        assert.match(logs, /\/v1\/merge/, 'the log was written, and scanned')
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
