import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import { totpCode, totpStep } from '../packages/server/src/auth/totp.ts'
import { startTestVault } from '../packages/server/src/my-number/testing.ts'
import { chromiumSkipReason, launchChromium } from './support/chromium.ts'
import { openPage, signInThroughPage } from './support/office-page.ts'
import { seedClients, startOfficeServer } from './support/office-server.ts'
import { captureRequests, plaintextNumberFindings } from './support/request-capture.ts'
import { screenshot } from './support/screenshots.ts'

const skip = await chromiumSkipReason()
const REAUTH_LAPSED_MS = 6 * 60_000

test('事務所が従業員を招待し、従業員は本人の画面で利用目的を読み、自分と扶養家族の個人番号を入力して提出し、登録の状況とアクセス履歴を見る。番号は画面で暗号化され、送信内容に載らない', {
  skip,
}, async (t) => {
  const vaultDir = await mkdtemp(join(tmpdir(), 'mamori-e2e-vault-'))
  const vault = await startTestVault(vaultDir)
  // Stopped before its directory goes (after-hooks run in the order they were added).
  t.after(async () => {
    await vault.stop()
    await rm(vaultDir, { recursive: true, force: true })
  })
  const server = await startOfficeServer(t, { vault: vault.access })
  // The first seeded employee has one dependent.
  const [client] = await seedClients(server, { seed: 'e2e-self-service', employeesPerClient: [1] })
  const employee = client?.employees[0]
  assert.ok(client !== undefined && employee !== undefined)
  const generator = createSyntheticGenerator('e2e-self-service-numbers')
  const ownNumber = generator.myNumber()
  const dependentNumber = generator.myNumber()
  const wrongDigit = `${ownNumber.slice(0, 11)}${(Number(ownNumber[11]) + 1) % 10}`
  const person = `${employee.familyName} ${employee.givenName}さん`

  const browser = await launchChromium()
  t.after(() => browser.close())

  // The office invites the employee (a sensitive act: past the sign-in's five minutes it asks again).
  const office = await openPage(browser, `${server.url}/sign-in`)
  const officeCapture = captureRequests(office)
  await signInThroughPage(office, server.admin)
  await office.getByRole('heading', { name: '顧問先' }).waitFor()
  await office.goto(`${server.url}/clients/${client.id}/employees/${employee.id}`)
  await office.getByText('未登録').first().waitFor()
  server.clock.advance(REAUTH_LAPSED_MS)
  await office.getByRole('button', { name: `${person}を本人の画面に招待` }).click()
  const inviteDialog = office.getByRole('dialog', { name: `${person}を本人の画面に招待` })
  await inviteDialog.getByLabel('ログインID').fill('e2e-employee')
  await inviteDialog.getByRole('button', { name: '招待リンクを作成' }).click()
  const reauth = office.getByRole('dialog', { name: '本人確認' })
  await reauth.getByLabel('パスワード').fill(server.admin.password)
  await reauth.getByLabel('確認コード（6桁）').fill(server.admin.nextTotpCode())
  await reauth.getByRole('button', { name: '確認して続ける' }).click()
  const link = await office
    .getByRole('dialog', { name: '招待リンクを作成しました' })
    .getByLabel('招待リンク')
    .inputValue()
  assert.match(link, /\/invitation#token=/)

  // The employee, in a browser of their own: password, TOTP, then their page.
  const page = await openPage(browser, link)
  const capture = captureRequests(page)
  await page.getByLabel('パスワード', { exact: true }).fill('synthetic passphrase of the e2e employee')
  await page.getByLabel('パスワード（確認）').fill('synthetic passphrase of the e2e employee')
  await page.getByRole('button', { name: 'パスワードを設定する' }).click()
  const secret = (await page.getByLabel('登録するキー').inputValue()).replaceAll(' ', '')
  await page.getByLabel('確認コード（6桁）').fill(totpCode(secret, totpStep(server.clock.now().getTime())))
  await page.getByRole('button', { name: '登録を確認してサインイン' }).click()
  await page
    .getByRole('heading', {
      name: `${employee.familyName} ${employee.givenName}さんの個人番号（マイナンバー）`,
    })
    .waitFor()
  assert.equal(new URL(page.url()).pathname, '/me')

  await page.getByRole('heading', { name: '利用目的' }).waitFor()
  await page.getByText('健康保険・厚生年金保険の届出').waitFor()
  await page.getByText('上の「利用目的」を読み、番号がこの目的だけに使われることを確認しました').click()

  const own = page.getByLabel('あなたの個人番号')
  await own.fill(wrongDigit)
  await page.getByText('番号が正しくありません（最後の1桁の検査用数字が合いません）').waitFor()
  await own.fill(ownNumber)
  await page.getByText('番号の形は正しいです。').waitFor()
  await page.getByLabel(/（扶養家族）の個人番号$/).pressSequentially(dependentNumber)
  await page.getByLabel('番号確認の書類').selectOption('MY_NUMBER_CARD')
  await page.getByLabel('身元確認の書類').selectOption('MY_NUMBER_CARD')
  await page.getByRole('button', { name: '暗号化して提出する' }).click()

  await page.getByText('あなたとご家族の個人番号はすべて登録済みです').waitFor()
  const statusRows = page.getByRole('row').filter({ hasText: '登録済み' })
  await statusRows.nth(1).waitFor()
  assert.equal(await statusRows.count(), 2)

  // The registrations are in the audit log once sequenced (the server's sequencer does this by itself).
  await server.audit.integrate()
  await page.getByRole('button', { name: 'アクセス履歴を表示' }).click()
  const registered = page.getByRole('row').filter({ hasText: '個人番号を登録' })
  await registered.nth(1).waitFor()
  assert.equal(await registered.filter({ hasText: '本人' }).count(), 2)
  assert.match((await registered.first().textContent()) ?? '', /健康保険・厚生年金保険の届出/)
  await page.getByText('2件の個人番号を暗号化して提出しました。').waitFor()
  await page.getByRole('heading', { name: '登録の状況' }).evaluate((heading) => heading.scrollIntoView())
  await screenshot(page, 'self-service')

  // The office sees both registered, never the digits.
  await office.reload()
  await office.getByText('登録済み・本人確認済み').first().waitFor()

  await capture.settled()
  await officeCapture.settled()
  const all = [...capture.requests, ...officeCapture.requests]
  const sent = all.filter((r) => r.method === 'PUT' && r.url.endsWith('/api/me/my-number'))
  assert.equal(sent.length, 2)
  assert.deepEqual(plaintextNumberFindings(all), [])
  for (const number of [ownNumber, dependentNumber, wrongDigit]) {
    assert.ok(!all.some((r) => `${r.url}${JSON.stringify(r.headers)}${r.body}`.includes(number)))
  }
})
