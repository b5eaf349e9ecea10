import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where `npm run build:web` puts the page (packages/web/dist), relative to this file. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url))

/**
 * The page's policy: scripts, fonts and API calls from this origin only; inline styles because
 * smarthr-ui's styled-components inject them; never framed (no clickjacking of a reveal).
 */
export const WEB_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

export type WebPage = { root: string; indexHtml: string }

/** The built page in `root`, or null when it has not been built (the status page stands in). */
export function loadWebPage(root: string): WebPage | null {
  const index = join(root, 'index.html')
  if (!existsSync(index)) return null
  return { root, indexHtml: readFileSync(index, 'utf8') }
}

/** Whether a request that found no route is the browser asking for one of the page's own paths. */
export function isPagePath(method: string, url: string, accept: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false
  if (url.startsWith('/api/') || url.startsWith('/assets/')) return false
  return accept?.includes('text/html') === true
}
