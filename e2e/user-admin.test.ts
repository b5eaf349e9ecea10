import assert from 'node:assert/strict'
import { test } from 'node:test'
import { totpCode, totpStep } from '../packages/server/src/auth/totp.ts'
import { chromiumSkipReason, launchChromium } from './support/chromium.ts'
import { openPage, signInThroughPage } from './support/office-page.ts'
import { seedClients, startOfficeServer } from './support/office-server.ts'
import { captureRequests, plaintextNumberFindings } from './support/request-capture.ts'
import { screenshot } from './support/screenshots.ts'

const skip = await chromiumSkipReason()
const REAUTH_LAPSED_MS = 6 * 60_000

test('事務所管理者が本人確認のうえ利用者の役割を変え、招待した人がTOTPを登録して使い始める', {
  skip,
}, async (t) => {
  const server = await startOfficeServer(t)
  const [client] = await seedClients(server, { seed: 'e2e-user-admin', employeesPerClient: [2] })
  assert.ok(client !== undefined)
  const staff = await server.addUser({ role: 'office_staff', clientIds: [client.id] })
  const staffName = `テスト利用者 office_staff`
  const browser = await launchChromium()
  t.after(() => browser.close())

  const page = await openPage(browser, `${server.url}/sign-in`)
  const capture = captureRequests(page)
  await signInThroughPage(page, server.admin)
  await page.getByRole('heading', { name: '顧問先' }).waitFor()
  await page.getByRole('link', { name: '利用者と権限' }).click()
  await page.getByRole('heading', { name: '利用者と権限' }).waitFor()
  await page.getByRole('cell', { name: staff.loginId }).waitFor()
  await screenshot(page, 'users')

  // The sign-in counted as re-authentication for five minutes; past them, a change asks again.
  server.clock.advance(REAUTH_LAPSED_MS)
  await page.getByRole('button', { name: `${staffName}さんの役割を変更` }).click()
  const roleDialog = page.getByRole('dialog', { name: `${staffName}さんの役割を変更` })
  await roleDialog.getByLabel('役割').selectOption({ label: '顧問先の人事担当者' })
  await roleDialog.getByRole('button', { name: '役割を変更' }).click()

  const reauth = page.getByRole('dialog', { name: '本人確認' })
  await reauth.waitFor()
  await screenshot(page, 'reauthentication')
  await reauth.getByLabel('パスワード').fill(server.admin.password)
  await reauth.getByLabel('確認コード（6桁）').fill(server.admin.nextTotpCode())
  await reauth.getByRole('button', { name: '確認して続ける' }).click()
  await page.getByText('役割を変更しました。').waitFor()
  await page
    .getByRole('row', { name: new RegExp(staff.loginId) })
    .getByText('顧問先の人事担当者')
    .waitFor()
  const users = await server.app.inject({ method: 'GET', url: '/api/users', headers: server.admin.headers })
  const changed = users
    .json<{ users: Array<{ id: string; role: string }> }>()
    .users.find((u) => u.id === staff.userId)
  assert.equal(changed?.role, 'client_hr')

  // A new colleague: invited in the page, enrolled in another browser with the link alone.
  await page.getByRole('button', { name: '利用者を招待' }).click()
  const createDialog = page.getByRole('dialog', { name: '利用者を招待' })
  await createDialog.getByLabel('ログインID').fill('e2e-new-colleague')
  await createDialog.getByLabel('表示名').fill('新しい 担当者')
  await createDialog.getByLabel(client.name).check()
  await createDialog.getByRole('button', { name: '招待リンクを作成' }).click()
  const link = await page
    .getByRole('dialog', { name: '招待リンクを作成しました' })
    .getByLabel('招待リンク')
    .inputValue()
  assert.match(link, /\/invitation#token=/)

  const invited = await openPage(browser, link)
  const invitedCapture = captureRequests(invited)
  await invited.getByLabel('パスワード', { exact: true }).fill('synthetic passphrase for the e2e colleague')
  await invited.getByLabel('パスワード（確認）').fill('synthetic passphrase for the e2e colleague')
  await invited.getByRole('button', { name: 'パスワードを設定する' }).click()
  const secret = (await invited.getByLabel('登録するキー').inputValue()).replaceAll(' ', '')
  assert.match(secret, /^[A-Z2-7]{16,}$/)
  await screenshot(invited, 'totp-enrolment', {
    mask: [invited.getByLabel('登録するキー'), invited.getByLabel('登録用 URI')],
  })
  await invited.getByLabel('確認コード（6桁）').fill(totpCode(secret, totpStep(server.clock.now().getTime())))
  await invited.getByRole('button', { name: '登録を確認してサインイン' }).click()
  await invited.getByRole('heading', { name: '顧問先' }).waitFor()
  await invited.getByRole('link', { name: client.name }).waitFor()
  assert.equal(new URL(invited.url()).hash, '', 'the token left the address bar')

  await capture.settled()
  await invitedCapture.settled()
  assert.deepEqual(plaintextNumberFindings([...capture.requests, ...invitedCapture.requests]), [])
})
