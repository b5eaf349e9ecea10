import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { sendWebPage } from '../web/web-page.routes.ts'
import type { WebPage } from '../web/web-page.ts'
import { renderStatusPage } from './status-page.ts'

export type HealthOptions = {
  /** The built web page, served at `/`; null: `/` is the status page. */
  page: WebPage | null
  version: string
  databaseKind: 'pglite' | 'postgres'
  /** Reads the database, so a health answer proves the database answers too. */
  instanceId: () => Promise<string | null>
}

const ZHealthResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['status', 'service', 'version', 'database', 'instanceId'],
  properties: {
    status: { type: 'string', enum: ['ok'] },
    service: { type: 'string' },
    version: { type: 'string' },
    database: { type: 'string', enum: ['pglite', 'postgres'] },
    instanceId: { type: ['string', 'null'] },
  },
} as const

export const healthRoutes: FastifyPluginAsync<HealthOptions> = async (app, options) => {
  app.get(
    '/health',
    { config: { access: { public: true } }, schema: { response: { 200: ZHealthResponse } } },
    async () => ({
      status: 'ok' as const,
      service: 'mamori-server',
      version: options.version,
      database: options.databaseKind,
      instanceId: await options.instanceId(),
    }),
  )

  const statusPage = async (reply: FastifyReply): Promise<FastifyReply> => {
    await options.instanceId()
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(renderStatusPage({ version: options.version, databaseKind: options.databaseKind }))
  }
  app.get('/', { config: { access: { public: true } } }, async (_request, reply) =>
    options.page === null ? statusPage(reply) : sendWebPage(reply, options.page),
  )
  app.get('/status', { config: { access: { public: true } } }, async (_request, reply) => statusPage(reply))
}
