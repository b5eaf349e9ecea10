import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app.ts'
import { SERVER_MIGRATIONS, SERVER_VERSION } from '../main.ts'

describeOnEachDatabase('web page', [SERVER_MIGRATIONS], ({ db, backend }) => {
  let app: FastifyInstance
  let root: string
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'mamori-web-'))
    mkdirSync(join(root, 'assets'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><html lang="ja"><div id="root"></div></html>')
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
    writeFileSync(join(root, 'secret.txt'), 'outside assets')
    app = await buildApp({
      db: db(),
      databaseKind: backend,
      version: SERVER_VERSION,
      sessionKey: randomBytes(32),
      webRoot: root,
    })
  })
  after(async () => {
    await app.close()
    rmSync(root, { recursive: true, force: true })
  })

  test('GET / is the page, with a content security policy that forbids framing and foreign scripts', async () => {
    const response = await app.inject({ method: 'GET', url: '/' })
    assert.equal(response.statusCode, 200)
    assert.match(response.body, /<div id="root">/)
    const csp = response.headers['content-security-policy'] as string
    assert.match(csp, /script-src 'self'/)
    assert.match(csp, /frame-ancestors 'none'/)
    assert.equal(response.headers['cache-control'], 'no-store')
  })

  test('a page path the browser reloads gets the page; an unknown API path stays a JSON 404', async () => {
    const page = await app.inject({
      method: 'GET',
      url: '/clients/x/employees',
      headers: { accept: 'text/html' },
    })
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /<div id="root">/)
    const api = await app.inject({ method: 'GET', url: '/api/no-such', headers: { accept: 'text/html' } })
    assert.equal(api.statusCode, 404)
    assert.equal(api.json().code, 'NOT_FOUND')
    const script = await app.inject({ method: 'GET', url: '/no-such.js', headers: { accept: '*/*' } })
    assert.equal(script.statusCode, 404)
  })

  test('assets are served immutable; nothing outside assets/ is reachable through them', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc.js' })
    assert.equal(asset.statusCode, 200)
    assert.match(asset.headers['content-type'] as string, /javascript/)
    assert.match(asset.headers['cache-control'] as string, /immutable/)
    for (const url of ['/assets/../secret.txt', '/assets/%2e%2e/secret.txt', '/assets/missing.js']) {
      const response = await app.inject({ method: 'GET', url })
      assert.notEqual(response.statusCode, 200, url)
      assert.doesNotMatch(response.body, /outside assets/, url)
    }
  })
})
