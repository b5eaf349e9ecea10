import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import { sealNumberForVault } from '@mamori/vault/contract'
import { startTestVault } from '../packages/server/src/my-number/testing.ts'
import { chromiumSkipReason, launchChromium } from './support/chromium.ts'
import { openPage, signInThroughPage } from './support/office-page.ts'
import { seedClients, startOfficeServer } from './support/office-server.ts'
import { captureRequests, plaintextNumberFindings } from './support/request-capture.ts'
import { screenshot } from './support/screenshots.ts'

const skip = await chromiumSkipReason()
const PURPOSE = 'SOCIAL_INSURANCE_FILING'

test('事務所管理者は理由を入力して個人番号を表示でき、番号は隠すか30秒で消え、表示はアクセス履歴に残り、担当者には表示できず、送信内容に番号は載らない', {
  skip,
}, async (t) => {
  const vaultDir = await mkdtemp(join(tmpdir(), 'mamori-e2e-vault-'))
  t.after(() => rm(vaultDir, { recursive: true, force: true }))
  const vault = await startTestVault(vaultDir)
  t.after(() => vault.stop())
  const server = await startOfficeServer(t, { vault: vault.access })
  const [client] = await seedClients(server, {
    seed: 'e2e-my-number-reveal',
    employeesPerClient: [1],
  })
  const employee = client?.employees[0]
  assert.ok(client !== undefined && employee !== undefined)

  // The number is sealed here as the employee's device would seal it; the server only relays it.
  const number = createSyntheticGenerator('e2e-my-number-reveal-number').myNumber()
  const key = await server.app.inject({
    method: 'GET',
    url: '/api/vault/public-key',
    headers: server.admin.headers,
  })
  const { keyId, publicKey } = key.json<{ keyId: string; publicKey: string }>()
  const registered = await server.app.inject({
    method: 'PUT',
    url: `/api/clients/${client.id}/employees/${employee.id}/my-number`,
    headers: server.admin.headers,
    payload: {
      purpose: PURPOSE,
      sealed: await sealNumberForVault(publicKey, keyId, number, {
        tenantId: server.officeId,
        subjectId: employee.id,
        purpose: PURPOSE,
      }),
      identityCheck: { numberCheck: 'MY_NUMBER_CARD', identityCheck: 'MY_NUMBER_CARD' },
    },
  })
  assert.equal(registered.statusCode, 200, registered.body)

  const browser = await launchChromium()
  t.after(() => browser.close())
  const page = await openPage(browser, `${server.url}/sign-in`)
  await page.clock.install()
  const capture = captureRequests(page)
  await signInThroughPage(page, server.admin)
  await page.getByRole('heading', { name: '顧問先' }).waitFor()
  await page.goto(`${server.url}/clients/${client.id}/employees/${employee.id}`)
  const person = `${employee.familyName} ${employee.givenName}さん`
  const shown = page.getByLabel(`${person}の個人番号`, { exact: true })

  const reveal = async () => {
    await page.getByRole('button', { name: `${person}の個人番号を表示` }).click()
    const dialog = page.getByRole('dialog', { name: `${person}の個人番号を表示` })
    await dialog.getByLabel('表示する理由').fill('年金事務所からの照会に回答するため')
    await dialog.getByRole('button', { name: '理由を記録して表示' }).click()
    await shown.waitFor()
  }

  await page.getByText('登録済み・本人確認済み').waitFor()
  assert.doesNotMatch((await page.textContent('main')) ?? '', /[0-9]{4} ?[0-9]{4} ?[0-9]{4}/)
  await reveal()
  assert.equal((await shown.textContent())?.replaceAll(' ', ''), number)
  await screenshot(page, 'my-number-reveal', { mask: [shown] })
  await page.getByRole('button', { name: '隠す' }).click()
  await shown.waitFor({ state: 'detached' })

  await reveal()
  await page.clock.runFor(30_000)
  await shown.waitFor({ state: 'detached' })

  await reveal()
  await page.getByRole('link', { name: '顧問先と従業員の一覧へ戻る' }).click()
  await page.goBack()
  await page.getByText('登録済み・本人確認済み').waitFor()
  assert.equal(await shown.count(), 0)

  // The audit view: every reveal is an entry, with who did it.
  await server.audit.integrate()
  await page.getByRole('button', { name: 'アクセス履歴を表示' }).click()
  const reveals = page.getByRole('row').filter({ hasText: '個人番号を画面に表示' })
  await reveals.first().waitFor()
  assert.equal(await reveals.count(), 3)
  assert.match((await reveals.first().textContent()) ?? '', /テスト利用者 office_admin/)
  await reveals.last().scrollIntoViewIfNeeded()
  await screenshot(page, 'access-history')

  await capture.settled()
  assert.equal(capture.requests.filter((r) => r.url.endsWith('/my-number/reveal')).length, 3)
  assert.deepEqual(plaintextNumberFindings(capture.requests), [])

  // A refused reveal: office staff of the same client see the status, and neither the page nor the
  // server lets them see the number.
  const staff = await server.addUser({ role: 'office_staff', clientIds: [client.id] })
  const staffPage = await openPage(browser, `${server.url}/sign-in`)
  const staffCapture = captureRequests(staffPage)
  await signInThroughPage(staffPage, staff)
  await staffPage.getByRole('heading', { name: '顧問先' }).waitFor()
  await staffPage.goto(`${server.url}/clients/${client.id}/employees/${employee.id}`)
  await staffPage.getByText('登録済み・本人確認済み').waitFor()
  assert.equal(await staffPage.getByRole('button', { name: `${person}の個人番号を表示` }).count(), 0)
  const refused = await server.app.inject({
    method: 'POST',
    url: `/api/clients/${client.id}/employees/${employee.id}/my-number/reveal`,
    headers: staff.headers,
    payload: { reason: '年金事務所からの照会に回答するため', recipientPublicKey: 'A'.repeat(43) },
  })
  assert.equal(refused.statusCode, 403)
  assert.match(refused.json().message, /権限/)
  await staffCapture.settled()
  assert.deepEqual(plaintextNumberFindings(staffCapture.requests), [])
})
