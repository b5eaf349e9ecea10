import fastifySwagger from '@fastify/swagger'
import type { FastifyHttpsOptions, FastifyInstance, FastifyLoggerOptions } from 'fastify'
import Fastify from 'fastify'
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod'
import type { CallerAuth } from './http/caller-auth.ts'
import { authenticateCaller } from './http/caller-auth.ts'
import { registerErrorHandler } from './http/error-handler.ts'
import { registerRoutes } from './http/routes.ts'
import type { VaultOperations } from './service/vault-operations.ts'

export type VaultAppDeps = {
  operations: VaultOperations
  auth: CallerAuth
  /** Pino options (level, file, redact) for Fastify's own logger; none: silent. */
  logger?: FastifyLoggerOptions & Record<string, unknown>
  /** Mutual TLS (production): the server's certificate and the CA its callers' certificates chain to. */
  https?: FastifyHttpsOptions<never>['https']
}

/** Largest request: a merge template of 1,000 subjects' documents. */
const BODY_LIMIT = 2 * 1024 * 1024

/** Builds the vault's Fastify app without listening, so tests drive it with `app.inject`. */
export async function buildVaultApp(deps: VaultAppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    ...(deps.https === undefined ? {} : { https: deps.https }),
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    bodyLimit: BODY_LIMIT,
  }) as unknown as FastifyInstance
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrorHandler(app)
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Mamori vault',
        description:
          'The My Number vault: numbers arrive HPKE-sealed and leave only sealed to a requester, inside a document of a legal type.',
        version: '1',
      },
    },
    transform: jsonSchemaTransform,
    // Schemas registered with an id (ZVaultErrorBody) become components, referenced once each.
    transformObject: jsonSchemaTransformObject,
  })
  app.addHook('onRequest', async (request) => authenticateCaller(deps.auth, request))
  registerRoutes(app, deps.operations)
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  return app
}
