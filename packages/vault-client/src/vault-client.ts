import { Agent as HttpAgent, request as httpRequest } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import * as C from '@mamori/vault/contract'
import type { z } from 'zod'
import { VaultClientError } from './vault-client-error.ts'

/**
 * Where the vault listens and how to prove who we are: the unix socket with the service token
 * (embedded), or mutual TLS with our client certificate (production).
 */
export type VaultClientOptions =
  | { transport: 'socket'; socketPath: string; serviceToken: string; timeoutMs?: number }
  | {
      transport: 'mtls'
      url: string
      cert: string | Buffer
      key: string | Buffer
      ca: string | Buffer
      timeoutMs?: number
    }

export type VaultClient = {
  register(input: C.TRegisterRequest): Promise<C.TRegisterResponse>
  approve(input: C.TApproveRequest): Promise<C.TApproveResponse>
  status(input: C.TStatusRequest): Promise<C.TStatusResponse>
  match(input: C.TMatchRequest): Promise<C.TMatchResponse>
  merge(input: C.TMergeRequest): Promise<C.TMergeResponse>
  reveal(input: C.TRevealRequest): Promise<C.TRevealResponse>
  refusal(input: C.TRefusalRequest): Promise<C.TRefusalResponse>
  delete(input: C.TDeleteRequest): Promise<C.TDeleteResponse>
  deleteClient(input: C.TDeleteClientRequest): Promise<C.TDeleteClientResponse>
  deletionDue(input: C.TDeletionDueRequest): Promise<C.TDeletionDueResponse>
  rotate(input: C.TRotateRequest): Promise<C.TRotateResponse>
  publicKey(): Promise<C.TPublicKeyResponse>
  /** For `mamori doctor`: rate-limit alarms of the last 24 hours and the key rotation state. */
  healthReport(): Promise<C.THealthReportResponse>
  close(): void
}

const DEFAULT_TIMEOUT_MS = 30_000
/** Responses are small (a merge is capped at 1,000 subjects); anything larger is refused unread. */
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024

/**
 * The typed client of the vault: the only way the server and the CLI reach it. Requests are
 * validated against the contract before they leave, and responses after they arrive, so a
 * field not in the contract never passes either way. Refusals become VaultClientError with the
 * vault's code.
 */
export function createVaultClient(options: VaultClientOptions): VaultClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const base = options.transport === 'mtls' ? new URL(options.url) : undefined
  const agent =
    options.transport === 'socket'
      ? new HttpAgent({ keepAlive: true, maxSockets: 128 })
      : new HttpsAgent({
          keepAlive: true,
          maxSockets: 128,
          cert: options.cert,
          key: options.key,
          ca: options.ca,
          minVersion: 'TLSv1.3',
        })

  function call<Req extends z.ZodType, Res extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    requestSchema: Req | null,
    responseSchema: Res,
    input?: z.input<Req>,
  ): Promise<z.output<Res>> {
    let body: string | undefined
    if (requestSchema !== null) {
      const parsed = requestSchema.safeParse(input)
      if (!parsed.success) {
        const field = parsed.error.issues[0]?.path.join('.')
        return Promise.reject(
          new VaultClientError({
            code: 'REQUEST_INVALID',
            message: `vault request ${path} does not match the contract`,
            messageJa: '金庫への要求の形式が不正です。',
            field,
          }),
        )
      }
      body = JSON.stringify(parsed.data)
    }
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { accept: 'application/json' }
      if (body !== undefined) {
        headers['content-type'] = 'application/json'
        headers['content-length'] = String(Buffer.byteLength(body))
      }
      if (options.transport === 'socket') headers.authorization = `Bearer ${options.serviceToken}`
      const common = { method, path, headers, agent, timeout: timeoutMs }
      const req =
        options.transport === 'socket'
          ? httpRequest({ ...common, socketPath: options.socketPath })
          : httpsRequest({ ...common, hostname: base?.hostname, port: base?.port })
      req.on('timeout', () => req.destroy(new Error('timeout')))
      req.on('error', () =>
        reject(
          new VaultClientError({
            code: 'VAULT_UNREACHABLE',
            message: `vault did not answer ${path}`,
            messageJa: '金庫に接続できません。金庫が起動しているか確認してください。',
          }),
        ),
      )
      req.on('response', (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > MAX_RESPONSE_BYTES) res.destroy(new Error('response too large'))
          else chunks.push(chunk)
        })
        res.on('error', () => reject(invalidResponse(path, res.statusCode)))
        res.on('end', () => {
          let json: unknown
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'))
          } catch {
            reject(invalidResponse(path, res.statusCode))
            return
          }
          if (res.statusCode === 200) {
            const parsed = responseSchema.safeParse(json)
            if (parsed.success) resolve(parsed.data)
            else reject(invalidResponse(path, res.statusCode))
            return
          }
          const error = C.ZVaultErrorBody.safeParse(json)
          if (!error.success) {
            reject(invalidResponse(path, res.statusCode))
            return
          }
          reject(
            new VaultClientError({
              code: error.data.code,
              message: `vault refused ${path} with ${error.data.code}`,
              messageJa: error.data.message,
              field: error.data.field,
              status: res.statusCode,
              requestId: error.data.requestId,
            }),
          )
        })
      })
      req.end(body)
    })
  }

  return {
    register: (input) => call('POST', '/v1/register', C.ZRegisterRequest, C.ZRegisterResponse, input),
    approve: (input) => call('POST', '/v1/approve', C.ZApproveRequest, C.ZApproveResponse, input),
    status: (input) => call('POST', '/v1/status', C.ZStatusRequest, C.ZStatusResponse, input),
    match: (input) => call('POST', '/v1/match', C.ZMatchRequest, C.ZMatchResponse, input),
    merge: (input) => call('POST', '/v1/merge', C.ZMergeRequest, C.ZMergeResponse, input),
    reveal: (input) => call('POST', '/v1/reveal', C.ZRevealRequest, C.ZRevealResponse, input),
    refusal: (input) => call('POST', '/v1/refusal', C.ZRefusalRequest, C.ZRefusalResponse, input),
    delete: (input) => call('POST', '/v1/delete', C.ZDeleteRequest, C.ZDeleteResponse, input),
    deleteClient: (input) =>
      call('POST', '/v1/delete-client', C.ZDeleteClientRequest, C.ZDeleteClientResponse, input),
    deletionDue: (input) =>
      call('POST', '/v1/deletion-due', C.ZDeletionDueRequest, C.ZDeletionDueResponse, input),
    rotate: (input) => call('POST', '/v1/rotate', C.ZRotateRequest, C.ZRotateResponse, input),
    publicKey: () => call('GET', '/v1/public-key', null, C.ZPublicKeyResponse),
    healthReport: () => call('GET', '/v1/health-report', null, C.ZHealthReportResponse),
    close: () => agent.destroy(),
  }
}

function invalidResponse(path: string, status: number | undefined): VaultClientError {
  return new VaultClientError({
    code: 'VAULT_RESPONSE_INVALID',
    message: `vault answered ${path} with a body outside the contract`,
    messageJa: '金庫からの応答が不正です。管理者に連絡してください。',
    status,
  })
}
