import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { syntheticSheets, tableToCsv } from '../packages/server/src/imports/testing.ts'
import { startTestVault } from '../packages/server/src/my-number/testing.ts'
import { syntheticGenerator } from '../packages/server/src/people/factories.ts'
import { chromiumSkipReason, launchChromium } from './support/chromium.ts'
import { openPage, signInThroughPage } from './support/office-page.ts'
import { seedClients, startOfficeServer } from './support/office-server.ts'
import { captureRequests, plaintextNumberFindings } from './support/request-capture.ts'
import { screenshot } from './support/screenshots.ts'

const skip = await chromiumSkipReason()
const HIRE_DATE_COLUMN = 9

test('事務所の担当者がShift_JISのCSVを取り込み、誤りのある行を直して選び直し、本人確認の書類を選んで登録すると、個人番号は画面で暗号化されて登録され、送信内容に番号は載らない', {
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
  const [client] = await seedClients(server, { seed: 'e2e-import-wizard', employeesPerClient: [0] })
  assert.ok(client !== undefined)

  // A staff list as an office keeps it in Excel and saves it as CSV on Windows: Shift_JIS, with the
  // 個人番号 column. Synthetic people and numbers (packages/rules generator).
  const generator = syntheticGenerator('e2e-import-wizard-people')
  const sheets = syntheticSheets(generator, 3)
  const numbers = sheets.people.map(() => generator.myNumber())
  sheets.employees.headers.push('個人番号')
  for (const [i, row] of sheets.employees.rows.entries()) row.cells.push(numbers[i]!)
  const corrected = iconv.encode(tableToCsv(sheets.employees), 'cp932')
  const withError = structuredClone(sheets.employees)
  withError.rows[1]!.cells[HIRE_DATE_COLUMN] = '2024-13-01'
  const broken = iconv.encode(tableToCsv(withError), 'cp932')

  const browser = await launchChromium()
  t.after(() => browser.close())
  const page = await openPage(browser, `${server.url}/sign-in`)
  const capture = captureRequests(page)
  await signInThroughPage(page, server.admin)
  await page.getByRole('heading', { name: '顧問先' }).waitFor()
  await page.getByRole('link', { name: client.name }).click()
  await page.getByRole('link', { name: 'ファイル（CSV）から従業員を取り込む' }).click()
  await page.getByRole('heading', { name: `${client.name}: 従業員の取り込み` }).waitFor()

  const employeesFile = page.getByLabel('社員のファイルを選ぶ')
  // An Excel workbook is read in the page too (its ZIP inflated by the browser); the sheet can be chosen.
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('メモ').addRow(['この名簿は架空の人物です'])
  const sheet = workbook.addWorksheet('社員')
  sheet.addRow(sheets.employees.headers)
  for (const row of sheets.employees.rows) sheet.addRow(row.cells)
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer())
  await employeesFile.setInputFiles({
    name: '社員名簿.xlsx',
    mimeType: 'application/octet-stream',
    buffer: xlsx,
  })
  await page.getByText('社員: 社員名簿.xlsx（シート「メモ」、0 行）').waitFor()
  await page.getByLabel('社員のシート').selectOption('社員')
  await page.getByText('社員: 社員名簿.xlsx（シート「社員」、3 行）').waitFor()

  await employeesFile.setInputFiles({ name: '社員名簿.csv', mimeType: 'text/csv', buffer: broken })
  await page.getByText('社員: 社員名簿.csv（Shift_JIS、3 行）').waitFor()
  // The columns are guessed from the Japanese headers; the 個人番号 column stays in the page.
  assert.equal(await page.getByLabel('「入社日」の列の項目').inputValue(), 'hireDate')
  assert.equal(await page.getByLabel('「個人番号」の列の項目').inputValue(), 'myNumber')
  await page.getByRole('button', { name: '内容を確認する' }).click()

  await page.getByText('1 件の問題があります。').waitFor()
  const issue = page.getByRole('row').filter({ hasText: '3行目' })
  await issue.getByRole('cell', { name: '入社日' }).waitFor()
  assert.match((await issue.textContent()) ?? '', /存在しない日付/)
  assert.equal(await page.getByRole('button', { name: /件を登録する$/ }).count(), 0)
  await screenshot(page, 'import-preview-error')

  // The user fixes the row in the spreadsheet, saves, and chooses the file again.
  await employeesFile.setInputFiles({ name: '社員名簿（修正）.csv', mimeType: 'text/csv', buffer: corrected })
  await page.getByText('社員: 社員名簿（修正）.csv（Shift_JIS、3 行）').waitFor()
  await page.getByRole('button', { name: '内容を確認する' }).click()
  await page.getByText('問題はありません。登録に進めます。').waitFor()
  await page.getByText('個人番号は 3 件あります').waitFor()

  const commit = page.getByRole('button', { name: '3 件を登録する' })
  assert.equal(await commit.isDisabled(), true, 'the 本人確認 documents come first')
  await page.getByLabel('番号確認の書類').selectOption('MY_NUMBER_CARD')
  await page.getByLabel('身元確認の書類').selectOption('DRIVERS_LICENSE')
  await commit.click()
  await page
    .getByText('社員 3 人、被扶養者 0 人を登録しました。個人番号 3 件を暗号化して登録しました。')
    .waitFor()

  // Each person's number went sealed to their own id; the office sees it registered, not its digits.
  await capture.settled()
  const relayed = capture.requests.filter((r) => r.method === 'PUT' && /\/my-number$/.test(r.url))
  assert.equal(relayed.length, 3)
  for (const request of relayed) {
    const body = JSON.parse(request.body ?? '{}')
    assert.deepEqual(Object.keys(body.sealed).sort(), ['ciphertext', 'enc', 'keyId'])
    assert.deepEqual(body.identityCheck, { numberCheck: 'MY_NUMBER_CARD', identityCheck: 'DRIVERS_LICENSE' })
  }
  const commitBody = capture.requests.find((r) => r.url.endsWith('/imports/commit'))?.body ?? ''
  assert.match(commitBody, /"headers"/)
  assert.ok(!commitBody.includes('個人番号'), 'the 個人番号 column is never sent')

  const person = sheets.people[0]!
  await page.getByRole('link', { name: '従業員の一覧で確かめる' }).click()
  await page
    .getByRole('link', { name: new RegExp(person.familyName) })
    .first()
    .click()
  await page.getByRole('heading', { name: new RegExp(`${person.familyName} ${person.givenName}`) }).waitFor()
  await page.getByText('登録済み・本人確認済み').waitFor()

  await capture.settled()
  assert.deepEqual(plaintextNumberFindings(capture.requests), [])
  for (const number of numbers) {
    assert.ok(!capture.requests.some((r) => `${r.url}${JSON.stringify(r.headers)}${r.body}`.includes(number)))
  }
})
