/**
 * Test fixture, run as a child process by rotate.test.ts: a KEK rotation that announces each
 * committed batch on stdout and pauses, so the test can kill -9 it mid-way. Not part of the service.
 *
 *   node rotate-child.fixture.ts <data dir> [postgres url]
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { hostLogFiles } from '@mamori/audit/host-logs.ts'
import { openDatabase } from '@mamori/db'
import { openVaultAudit } from '../audit/vault-audit.ts'
import { loadVaultConfig } from '../config.ts'
import { openLocalKeyProvider } from '../crypto/index.ts'
import type { VaultDatabase } from '../store/schema.ts'
import { rotate } from './rotate.ts'

const [dataDir, url] = process.argv.slice(2) as [string, string | undefined]
const config = loadVaultConfig({ MAMORI_DATA_DIR: dataDir, MAMORI_VAULT_DATABASE_URL: url }, dataDir)
const database = await openDatabase<VaultDatabase>(config.database)
const provider = await openLocalKeyProvider({ directory: join(dataDir, 'vault', 'keys') })
const audit = await openVaultAudit(
  database.db,
  hostLogFiles('vault', config.paths.keys, config.paths.witness),
)
await rotate(
  {
    db: database.db,
    audit,
    provider,
    now: () => new Date(),
    newId: randomUUID,
    batchSize: 5,
    onBatch: async (rewrapped) => {
      process.stdout.write(`rewrapped ${rewrapped}\n`)
      await sleep(200)
    },
  },
  { actorId: randomUUID(), requestId: randomUUID() },
)
process.stdout.write('finished\n')
await audit.close()
await provider.close()
await database.close()
