import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import * as C from '../contract/index.ts'
import type { VaultOperations } from '../service/vault-operations.ts'

/**
 * The vault's HTTP API: one POST per operation, the call context in the body (never in the URL,
 * which logs keep). Handlers are thin: the schema validates, the operation decides, the response
 * schema is an allow-list of what may leave. No route lists or exports numbers in bulk.
 */
type Route = {
  url: string
  summary: string
  body: z.ZodType
  response: z.ZodType
  call: (ops: VaultOperations, body: never) => Promise<unknown>
}

const ERRORS = {
  400: C.ZVaultErrorBody,
  401: C.ZVaultErrorBody,
  403: C.ZVaultErrorBody,
  404: C.ZVaultErrorBody,
  409: C.ZVaultErrorBody,
  422: C.ZVaultErrorBody,
  429: C.ZVaultErrorBody,
  500: C.ZVaultErrorBody,
  503: C.ZVaultErrorBody,
}

export const OPERATION_ROUTES: readonly Route[] = [
  route(
    '/v1/register',
    'Register a subject’s number (HPKE-sealed on the device)',
    C.ZRegisterRequest,
    C.ZRegisterResponse,
    (o, b) => o.register(b),
  ),
  route(
    '/v1/approve',
    'Dual control: a second user approves a duplicate number',
    C.ZApproveRequest,
    C.ZApproveResponse,
    (o, b) => o.approve(b),
  ),
  route(
    '/v1/status',
    'Whether a number is on file; never a digit',
    C.ZStatusRequest,
    C.ZStatusResponse,
    (o, b) => o.status(b),
  ),
  route(
    '/v1/match',
    'Is this sealed candidate the number on file?',
    C.ZMatchRequest,
    C.ZMatchResponse,
    (o, b) => o.match(b),
  ),
  route(
    '/v1/merge',
    'Fill numbers into a document on the legal list, sealed to the requester',
    C.ZMergeRequest,
    C.ZMergeResponse,
    (o, b) => o.merge(b),
  ),
  route(
    '/v1/reveal',
    'Show a number to 本人 or a re-authenticated office administrator',
    C.ZRevealRequest,
    C.ZRevealResponse,
    (o, b) => o.reveal(b),
  ),
  route(
    '/v1/refusal',
    'Record 提供を求めた経過 (asked, refused or not supplied)',
    C.ZRefusalRequest,
    C.ZRefusalResponse,
    (o, b) => o.refusal(b),
  ),
  route(
    '/v1/delete',
    'Crypto-shred one subject, leaving a disposal record',
    C.ZDeleteRequest,
    C.ZDeleteResponse,
    (o, b) => o.delete(b),
  ),
  route(
    '/v1/delete-client',
    'Crypto-shred every subject of one client',
    C.ZDeleteClientRequest,
    C.ZDeleteClientResponse,
    (o, b) => o.deleteClient(b),
  ),
  route(
    '/v1/deletion-due',
    'Deletion due dates from the retention rules, for approval',
    C.ZDeletionDueRequest,
    C.ZDeletionDueResponse,
    (o, b) => o.deletionDue(b),
  ),
  route(
    '/v1/rotate',
    'Rotate the KEK and rewrap every key online (resumable)',
    C.ZRotateRequest,
    C.ZRotateResponse,
    (o, b) => o.rotate(b),
  ),
]

function route<Body extends z.ZodType, Response extends z.ZodType>(
  url: string,
  summary: string,
  body: Body,
  response: Response,
  call: (ops: VaultOperations, body: z.output<Body>) => Promise<z.input<Response>>,
): Route {
  return { url, summary, body, response, call: call as Route['call'] }
}

export function registerRoutes(app: FastifyInstance, ops: VaultOperations): void {
  const typed = app.withTypeProvider<ZodTypeProvider>()
  for (const r of OPERATION_ROUTES) {
    typed.post(
      r.url,
      { schema: { summary: r.summary, body: r.body, response: { 200: r.response, ...ERRORS } } },
      (request) => r.call(ops, request.body as never),
    )
  }
  typed.get(
    '/v1/public-key',
    {
      schema: {
        summary: 'The HPKE key devices seal numbers to',
        response: { 200: C.ZPublicKeyResponse, ...ERRORS },
      },
    },
    async () => ops.publicKey(),
  )
  typed.get(
    '/v1/health-report',
    {
      schema: {
        summary: 'For mamori doctor: rate-limit alarms and key rotation state',
        response: { 200: C.ZHealthReportResponse, ...ERRORS },
      },
    },
    () => ops.healthReport(),
  )
  typed.get(
    '/health',
    {
      schema: {
        summary: 'Liveness, unauthenticated',
        response: { 200: z.strictObject({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  )
}
