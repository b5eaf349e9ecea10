import type { Browser, Page } from 'playwright-core'
import type { SignedInUser } from '../../packages/server/src/auth/testing.ts'

/** A fresh browser context (no cookies) on the office's page, Japanese locale, a laptop-sized window. */
export async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1280, height: 860 },
  })
  // Waits, not timings: on a loaded CI machine a screen may take longer than playwright's 30 s default.
  context.setDefaultTimeout(120_000)
  const page = await context.newPage()
  await page.goto(url)
  return page
}

/** Signs in through the sign-in screen: login id and password, then the next TOTP code. */
export async function signInThroughPage(page: Page, user: SignedInUser): Promise<void> {
  await page.getByLabel('ログインID').fill(user.loginId)
  await page.getByLabel('パスワード').fill(user.password)
  await page.getByRole('button', { name: '次へ' }).click()
  await page.getByLabel('確認コード（6桁）').fill(user.nextTotpCode())
  await page.getByRole('button', { name: 'サインイン' }).click()
}
