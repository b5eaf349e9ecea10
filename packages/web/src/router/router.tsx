import type { MouseEvent, ReactNode } from 'react'
import { useSyncExternalStore } from 'react'
import { TextLink } from 'smarthr-ui'

/**
 * A router over the History API: the location is an external store that popstate and navigate()
 * change; screens read it with useLocation().
 */
const CHANGE = 'mamori:navigate'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(CHANGE, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(CHANGE, onChange)
  }
}

const snapshot = () => window.location.pathname + window.location.search

export function useLocation(): { pathname: string; search: URLSearchParams } {
  const current = useSyncExternalStore(subscribe, snapshot)
  const url = new URL(current, window.location.origin)
  return { pathname: url.pathname, search: url.searchParams }
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === snapshot()) return
  if (options.replace === true) window.history.replaceState(null, '', path)
  else window.history.pushState(null, '', path)
  window.scrollTo(0, 0)
  window.dispatchEvent(new Event(CHANGE))
}

/** A link within the page: a plain click navigates in place, a modified click opens a new tab as usual. */
export function Link({ to, children }: { to: string; children: ReactNode }) {
  const handleClick = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(to)
  }
  return (
    <TextLink href={to} onClick={handleClick}>
      {children}
    </TextLink>
  )
}
