import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import { loadServerConfig } from '../config.ts'
import { startServer } from '../main.ts'

describeOnEachDatabase('the server audit log', [], ({ database }) => {
  test('start makes the signing key and witness under data/, runs the log, and close signs its last checkpoint', async (t) => {
    const root = await mkdtemp(join(tmpdir(), 'mamori-server-audit-'))
    t.after(() => rm(root, { recursive: true, force: true }))
    const config = {
      ...loadServerConfig({ MAMORI_DATA_DIR: root, MAMORI_PORT: '0', MAMORI_LOG_LEVEL: 'silent' }, root),
      database: database().target,
    }
    const server = await startServer(config)
    let closed = false
    t.after(() => (closed ? undefined : server.close()))
    const keyPath = join(root, 'keys', 'audit-server.ed25519.pem')
    assert.ok(server.createdKeys.includes(keyPath))
    assert.equal((await stat(keyPath)).mode & 0o777, 0o600)
    assert.equal(server.audit.origin, 'audit-server')

    const [position] = await server.audit.append([
      {
        type: 'USER_CREATED',
        tenantId: 'office_1',
        actorId: 'user_1',
        operation: 'create',
        result: 'success',
      },
    ])
    await server.close()
    closed = true
    const witnessed = (await readFile(join(root, 'witness', 'server-audit.log'), 'utf8')).trim().split('\n')
    const last = JSON.parse(witnessed.at(-1)!) as string
    assert.match(last, new RegExp(`^audit-server\\n${position! + 1}\\n`))
  })
})
