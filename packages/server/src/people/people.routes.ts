import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Role } from '../access/access.ts'
import { ZClientParams } from '../clients/clients.schema.ts'
import type { ServerTables } from '../db/tables.ts'
import { changeDependent, createDependent, listDependents, removeDependent } from './dependent-operations.ts'
import {
  ZCreateDependentRequest,
  ZDependent,
  ZDependentList,
  ZDependentParams,
  ZUpdateDependentRequest,
} from './dependents.schema.ts'
import {
  changeEmployee,
  correctEmployee,
  createEmployee,
  getEmployee,
  getOwnRecord,
  recordLeave,
} from './employee-operations.ts'
import {
  ZChangeEmployeeRequest,
  ZClientEmployeeParams,
  ZCorrectEmployeeRequest,
  ZCreateEmployeeRequest,
  ZEmployee,
  ZEmployeeList,
  ZLeaveRequest,
  ZListEmployeesQuery,
} from './employees.schema.ts'
import { findEmployees } from './list-employees.ts'
import { contextOf } from './operation-context.ts'

export type PeopleRoutesOptions = { db: Kysely<ServerTables> }

/** Who reads and who changes people's records (clients' HR contacts included, for their 事業所). */
const READERS: readonly Role[] = ['office_admin', 'office_staff', 'client_hr']
const WRITERS: readonly Role[] = ['office_admin', 'office_staff', 'client_hr']

const EMPLOYEE = '/clients/:clientId/employees/:employeeId'

/** Employees and dependents: every route reads or changes personal data and writes an audit entry. */
export const peopleRoutes: FastifyPluginAsyncZod<PeopleRoutesOptions> = async (app, { db }) => {
  app.get(
    '/employees',
    {
      schema: { tags: ['employees'], querystring: ZListEmployeesQuery, response: { 200: ZEmployeeList } },
      config: { access: { roles: READERS, scope: 'office' } },
    },
    async (request) => findEmployees(db, contextOf(request), request.query),
  )

  app.get(
    '/clients/:clientId/employees',
    {
      schema: {
        tags: ['employees'],
        params: ZClientParams,
        querystring: ZListEmployeesQuery.omit({ clientId: true }),
        response: { 200: ZEmployeeList },
      },
      config: { access: { roles: READERS, scope: 'client' } },
    },
    async (request) =>
      findEmployees(db, contextOf(request), { ...request.query, clientId: request.params.clientId }, true),
  )

  app.post(
    '/clients/:clientId/employees',
    {
      schema: {
        tags: ['employees'],
        params: ZClientParams,
        body: ZCreateEmployeeRequest,
        response: { 201: ZEmployee },
      },
      config: { access: { roles: WRITERS, scope: 'client' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createEmployee(db, contextOf(request), request.params.clientId, request.body)),
  )

  app.get(
    EMPLOYEE,
    {
      schema: { tags: ['employees'], params: ZClientEmployeeParams, response: { 200: ZEmployee } },
      config: { access: { roles: READERS, scope: 'client' } },
    },
    async (request) =>
      getEmployee(db, contextOf(request), request.params.clientId, request.params.employeeId),
  )

  app.patch(
    EMPLOYEE,
    {
      schema: {
        tags: ['employees'],
        params: ZClientEmployeeParams,
        body: ZCorrectEmployeeRequest,
        response: { 200: ZEmployee },
      },
      config: { access: { roles: WRITERS, scope: 'client' } },
    },
    async (request) =>
      correctEmployee(
        db,
        contextOf(request),
        request.params.clientId,
        request.params.employeeId,
        request.body,
      ),
  )

  app.post(
    `${EMPLOYEE}/versions`,
    {
      schema: {
        tags: ['employees'],
        params: ZClientEmployeeParams,
        body: ZChangeEmployeeRequest,
        response: { 201: ZEmployee },
      },
      config: { access: { roles: WRITERS, scope: 'client' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await changeEmployee(
            db,
            contextOf(request),
            request.params.clientId,
            request.params.employeeId,
            request.body,
          ),
        ),
  )

  app.post(
    `${EMPLOYEE}/leave`,
    {
      schema: {
        tags: ['employees'],
        params: ZClientEmployeeParams,
        body: ZLeaveRequest,
        response: { 200: ZEmployee },
      },
      config: { access: { roles: WRITERS, scope: 'client' } },
    },
    async (request) =>
      recordLeave(db, contextOf(request), request.params.clientId, request.params.employeeId, request.body),
  )

  app.get(
    '/me/employee',
    {
      schema: { tags: ['employees'], response: { 200: ZEmployee } },
      config: { access: { roles: ['employee'], scope: 'self' } },
    },
    async (request) => getOwnRecord(db, contextOf(request)),
  )

  app.get(
    `${EMPLOYEE}/dependents`,
    {
      schema: { tags: ['dependents'], params: ZClientEmployeeParams, response: { 200: ZDependentList } },
      config: { access: { roles: READERS, scope: 'client' } },
    },
    async (request) => ({ items: await listDependents(db, contextOf(request), request.params) }),
  )

  app.post(
    `${EMPLOYEE}/dependents`,
    {
      schema: {
        tags: ['dependents'],
        params: ZClientEmployeeParams,
        body: ZCreateDependentRequest,
        response: { 201: ZDependent },
      },
      config: { access: { roles: WRITERS, scope: 'client' } },
    },
    async (request, reply) =>
      reply.status(201).send(await createDependent(db, contextOf(request), request.params, request.body)),
  )

  app.patch(
    `${EMPLOYEE}/dependents/:dependentId`,
    {
      schema: {
        tags: ['dependents'],
        params: ZDependentParams,
        body: ZUpdateDependentRequest,
        response: { 200: ZDependent },
      },
      config: { access: { roles: WRITERS, scope: 'client' } },
    },
    async (request) => changeDependent(db, contextOf(request), request.params, request.body),
  )

  app.delete(
    `${EMPLOYEE}/dependents/:dependentId`,
    {
      schema: { tags: ['dependents'], params: ZDependentParams, response: { 204: z.null() } },
      config: { access: { roles: WRITERS, scope: 'client' } },
    },
    async (request, reply) => {
      await removeDependent(db, contextOf(request), request.params)
      return reply.status(204).send(null)
    },
  )
}
