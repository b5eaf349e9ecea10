import type { FastifyInstance } from 'fastify'
import { serializerCompiler } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { clientsRoutes } from '../clients/clients.routes.ts'
import type { ServerTables } from '../db/tables.ts'
import { importsRoutes } from '../imports/imports.routes.ts'
import { myNumberRoutes } from '../my-number/my-number.routes.ts'
import type { VaultAccess } from '../my-number/vault-connection.ts'
import { peopleRoutes } from '../people/people.routes.ts'
import { japaneseValidatorCompiler } from './zod-compilers.ts'

export type ApiOptions = { db: Kysely<ServerTables>; vault: VaultAccess | undefined; now: () => Date }

/**
 * The JSON API under /api: zod schemas validate every request (Japanese messages) and serialize
 * every response (a field not in the response schema never leaves); the OpenAPI document
 * (openapi.ts) is generated from the same schemas. Encapsulated, so routes outside /api (health,
 * status page) keep their own JSON schemas.
 */
export async function apiRoutes(api: FastifyInstance, options: ApiOptions): Promise<void> {
  api.setValidatorCompiler(japaneseValidatorCompiler)
  api.setSerializerCompiler(serializerCompiler)
  await api.register(clientsRoutes, { db: options.db })
  await api.register(peopleRoutes, { db: options.db })
  await api.register(importsRoutes, { db: options.db })
  await api.register(myNumberRoutes, { db: options.db, vault: options.vault, now: options.now })
}
