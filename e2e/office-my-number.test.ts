import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import { startTestVault } from '../packages/server/src/my-number/testing.ts'
import { chromiumSkipReason, launchChromium } from './support/chromium.ts'
import { openPage, signInThroughPage } from './support/office-page.ts'
import { seedClients, startOfficeServer } from './support/office-server.ts'
import { captureRequests, plaintextNumberFindings } from './support/request-capture.ts'
import { screenshot } from './support/screenshots.ts'

const skip = await chromiumSkipReason()

test('事務所管理者は受け取った番号を画面で暗号化して登録し、本人確認の書類を確かめ、扶養家族の提供拒否を記録し、顧問先のアクセス状況で従業員を見つける。送信内容に番号は載らない', {
  skip,
}, async (t) => {
  const vaultDir = await mkdtemp(join(tmpdir(), 'mamori-e2e-vault-'))
  t.after(() => rm(vaultDir, { recursive: true, force: true }))
  const vault = await startTestVault(vaultDir)
  t.after(() => vault.stop())
  const server = await startOfficeServer(t, { vault: vault.access })
  const [client] = await seedClients(server, { seed: 'e2e-office-my-number', employeesPerClient: [1] })
  const employee = client?.employees[0]
  assert.ok(client !== undefined && employee !== undefined)
  const number = createSyntheticGenerator('e2e-office-my-number-number').myNumber()
  const wrongCheckDigit = `${number.slice(0, 11)}${(Number(number[11]) + 1) % 10}`

  const browser = await launchChromium()
  t.after(() => browser.close())
  const page = await openPage(browser, `${server.url}/sign-in`)
  const capture = captureRequests(page)
  await signInThroughPage(page, server.admin)
  await page.getByRole('heading', { name: '顧問先' }).waitFor()
  await page.goto(`${server.url}/clients/${client.id}/employees/${employee.id}`)
  const person = `${employee.familyName} ${employee.givenName}さん`

  // Registration: a wrong check digit is caught as typed, before anything is sealed or sent.
  await page.getByRole('button', { name: `${person}の個人番号を登録` }).click()
  const dialog = page.getByRole('dialog', { name: `${person}の個人番号を登録` })
  await dialog.getByLabel('個人番号').pressSequentially(wrongCheckDigit)
  await dialog.getByText('最後の1桁の検査用数字が合いません').waitFor()
  await dialog.getByLabel('個人番号').fill(number)
  await dialog.getByText('番号の形は正しいです。').waitFor()
  await dialog.getByLabel('番号確認の書類').selectOption('MY_NUMBER_CARD')
  await dialog.getByLabel('身元確認の書類').selectOption('DRIVERS_LICENSE')
  await dialog.getByRole('button', { name: '暗号化して登録' }).click()
  await page.getByText('登録済み・本人確認済み').waitFor()

  // The vault's record, with the documents in Japanese.
  await page.getByRole('button', { name: `${person}の個人番号の登録状況を詳しく見る` }).click()
  await page.getByText('マイナンバーカード（個人番号カード）').waitFor()
  await page.getByText('運転免許証').waitFor()

  // The dependent declined: the 経過 is recorded.
  await page.getByRole('button', { name: /の提供拒否を記録$/ }).click()
  const refusal = page.getByRole('dialog', { name: /の提供拒否を記録$/ })
  await refusal.getByLabel('求めた方法').selectOption('IN_PERSON')
  await refusal.getByLabel('本人の回答').selectOption('REFUSED')
  await refusal.getByRole('button', { name: '経過を記録' }).click()
  await page.getByText('提供拒否を記録済み').waitFor()

  // The audit view: the client's people touched, the employee among them.
  await server.audit.integrate()
  await page.getByRole('link', { name: 'アクセス状況' }).click()
  await page.getByLabel('顧問先').selectOption({ label: client.name })
  await page.getByLabel('期間').selectOption('7')
  await page.getByRole('button', { name: 'アクセス状況を表示' }).click()
  const employeeRow = page
    .getByRole('row')
    .filter({ has: page.locator(`a[href="/clients/${client.id}/employees/${employee.id}"]`) })
  await employeeRow.first().waitFor()
  assert.match((await employeeRow.first().textContent()) ?? '', /テスト利用者 office_admin/)
  await screenshot(page, 'access-report')

  await capture.settled()
  const registrations = capture.requests.filter(
    (r) => r.method === 'PUT' && r.url.endsWith(`/employees/${employee.id}/my-number`),
  )
  assert.equal(registrations.length, 1)
  assert.deepEqual(plaintextNumberFindings(capture.requests), [])
})
