import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { chmod, mkdir, open, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { TLSSocket } from 'node:tls'
import type { FastifyRequest } from 'fastify'
import { refuse } from '../service-error.ts'

/**
 * Callers authenticate as a service, never as a user: the server (or the CLI) presents the
 * service token from a 0600 file under data/keys (unix socket), or a client certificate the
 * vault's CA signed whose subject CN is admitted (mutual TLS). Users are named in the call
 * context; the vault trusts the authenticated service for who they are, and audits them.
 */
export type CallerAuth =
  | { kind: 'token'; token: Buffer }
  | { kind: 'certificate'; allowedClients: readonly string[] }

export const SERVICE_TOKEN_FILE = 'vault-service.token'

/** Paths that answer without authentication: they hold no data. */
const OPEN_PATHS = new Set(['/health', '/openapi.json'])

export function authenticateCaller(auth: CallerAuth, request: FastifyRequest): void {
  if (OPEN_PATHS.has(request.url)) return
  if (auth.kind === 'token') {
    const header = request.headers.authorization
    const given = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : ''
    if (!tokensEqual(Buffer.from(given, 'utf8'), auth.token)) throw unauthenticated()
    return
  }
  const socket = request.raw.socket as Partial<TLSSocket>
  if (socket.authorized !== true || typeof socket.getPeerCertificate !== 'function') throw unauthenticated()
  const name = socket.getPeerCertificate().subject?.CN
  if (typeof name !== 'string' || !auth.allowedClients.includes(name)) throw unauthenticated()
}

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
function tokensEqual(given: Buffer, expected: Buffer): boolean {
  const a = createHash('sha256').update(given).digest()
  return timingSafeEqual(a, digestOf(expected)) && given.length > 0
}

/** The expected token's digest, computed once per token rather than on every request. */
const expectedDigests = new WeakMap<Buffer, Buffer>()

function digestOf(expected: Buffer): Buffer {
  let digest = expectedDigests.get(expected)
  if (digest === undefined) {
    digest = createHash('sha256').update(expected).digest()
    expectedDigests.set(expected, digest)
  }
  return digest
}

function unauthenticated() {
  return refuse('SERVICE_UNAUTHENTICATED', 'caller presented no valid service credential')
}

/**
 * The service token, generated on first start (O_EXCL, so two processes never write two) in a
 * 0600 file under the 0700 keys directory; a file others can read is refused, not used.
 */
export async function ensureServiceToken(
  keysDir: string,
): Promise<{ path: string; token: Buffer; created: boolean }> {
  await mkdir(keysDir, { recursive: true, mode: 0o700 })
  await chmod(keysDir, 0o700)
  const path = join(keysDir, SERVICE_TOKEN_FILE)
  let created = false
  try {
    const handle = await open(path, 'wx', 0o600)
    try {
      await handle.writeFile(`${randomBytes(32).toString('base64url')}\n`)
      await handle.sync()
      created = true
    } finally {
      await handle.close()
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  if (((await stat(path)).mode & 0o077) !== 0) {
    throw refuse('CONFIG_INVALID', 'the service token file is readable by group or others', 'serviceToken')
  }
  return { path, token: Buffer.from((await readFile(path, 'utf8')).trim(), 'utf8'), created }
}
