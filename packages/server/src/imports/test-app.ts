import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import Fastify from 'fastify'
import { serializerCompiler } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { registerAccessControl } from '../access/access-hook.ts'
import { authRoutes } from '../auth/auth.routes.ts'
import type { ServerTables } from '../db/tables.ts'
import { registerErrorHandler } from '../http/error-handler.ts'
import { SERVER_VERSION } from '../main.ts'
import { apiRoutes } from '../openapi/api.ts'
import { registerOpenApi } from '../openapi/openapi.ts'
import { japaneseValidatorCompiler } from '../openapi/zod-compilers.ts'
import { importsRoutes } from './imports.routes.ts'

/**
 * The app as the people test app composes it (sessions, access control, sign-in, clients and
 * people), plus the imports routes as app.ts will register them: under /api, inside the zod
 * compilers.
 */
export async function buildImportsTestApp(db: Kysely<ServerTables>): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, requestIdHeader: false, genReqId: () => crypto.randomUUID() })
  registerErrorHandler(app)
  const auth = { db, sessionKey: randomBytes(32), now: () => new Date() }
  await registerAccessControl(app, auth)
  await registerOpenApi(app, { version: SERVER_VERSION })
  await app.register(authRoutes, { prefix: '/api', ...auth })
  await app.register(apiRoutes, { prefix: '/api', db })
  await app.register(
    async (api) => {
      api.setValidatorCompiler(japaneseValidatorCompiler)
      api.setSerializerCompiler(serializerCompiler)
      await api.register(importsRoutes, { db })
    },
    { prefix: '/api' },
  )
  await app.ready()
  return app
}
