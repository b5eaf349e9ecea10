import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { openAuditLog } from '@mamori/audit/audit-log.ts'
import { decodeBase64 } from '@mamori/audit/bytes.ts'
import { type AuditHost, hostLogFiles } from '@mamori/audit/host-logs.ts'
import { AUDIT_MIGRATIONS } from '@mamori/audit/migrations.ts'
import { parseVerifierKey } from '@mamori/audit/signed-note.ts'
import { verifyInclusion } from '@mamori/audit/verify.ts'
import { type DatabaseTarget, migrate, openDatabase } from '@mamori/db'
import { describeOnEachDatabase } from '@mamori/db/testing'
import { dataPaths } from '@mamori/server'
import { sql } from 'kysely'
import { run } from '../run-for-test.ts'

/** A log of 25 entries, checkpointed at 10, 20 and 25, written as the service would write it. */
async function writeLog(target: DatabaseTarget, root: string, host: AuditHost): Promise<void> {
  const database = await openDatabase<unknown>(target)
  try {
    await migrate(database, [AUDIT_MIGRATIONS])
    const paths = dataPaths(root)
    const log = await openAuditLog({
      db: database.db,
      ...hostLogFiles(host, paths.keys, paths.witness),
      checkpointEvery: { entries: 10, ms: 3_600_000 },
    })
    for (let i = 0; i < 25; i += 5) {
      await log.append(
        Array.from({ length: 5 }, (_, j) => ({
          type: 'EMPLOYEE_VIEWED',
          tenantId: 'office_1',
          actorId: `user_${(i + j) % 3}`,
          subjectId: `person_${i + j}`,
          operation: 'read' as const,
          result: 'success' as const,
          at: Date.UTC(2026, 3, 1) + (i + j) * 1000,
        })),
      )
    }
    await log.close()
  } finally {
    await database.close()
  }
}

async function tamper(target: DatabaseTarget, statement: ReturnType<typeof sql>): Promise<void> {
  const database = await openDatabase<unknown>(target)
  try {
    await statement.execute(database.db)
  } finally {
    await database.close()
  }
}

describeOnEachDatabase('mamori audit', [], ({ backend, database }) => {
  for (const host of ['server', 'vault'] as const) {
    test(`verify and proof on the ${host} log, then verify names the entry someone changed`, async (t) => {
      const root = await mkdtemp(join(tmpdir(), 'mamori-cli-audit-'))
      t.after(() => rm(root, { recursive: true, force: true }))
      const onServer = backend === 'postgres'
      const target: DatabaseTarget = onServer
        ? database().target
        : {
            kind: 'pglite',
            dataDir: host === 'server' ? dataPaths(root).appDatabase : dataPaths(root).vaultDatabase,
          }
      if (onServer) {
        await tamper(
          target,
          sql`drop table if exists audit_entries, audit_queue, audit_tree_nodes,
        audit_tree_state, audit_checkpoints, audit_client_buckets, audit_summary_state, mamori_schema_migrations`,
        )
        await tamper(target, sql`drop function if exists audit_merge_lists(text, text)`)
      }
      await writeLog(target, root, host)
      const env: Record<string, string> = { MAMORI_DATA_DIR: root }
      if (onServer && target.kind === 'postgres') {
        env[host === 'server' ? 'MAMORI_DATABASE_URL' : 'MAMORI_VAULT_DATABASE_URL'] = target.url
      }
      const args = host === 'server' ? [] : ['--log', 'vault']

      const verified = await run(['audit', 'verify', ...args], env)
      assert.equal(verified.code, 0, verified.err)
      assert.match(verified.out, /エントリ: 25 件を確認（未署名 0 件）/)
      assert.match(verified.out, /改ざんは見つかりませんでした。/)

      const proof = await run(['audit', 'proof', '--entry', '7', ...args], env)
      assert.equal(proof.code, 0, proof.err)
      const bundle = JSON.parse(proof.out) as Record<string, unknown>
      assert.equal(bundle.log, `audit-${host}`)
      assert.equal((bundle.content as { seq: number }).seq, 7)
      const result = await verifyInclusion({
        entry: decodeBase64(bundle.entry as string)!,
        index: bundle.index as number,
        treeSize: bundle.treeSize as number,
        proof: (bundle.proof as string[]).map((p) => decodeBase64(p)!),
        checkpoint: bundle.checkpoint as string,
        key: await parseVerifierKey(bundle.verifierKey as string),
      })
      assert.equal(result.ok, true)

      await tamper(target, sql`update audit_entries set actor_id = 'user_9' where position = 12`)
      const failed = await run(['audit', 'verify', ...args], env)
      assert.equal(failed.code, 1)
      assert.match(failed.err, /^エラー \[ENTRY_HASH_MISMATCH\] エントリ 12 の内容がハッシュと一致しません。/)
    })
  }
})

test('mamori audit refuses an unknown log and a missing --entry, with exit code 2', async () => {
  const unknown = await run(['audit', 'verify', '--log', 'other'])
  assert.equal(unknown.code, 2)
  assert.match(unknown.err, /\[CLI_INVALID_ARGUMENT\] --log は server か vault/)
  const missing = await run(['audit', 'proof'])
  assert.equal(missing.code, 2)
  assert.match(missing.err, /\[CLI_MISSING_ARGUMENT\] --entry を指定してください/)
})
