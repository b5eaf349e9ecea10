import type { Page, Request } from 'playwright-core'

export type CapturedRequest = {
  method: string
  url: string
  headers: Record<string, string>
  body: string | null
}

/**
 * Every request the page sends (URL, all headers, body), for the check that no My Number leaves
 * the page in plaintext. Call `settled()` before reading: headers are read asynchronously.
 */
export function captureRequests(page: Page): { requests: CapturedRequest[]; settled(): Promise<void> } {
  const requests: CapturedRequest[] = []
  const pending: Promise<void>[] = []
  const record = async (request: Request) => {
    requests.push({
      method: request.method(),
      url: request.url(),
      headers: await request.allHeaders(),
      body: request.postData(),
    })
  }
  page.on('request', (request) => {
    pending.push(record(request))
  })
  return {
    requests,
    settled: async () => {
      await Promise.all(pending)
    },
  }
}

// UUIDs end in 12 hex characters that are all digits about once in 300 ids: they are ids, not
// numbers, and are taken out before looking.
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi
const TWELVE_DIGITS = /(?<![0-9])[0-9]{12}(?![0-9])/
const GROUPED_4_4_4 = /(?<![0-9])[0-9]{4}[\s\-‐－ー]?[0-9]{4}[\s\-‐－ー]?[0-9]{4}(?![0-9])/
const FULL_WIDTH_DIGITS = /[０-９]/g

/** What in the requests looks like a My Number (12 digits, or 4-4-4 grouped), as "where: text". */
export function plaintextNumberFindings(requests: readonly CapturedRequest[]): string[] {
  const findings: string[] = []
  for (const request of requests) {
    const parts: Array<[string, string]> = [
      ['url', safeDecode(request.url)],
      ...Object.entries(request.headers).map(([name, value]): [string, string] => [`header ${name}`, value]),
      ...(request.body === null ? [] : [['body', request.body] as [string, string]]),
    ]
    for (const [where, raw] of parts) {
      const text = raw
        .replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
        .replace(UUID, '<uuid>')
      if (TWELVE_DIGITS.test(text) || GROUPED_4_4_4.test(text)) {
        findings.push(`${request.method} ${request.url.replace(/\?.*$/, '')} ${where}`)
      }
    }
  }
  return findings
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url)
  } catch {
    return url
  }
}
