import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { loadServerConfig, startServer } from '@mamori/server'
import { chromiumSkipReason, launchChromium } from './support/chromium.ts'

const skip = await chromiumSkipReason()

test('a new user opening Mamori in chromium sees the Japanese status page', { skip }, async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'mamori-e2e-'))
  t.after(() => rm(dataDir, { recursive: true, force: true }))
  const server = await startServer(
    loadServerConfig({ MAMORI_DATA_DIR: dataDir, MAMORI_PORT: '0', MAMORI_LOG_LEVEL: 'silent' }, dataDir),
  )
  t.after(() => server.close())
  const browser = await launchChromium()
  t.after(() => browser.close())

  const page = await browser.newPage({ locale: 'ja-JP' })
  const requested: string[] = []
  page.on('request', (request) => requested.push(request.url()))
  const response = await page.goto(new URL('/status', server.url).href)
  assert.equal(response?.status(), 200)
  assert.equal(await page.title(), 'Mamori — 稼働中')
  assert.equal(await page.getByRole('status').textContent(), 'サーバーは稼働しています。')
  assert.equal(await page.locator('html').getAttribute('lang'), 'ja')

  await page.getByRole('link', { name: '/health' }).click()
  assert.match((await page.textContent('body')) ?? '', /"status":"ok"/)
  assert.ok(
    requested.every((url) => url.startsWith(server.url)),
    `requests left the server: ${requested.join(', ')}`,
  )
})
