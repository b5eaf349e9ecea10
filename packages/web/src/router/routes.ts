/**
 * The page's paths. The server answers every one of them with index.html (packages/server/src/web),
 * so a reload or a shared link lands on the same screen. Ids only ever appear in paths; names,
 * numbers and search words never do.
 */
export type Route =
  | { name: 'sign-in' }
  | { name: 'invitation' }
  | { name: 'clients' }
  | { name: 'client'; clientId: string }
  | { name: 'employee'; clientId: string; employeeId: string }
  | { name: 'import'; clientId: string }
  | { name: 'me' }
  | { name: 'users' }
  | { name: 'audit' }
  | { name: 'not-found' }

const ID = '([0-9a-fA-F-]{36})'

const PATTERNS: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => Route]> = [
  [/^\/sign-in$/, () => ({ name: 'sign-in' })],
  [/^\/invitation$/, () => ({ name: 'invitation' })],
  [/^\/(clients)?$/, () => ({ name: 'clients' })],
  [new RegExp(`^/clients/${ID}$`), (m) => ({ name: 'client', clientId: m[1]! })],
  [
    new RegExp(`^/clients/${ID}/employees/${ID}$`),
    (m) => ({ name: 'employee', clientId: m[1]!, employeeId: m[2]! }),
  ],
  [/^\/users$/, () => ({ name: 'users' })],
  [/^\/audit$/, () => ({ name: 'audit' })],
  [new RegExp(`^/clients/${ID}/import$`), (m) => ({ name: 'import', clientId: m[1]! })],
  [/^\/me$/, () => ({ name: 'me' })],
]

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
  for (const [pattern, route] of PATTERNS) {
    const match = pattern.exec(path)
    if (match !== null) return route(match)
  }
  return { name: 'not-found' }
}

export function pathOf(route: Exclude<Route, { name: 'not-found' }>): string {
  switch (route.name) {
    case 'sign-in':
      return '/sign-in'
    case 'invitation':
      return '/invitation'
    case 'clients':
      return '/clients'
    case 'client':
      return `/clients/${route.clientId}`
    case 'employee':
      return `/clients/${route.clientId}/employees/${route.employeeId}`
    case 'users':
      return '/users'
    case 'audit':
      return '/audit'
    case 'import':
      return `/clients/${route.clientId}/import`
    case 'me':
      return '/me'
  }
}

/** Where to go back to after signing in: a path of this page, never another site. */
export function safeReturnPath(candidate: string | null): string {
  if (candidate === null || !candidate.startsWith('/') || candidate.startsWith('//')) return '/clients'
  const route = matchRoute(candidate)
  return route.name === 'not-found' || route.name === 'sign-in' || route.name === 'invitation'
    ? '/clients'
    : candidate
}
