import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { test } from 'node:test'
import { AUDIT_MIGRATIONS } from '@mamori/audit/migrations.ts'
import { createTestDatabase, testBackends } from '@mamori/db/testing'
import { VAULT_MIGRATIONS } from '../start-vault.ts'
import type { VaultDatabase } from '../store/schema.ts'
import { buildTestVault } from '../test-vault.ts'

const DOCUMENT = new URL('../../../../docs/vault-openapi.json', import.meta.url)
const BIOME = new URL('../../../../node_modules/.bin/biome', import.meta.url)

/**
 * docs/vault-openapi.json is what the running vault serves at /openapi.json, made from the zod
 * schemas of its routes. A schema changed without the document fails here; to write it again:
 *   MAMORI_WRITE_OPENAPI=1 ./node_modules/.bin/node --test packages/vault/src/http/openapi.test.ts
 */
test('docs/vault-openapi.json is the document the running schemas make', async () => {
  const pglite = testBackends().find((b) => b.name === 'pglite')
  assert.ok(pglite)
  const database = await createTestDatabase<VaultDatabase>(pglite, [VAULT_MIGRATIONS, AUDIT_MIGRATIONS])
  const vault = await buildTestVault(database.db)
  try {
    const served = await vault.app.inject({ method: 'GET', url: '/openapi.json' })
    assert.equal(served.statusCode, 200)
    const document: unknown = served.json()
    if (process.env.MAMORI_WRITE_OPENAPI === '1') {
      await writeFile(DOCUMENT, `${JSON.stringify(document, null, 2)}\n`)
      // Laid out as the repository's formatter wants it, so that `npm run lint` passes on it.
      execFileSync(BIOME.pathname, ['format', '--write', DOCUMENT.pathname], { stdio: 'ignore' })
    }
    const committed: unknown = JSON.parse(await readFile(DOCUMENT, 'utf8').catch(() => 'null'))
    assert.deepEqual(
      committed,
      document,
      'docs/vault-openapi.json is stale: write it again with MAMORI_WRITE_OPENAPI=1 (see this test)',
    )
  } finally {
    await vault.close()
    await database.close()
  }
})
