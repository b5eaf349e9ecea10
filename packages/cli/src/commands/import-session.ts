import { ServerError, type ServerErrorCode } from '@mamori/server'
import { CliError } from '../cli-error.ts'

/**
 * A signed-in session of `mamori import` on a Mamori server, over HTTP: password and a TOTP code
 * from the environment (MAMORI_LOGIN_ID, MAMORI_PASSWORD, MAMORI_TOTP_CODE), the same two steps
 * as the web page; the session cookie and CSRF token live only in this process.
 */
export type ImportSession = {
  post(path: string, body: unknown): Promise<Response>
  put(path: string, body: unknown): Promise<Response>
  get(path: string): Promise<Response>
}

export async function signIn(env: Readonly<Record<string, string | undefined>>): Promise<ImportSession> {
  const server = required(env, 'MAMORI_SERVER_URL')
  const loginId = required(env, 'MAMORI_LOGIN_ID')
  const password = required(env, 'MAMORI_PASSWORD')
  const code = required(env, 'MAMORI_TOTP_CODE')
  const base = new URL('/api/', server)
  const first = await send(new URL('auth/sign-in', base), { method: 'POST', json: { loginId, password } })
  const second = await send(new URL('auth/totp', base), {
    method: 'POST',
    json: { code },
    cookie: sessionCookie(first),
    csrf: ((await first.json()) as { csrfToken: string }).csrfToken,
  })
  const cookie = sessionCookie(second)
  const csrf = ((await second.json()) as { csrfToken: string }).csrfToken
  return {
    post: (path, body) =>
      send(new URL(path.replace(/^\//, ''), base), { method: 'POST', json: body, cookie, csrf }),
    put: (path, body) =>
      send(new URL(path.replace(/^\//, ''), base), { method: 'PUT', json: body, cookie, csrf }),
    get: (path) => send(new URL(path.replace(/^\//, ''), base), { method: 'GET', cookie, csrf }),
  }
}

async function send(
  url: URL,
  options: { method: 'GET' | 'POST' | 'PUT'; json?: unknown; cookie?: string; csrf?: string },
): Promise<Response> {
  let response: Response
  try {
    response = await fetch(url, {
      method: options.method,
      headers: {
        ...(options.json === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.cookie === undefined ? {} : { cookie: options.cookie }),
        ...(options.csrf === undefined ? {} : { 'x-csrf-token': options.csrf }),
      },
      ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }),
    })
  } catch (cause) {
    throw new ServerError({
      code: 'INTERNAL',
      message: 'server unreachable',
      messageJa: `サーバー（${url.origin}）に接続できません。MAMORI_SERVER_URL とサーバーの起動を確認してください。`,
      cause,
    })
  }
  if (!response.ok) throw await serverRefusal(response)
  return response
}

/** The server's `{ code, message, field }` as an error the CLI prints (exit code 1). */
export async function serverRefusal(response: Response): Promise<ServerError> {
  const body = (await response.json().catch(() => ({}))) as {
    code?: string
    message?: string
    field?: string
  }
  return new ServerError({
    code: (body.code ?? 'INTERNAL') as ServerErrorCode,
    message: `server answered ${response.status}`,
    messageJa: body.message ?? `サーバーが要求を受け付けませんでした（HTTP ${response.status}）。`,
    ...(body.field === undefined ? {} : { field: body.field }),
  })
}

function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('mamori_session='))
  if (cookie === undefined) {
    throw new ServerError({
      code: 'UNAUTHENTICATED',
      message: 'no session cookie',
      messageJa: 'サインインできませんでした。',
    })
  }
  return cookie.split(';')[0]!
}

function required(env: Readonly<Record<string, string | undefined>>, name: string): string {
  const value = env[name]
  if (value !== undefined && value !== '') return value
  throw new CliError({
    code: 'CLI_MISSING_ARGUMENT',
    message: `${name} is not set`,
    messageJa: `環境変数 ${name} を設定してください（「mamori import --help」を参照）。`,
    field: name,
    exitCode: 2,
  })
}
