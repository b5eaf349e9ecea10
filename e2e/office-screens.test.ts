import assert from 'node:assert/strict'
import { test } from 'node:test'
import { chromiumSkipReason, launchChromium } from './support/chromium.ts'
import { openPage } from './support/office-page.ts'
import { seedClients, startOfficeServer } from './support/office-server.ts'
import { captureRequests, plaintextNumberFindings } from './support/request-capture.ts'
import { screenshot } from './support/screenshots.ts'

const skip = await chromiumSkipReason()

test('事務所の利用者がTOTPでサインインし、顧問先から従業員を探して開く', { skip }, async (t) => {
  const server = await startOfficeServer(t)
  const [client] = await seedClients(server, {
    seed: 'e2e-office-screens',
    employeesPerClient: [60, 3],
  })
  assert.ok(client !== undefined)
  const browser = await launchChromium()
  t.after(() => browser.close())

  const page = await openPage(browser, `${server.url}/clients`)
  const capture = captureRequests(page)
  await page.getByRole('heading', { name: 'サインイン' }).waitFor()
  assert.match(page.url(), /\/sign-in\?next=%2Fclients$/)
  await screenshot(page, 'sign-in')
  await page.getByLabel('ログインID').fill(server.admin.loginId)
  await page.getByLabel('パスワード').fill(server.admin.password)
  await page.getByRole('button', { name: '次へ' }).click()
  // A wrong code is refused in Japanese, saying what to enter; the right one then signs in.
  await page.getByLabel('確認コード（6桁）').fill(wrongCode(server.admin.nextTotpCode()))
  await page.getByRole('button', { name: 'サインイン' }).click()
  await page.getByText('認証アプリに表示されている最新の6桁を入力してください。').first().waitFor()
  // The refused code used up a time step: the person waits for the next code, as with a real app.
  // Without this the right code is two steps ahead of the server's clock whenever seeding was quick.
  server.clock.advance(30_000)
  await page.getByLabel('確認コード（6桁）').fill(server.admin.nextTotpCode())
  await page.getByRole('button', { name: 'サインイン' }).click()

  await page.getByRole('heading', { name: '顧問先' }).waitFor()
  assert.equal(new URL(page.url()).pathname, '/clients')
  await page.getByRole('link', { name: client.name }).waitFor()
  await screenshot(page, 'clients')

  await page.getByRole('link', { name: client.name }).click()
  await page.getByRole('heading', { name: client.name }).waitFor()
  await page.getByRole('heading', { name: '従業員' }).waitFor()
  const rows = page.locator('table tbody tr')
  await page.getByRole('navigation', { name: /ページ/ }).waitFor()
  assert.equal(await rows.count(), 50)
  await screenshot(page, 'client-employees')

  await page.getByRole('button', { name: '2' }).click()
  await page.waitForFunction("document.querySelectorAll('table tbody tr').length === 10")

  const target = client.employees[0]!
  await page.getByLabel('氏名・フリガナ').fill(target.familyNameKana)
  await page.getByRole('button', { name: '検索' }).click()
  const found = page.getByRole('link', { name: `${target.familyName} ${target.givenName}` })
  await found.first().waitFor()
  const shown = await page.locator('table tbody tr').allTextContents()
  assert.ok(shown.length >= 1 && shown.length < 60, `the search narrowed the list: ${shown.length} rows`)

  await found.first().click()
  await page.getByRole('heading', { name: '履歴（適用開始日ごとの版）' }).waitFor()
  await page.getByRole('heading', { name: '扶養家族' }).waitFor()
  const body = (await page.textContent('main')) ?? ''
  assert.match(body, /令和|平成|昭和/, 'dates are shown in 和暦')
  assert.match(body, /住所変更/, 'the second version is in the history')
  assert.match(body, /未登録/, 'the My Number status is shown')
  await screenshot(page, 'employee')

  // Back from the employee: the same search, the same rows.
  await page.goBack()
  await page.getByRole('heading', { name: '従業員' }).waitFor()
  await found.first().waitFor()
  assert.equal(await page.getByLabel('氏名・フリガナ').inputValue(), target.familyNameKana)
  assert.deepEqual(await page.locator('table tbody tr').allTextContents(), shown)

  await page.getByRole('button', { name: 'サインアウト' }).click()
  await page.getByText('サインアウトしました。').waitFor()
  await page.goto(`${server.url}/clients/${client.id}`)
  await page.getByRole('heading', { name: 'サインイン' }).waitFor()
  assert.equal(new URL(page.url()).searchParams.get('next'), `/clients/${client.id}`)

  await capture.settled()
  assert.ok(capture.requests.some((r) => r.url.includes('/api/auth/totp')))
  assert.deepEqual(plaintextNumberFindings(capture.requests), [])
})

/** A six-digit code that is not the valid one. */
function wrongCode(valid: string): string {
  return valid.replace(/^./, (d) => String((Number(d) + 5) % 10))
}
