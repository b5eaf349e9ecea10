import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { OFFICE_ROLES } from '../access/access.ts'
import type { ServerTables } from '../db/tables.ts'
import { contextOf } from '../people/operation-context.ts'
import {
  archiveClient,
  changeClient,
  createClient,
  getClient,
  listVisibleClients,
  setInsurerRates,
} from './client-operations.ts'
import {
  ZClient,
  ZClientList,
  ZClientParams,
  ZCreateClientRequest,
  ZInsurerRatesRequest,
  ZListClientsQuery,
  ZUpdateClientRequest,
} from './clients.schema.ts'

export type ClientsRoutesOptions = { db: Kysely<ServerTables> }

/** /api/clients: the office's client establishments (事業所). */
export const clientsRoutes: FastifyPluginAsyncZod<ClientsRoutesOptions> = async (app, { db }) => {
  app.get(
    '/clients',
    {
      schema: { tags: ['clients'], querystring: ZListClientsQuery, response: { 200: ZClientList } },
      config: { access: { roles: OFFICE_ROLES, scope: 'office' } },
    },
    async (request) => ({ items: await listVisibleClients(db, contextOf(request), request.query) }),
  )

  app.post(
    '/clients',
    {
      schema: { tags: ['clients'], body: ZCreateClientRequest, response: { 201: ZClient } },
      config: { access: { roles: ['office_admin'], scope: 'office' } },
    },
    async (request, reply) =>
      reply.status(201).send(await createClient(db, contextOf(request), request.body)),
  )

  app.get(
    '/clients/:clientId',
    {
      schema: { tags: ['clients'], params: ZClientParams, response: { 200: ZClient } },
      config: { access: { roles: OFFICE_ROLES, scope: 'client' } },
    },
    async (request) => getClient(db, contextOf(request), request.params.clientId),
  )

  app.patch(
    '/clients/:clientId',
    {
      schema: {
        tags: ['clients'],
        params: ZClientParams,
        body: ZUpdateClientRequest,
        response: { 200: ZClient },
      },
      config: { access: { roles: ['office_admin', 'office_staff'], scope: 'client' } },
    },
    async (request) => changeClient(db, contextOf(request), request.params.clientId, request.body),
  )

  app.post(
    '/clients/:clientId/archive',
    {
      schema: { tags: ['clients'], params: ZClientParams, response: { 200: ZClient } },
      config: { access: { roles: ['office_admin'], scope: 'client' } },
    },
    async (request) => archiveClient(db, contextOf(request), request.params.clientId),
  )

  app.put(
    '/clients/:clientId/insurer-rates',
    {
      schema: {
        tags: ['clients'],
        params: ZClientParams,
        body: ZInsurerRatesRequest,
        response: { 200: ZClient },
      },
      config: { access: { roles: ['office_admin', 'office_staff'], scope: 'client' } },
    },
    async (request) => setInsurerRates(db, contextOf(request), request.params.clientId, request.body),
  )
}
