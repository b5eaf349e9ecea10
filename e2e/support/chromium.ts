import { access } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { chromium } from 'playwright-core'

/** Debian's chromium: playwright-core drives it; nothing downloads a browser of its own. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

/** Why browser tests cannot run here, or false when they can. */
export async function chromiumSkipReason(): Promise<string | false> {
  try {
    await access(CHROMIUM_PATH)
    return false
  } catch {
    return `chromium パッケージがないため省略 (apt-get install chromium fonts-noto-cjk)`
  }
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // The machine has no network beyond loopback: chromium's background fetches only fail slowly.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  })
}
