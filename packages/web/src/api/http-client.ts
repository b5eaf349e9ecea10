import { ApiError, networkError, toApiError } from './api-error.ts'

/** The header the server checks on every state-changing request (packages/server/src/access/access-hook.ts). */
export const CSRF_HEADER = 'x-csrf-token'

export type Query = Record<string, string | number | undefined>

export type RequestOptions = {
  query?: Query
  body?: unknown
  /**
   * Leave REAUTH_REQUIRED and UNAUTHENTICATED to the caller: the sign-in and re-authentication
   * requests themselves answer them as plain failures.
   */
  raw?: boolean
}

export type ApiHooks = {
  /** The session ended: the page goes to sign-in. */
  onUnauthenticated(error: ApiError): void
  /** Asks the user for password and code again; true once re-authenticated, false if cancelled. */
  reauthenticate(): Promise<boolean>
}

export type ApiClient = {
  get<T>(path: string, options?: RequestOptions): Promise<T>
  post<T>(path: string, options?: RequestOptions): Promise<T>
  put<T>(path: string, options?: RequestOptions): Promise<T>
  patch<T>(path: string, options?: RequestOptions): Promise<T>
  delete<T>(path: string, options?: RequestOptions): Promise<T>
  /**
   * A POST whose answer is NDJSON (one JSON value a line, as the import commit streams its
   * progress): each line goes to `onLine` as it arrives; the promise settles when the body ends.
   */
  postLines<T>(path: string, options: RequestOptions, onLine: (line: T) => void): Promise<void>
  /** The token the server gave with the session; sent on every request that changes something. */
  setCsrfToken(token: string | null): void
  setHooks(hooks: ApiHooks): void
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>

/**
 * fetch for the server's JSON API: the session cookie (HttpOnly, SameSite=Strict) goes along by
 * itself, the CSRF token in a header on every method but GET; an error answer becomes an ApiError
 * with the server's Japanese message. REAUTH_REQUIRED opens the re-authentication prompt and, once
 * the user passed it, sends the request once more.
 */
export function createApiClient(fetchImpl: Fetch = (input, init) => fetch(input, init)): ApiClient {
  let csrfToken: string | null = null
  let hooks: ApiHooks | null = null

  async function send<T>(
    method: string,
    path: string,
    options: RequestOptions = {},
    read: (response: Response) => Promise<T> = readJson,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (options.body !== undefined) headers['content-type'] = 'application/json'
    if (method !== 'GET' && csrfToken !== null) headers[CSRF_HEADER] = csrfToken
    let response: Response
    try {
      response = await fetchImpl(urlOf(path, options.query), {
        method,
        headers,
        credentials: 'same-origin',
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      })
    } catch {
      throw networkError()
    }
    if (response.ok) return read(response)
    const error = toApiError(response.status, await response.json().catch(() => null))
    if (options.raw === true || hooks === null) throw error
    if (error.code === 'UNAUTHENTICATED') hooks.onUnauthenticated(error)
    if (error.code === 'REAUTH_REQUIRED' && (await hooks.reauthenticate())) {
      return send(method, path, { ...options, raw: true }, read)
    }
    throw error
  }

  return {
    get: (path, options) => send('GET', path, options),
    post: (path, options) => send('POST', path, options),
    put: (path, options) => send('PUT', path, options),
    patch: (path, options) => send('PATCH', path, options),
    delete: (path, options) => send('DELETE', path, options),
    postLines: (path, options, onLine) =>
      send('POST', path, options, (response) => readLines(response, onLine)),
    setCsrfToken: (token) => {
      csrfToken = token
    },
    setHooks: (next) => {
      hooks = next
    },
  }
}

async function readJson<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

/** Splits the body at line breaks as it arrives; a line cut by a chunk boundary waits for the rest. */
async function readLines<T>(response: Response, onLine: (line: T) => void): Promise<void> {
  if (response.body === null) return
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  let pending = ''
  const emit = (text: string) => {
    if (text.trim() !== '') onLine(JSON.parse(text) as T)
  }
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    pending += value
    let end = pending.indexOf('\n')
    while (end !== -1) {
      emit(pending.slice(0, end))
      pending = pending.slice(end + 1)
      end = pending.indexOf('\n')
    }
  }
  emit(pending)
}

/** `/api/…` with the query's defined values, in the order given. */
export function urlOf(path: string, query: Query = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.append(key, String(value))
  }
  const search = params.toString()
  return `/api${path}${search === '' ? '' : `?${search}`}`
}

export { ApiError }
