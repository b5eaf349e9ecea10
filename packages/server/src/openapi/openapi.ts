import swagger from '@fastify/swagger'
import type { FastifyInstance } from 'fastify'
import { createJsonSchemaTransform } from 'fastify-type-provider-zod'
import { $ZodType } from 'zod/v4/core'

const zodTransform = createJsonSchemaTransform({ skipList: ['/api/openapi.json'] })

type TransformInput = Parameters<typeof zodTransform>[0]

/**
 * The OpenAPI document of every route under /api, generated from the routes' own zod schemas and
 * served at /api/openapi.json. Registered on the root before any route, so every module's routes
 * are in it; routes outside /api (health, status page) keep their JSON schemas and are left out.
 */
export async function registerOpenApi(app: FastifyInstance, options: { version: string }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Mamori back-office API',
        description:
          '社労士事務所のバックオフィス API。エラーは { code, message（日本語）, field?, issues?, requestId }。',
        version: options.version,
      },
    },
    transform: (document: TransformInput) =>
      document.url.startsWith('/api/') && usesZod(document.schema)
        ? zodTransform(document)
        : { schema: { ...document.schema, hide: true }, url: document.url },
  })
  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () =>
    app.swagger(),
  )
}

function usesZod(schema: TransformInput['schema'] | undefined): boolean {
  if (schema === undefined) return true
  const parts = [schema.body, schema.querystring, schema.params, ...Object.values(schema.response ?? {})]
  return parts.every((part) => part === undefined || part instanceof $ZodType)
}
