import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Locator, Page } from 'playwright-core'

const DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))

/**
 * docs/screenshots/NAME.png, only when MAMORI_SCREENSHOTS=1: the README shows them, and an
 * ordinary test run must not rewrite tracked files. `mask` covers secrets (a TOTP key, an invitation link).
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { mask?: Locator[] } = {},
): Promise<void> {
  if (process.env.MAMORI_SCREENSHOTS !== '1') return
  await mkdir(DIR, { recursive: true })
  await page.screenshot({
    path: `${DIR}${name}.png`,
    fullPage: false,
    animations: 'disabled',
    mask: options.mask ?? [],
  })
}
