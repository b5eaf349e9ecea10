/**
 * Page numbers over the server's keyset paging: page 1 starts with no cursor, page n+1 with the
 * nextCursor that page n returned. The total is unknown (the server counts nothing), so the pages
 * offered are those already reached plus the next one while there is one.
 */
export type CursorPages = {
  /** The cursor each reached page starts from; index 0 is page 1. */
  starts: ReadonlyArray<string | null>
  current: number
  /** Whether the current page said a next one exists. */
  hasNext: boolean
}

export const FIRST_PAGE: CursorPages = { starts: [null], current: 1, hasNext: false }

/** The current page came back, with its nextCursor. */
export function pageLoaded(pages: CursorPages, nextCursor: string | null): CursorPages {
  const starts = pages.starts.slice(0, pages.current)
  return {
    starts: nextCursor === null ? starts : [...starts, nextCursor],
    current: pages.current,
    hasNext: nextCursor !== null,
  }
}

/** Go to a page already reached or the next one; other numbers stay where they are. */
export function goToPage(pages: CursorPages, page: number): CursorPages {
  if (!Number.isInteger(page) || page < 1 || page > pages.starts.length) return pages
  return { ...pages, current: page }
}

export function cursorOf(pages: CursorPages): string | null {
  return pages.starts[pages.current - 1] ?? null
}

export function pageCount(pages: CursorPages): number {
  return Math.max(pages.current, pages.starts.length)
}
