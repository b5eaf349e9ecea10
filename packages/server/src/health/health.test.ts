import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app.ts'
import { SERVER_MIGRATIONS, SERVER_VERSION } from '../main.ts'

describeOnEachDatabase('health', [SERVER_MIGRATIONS], ({ db, backend }) => {
  let app: FastifyInstance
  before(async () => {
    app = await buildApp({
      db: db(),
      databaseKind: backend,
      version: SERVER_VERSION,
      sessionKey: randomBytes(32),
    })
  })
  after(() => app.close())

  test('GET /health answers ok with the database kind and this installation id', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' })
    assert.equal(response.statusCode, 200)
    const body = response.json()
    assert.equal(body.status, 'ok')
    assert.equal(body.database, backend)
    assert.match(body.instanceId, /^[0-9a-f-]{36}$/)
  })

  test('GET /status (and / before the page is built) is a Japanese status page with a strict CSP', async () => {
    const response = await app.inject({ method: 'GET', url: '/status' })
    assert.equal(response.statusCode, 200)
    assert.match(response.headers['content-type'] as string, /text\/html/)
    assert.match(response.body, /<html lang="ja">/)
    assert.match(response.body, /サーバーは稼働しています/)
    assert.match(response.headers['content-security-policy'] as string, /default-src 'none'/)
  })

  test('an unknown path is a 404 with a stable code and a Japanese message', async () => {
    const response = await app.inject({ method: 'GET', url: '/no-such-page' })
    assert.equal(response.statusCode, 404)
    const body = response.json()
    assert.equal(body.code, 'NOT_FOUND')
    assert.match(body.message, /見つかりません/)
    assert.match(body.requestId, /^[0-9a-f-]{36}$/)
  })
})
