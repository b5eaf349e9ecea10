import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { Actor, RouteAccess } from '../access/access.ts'
import type { AuthDeps } from '../auth/auth-deps.ts'
import { unauthenticated } from '../auth/auth-errors.ts'
import { inviteEmployee } from '../invitations/invite-employee.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { createUser } from './create-user.ts'
import { assignClients, changeRole, disable, reinvite } from './update-user.ts'
import { listUsers } from './users.repo.ts'
import {
  ZAssignClientsRequest,
  ZChangeRoleRequest,
  ZCreateUserRequest,
  ZEmployeeInvitationParams,
  ZEmployeeInvitationRequest,
  ZInvitationResponse,
  ZUserListResponse,
  ZUserParams,
} from './users.schema.ts'

/** User administration: office administrators only, and every change after re-authentication. */
const ADMIN_CHANGE: RouteAccess = { roles: ['office_admin'], scope: 'office', reauth: true }

export const usersRoutes: FastifyPluginAsync<AuthDeps> = async (plugin, deps) => {
  plugin.setValidatorCompiler(validatorCompiler)
  plugin.setSerializerCompiler(serializerCompiler)
  const app = plugin.withTypeProvider<ZodTypeProvider>()

  app.get(
    '/users',
    {
      config: { access: { roles: ['office_admin'], scope: 'office' } },
      schema: { response: { 200: ZUserListResponse } },
    },
    async (request) => {
      const actor = actorOf(request)
      const users = await withTenant(deps.db, actor.officeId, (trx) => listUsers(trx, actor.officeId))
      return { users }
    },
  )

  app.post(
    '/users',
    {
      config: { access: ADMIN_CHANGE },
      schema: { body: ZCreateUserRequest, response: { 201: ZInvitationResponse } },
    },
    async (request, reply) => {
      const created = await createUser(deps, actorOf(request), request.body)
      return reply.status(201).send({ ...created, expiresAt: created.expiresAt.toISOString() })
    },
  )

  app.put(
    '/users/:userId/clients',
    { config: { access: ADMIN_CHANGE }, schema: { params: ZUserParams, body: ZAssignClientsRequest } },
    async (request, reply) => {
      await assignClients(deps, actorOf(request), { ...request.params, ...request.body })
      return reply.status(204).send()
    },
  )

  app.put(
    '/users/:userId/role',
    { config: { access: ADMIN_CHANGE }, schema: { params: ZUserParams, body: ZChangeRoleRequest } },
    async (request, reply) => {
      await changeRole(deps, actorOf(request), { ...request.params, ...request.body })
      return reply.status(204).send()
    },
  )

  app.post(
    '/users/:userId/disable',
    { config: { access: ADMIN_CHANGE }, schema: { params: ZUserParams } },
    async (request, reply) => {
      await disable(deps, actorOf(request), request.params)
      return reply.status(204).send()
    },
  )

  app.post(
    '/users/:userId/invitation',
    {
      config: { access: ADMIN_CHANGE },
      schema: { params: ZUserParams, response: { 201: ZInvitationResponse } },
    },
    async (request, reply) => {
      const issued = await reinvite(deps, actorOf(request), request.params)
      return reply
        .status(201)
        .send({ userId: request.params.userId, ...issued, expiresAt: issued.expiresAt.toISOString() })
    },
  )

  app.post(
    '/clients/:clientId/employees/:employeeId/invitation',
    {
      config: { access: { roles: ['office_admin', 'office_staff'], scope: 'client', reauth: true } },
      schema: {
        params: ZEmployeeInvitationParams,
        body: ZEmployeeInvitationRequest,
        response: { 201: ZInvitationResponse },
      },
    },
    async (request, reply) => {
      const issued = await inviteEmployee(deps, actorOf(request), { ...request.params, ...request.body })
      return reply.status(201).send({ ...issued, expiresAt: issued.expiresAt.toISOString() })
    },
  )
}

function actorOf(request: FastifyRequest): Actor {
  if (request.actor === null) throw unauthenticated()
  return request.actor
}
