import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Role } from '../access/access.ts'
import { ROLES } from '../access/access.ts'
import { ZClientParams } from '../clients/clients.schema.ts'
import { dependentsOf } from '../people/dependents.repo.ts'
import { ZDependentParams } from '../people/dependents.schema.ts'
import { ZClientEmployeeParams } from '../people/employees.schema.ts'
import { contextOf } from '../people/operation-context.ts'
import { withTenant } from '../tenancy/with-tenant.ts'
import { accessHistory } from './access-history.ts'
import { clientAccessReport } from './access-report.ts'
import {
  ZAccessHistory,
  ZAccessReport,
  ZAccessReportQuery,
  ZApproved,
  ZHistoryQuery,
  ZMyNumberRefusal,
  ZMyNumberRegistration,
  ZMyNumberReveal,
  ZMyNumberStatus,
  ZPublicKey,
  ZRefusalRecorded,
  ZRegistered,
  ZRevealed,
  ZSelfStatuses,
  ZStatusQuery,
} from './my-number.schema.ts'
import type { MyNumberDeps } from './my-number-operations.ts'
import {
  approveRegistration,
  myNumberStatus,
  recordRefusal,
  registerMyNumber,
  revealMyNumber,
  vaultPublicKey,
} from './my-number-operations.ts'
import type { SubjectRef } from './my-number-subject.ts'
import { resolveSubject } from './my-number-subject.ts'

/** 個人番号関係事務実施者: the office's people and the client's HR contact; reveals are the administrator's. */
const HANDLERS: readonly Role[] = ['office_admin', 'office_staff', 'client_hr']
const APPROVERS: readonly Role[] = ['office_admin', 'office_staff']
const DEFAULT_HISTORY_DAYS = 365

const EMPLOYEE = '/clients/:clientId/employees/:employeeId'
const DEPENDENT = `${EMPLOYEE}/dependents/:dependentId`

type Params = { clientId: string; employeeId: string; dependentId?: string }

const officeRef = (p: Params): SubjectRef => ({
  kind: 'office',
  clientId: p.clientId,
  employeeId: p.employeeId,
  dependentId: p.dependentId,
})

/**
 * The My Number relay: HPKE ciphertext in, the vault client out; the server never decrypts and
 * never holds a number. Every route resolves the person under the actor's reach first and writes
 * an audit entry for each relayed call (my-number-operations.ts).
 */
export const myNumberRoutes: FastifyPluginAsyncZod<MyNumberDeps> = async (app, deps) => {
  app.get(
    '/vault/public-key',
    {
      schema: {
        tags: ['my-number'],
        description: '個人番号を端末で暗号化（HPKE）するための金庫の公開鍵',
        response: { 200: ZPublicKey },
      },
      config: { access: { roles: ROLES, scope: 'office' } },
    },
    async () => vaultPublicKey(deps),
  )

  for (const [path, params] of [
    [EMPLOYEE, ZClientEmployeeParams],
    [DEPENDENT, ZDependentParams],
  ] as const) {
    app.get(
      `${path}/my-number`,
      {
        schema: {
          tags: ['my-number'],
          params,
          querystring: ZStatusQuery,
          response: { 200: ZMyNumberStatus },
        },
        config: { access: { roles: HANDLERS, scope: 'client' } },
      },
      async (request) =>
        myNumberStatus(deps, contextOf(request), officeRef(request.params), request.query.purpose),
    )

    app.put(
      `${path}/my-number`,
      {
        schema: {
          tags: ['my-number'],
          params,
          body: ZMyNumberRegistration.omit({ dependentId: true }).extend({
            approvedBy: z.uuid().optional().describe('同じ番号が別の人に登録済みのとき、承認した別の担当者'),
          }),
          response: { 200: ZRegistered },
        },
        config: { access: { roles: HANDLERS, scope: 'client' } },
      },
      async (request) => registerMyNumber(deps, contextOf(request), officeRef(request.params), request.body),
    )

    app.post(
      `${path}/my-number/refusal`,
      {
        schema: { tags: ['my-number'], params, body: ZMyNumberRefusal, response: { 200: ZRefusalRecorded } },
        config: { access: { roles: HANDLERS, scope: 'client' } },
      },
      async (request) => recordRefusal(deps, contextOf(request), officeRef(request.params), request.body),
    )

    app.post(
      `${path}/my-number/approve`,
      {
        schema: { tags: ['my-number'], params, querystring: ZStatusQuery, response: { 200: ZApproved } },
        config: { access: { roles: APPROVERS, scope: 'client' } },
      },
      async (request) =>
        approveRegistration(deps, contextOf(request), officeRef(request.params), request.query.purpose),
    )

    app.post(
      `${path}/my-number/reveal`,
      {
        schema: {
          tags: ['my-number'],
          params,
          body: ZMyNumberReveal.omit({ dependentId: true }),
          response: { 200: ZRevealed },
        },
        config: { access: { roles: ['office_admin'], scope: 'client', reauth: true } },
      },
      async (request) =>
        revealMyNumber(deps, contextOf(request), officeRef(request.params), {
          ...request.body,
          reauthenticatedAt: request.authSession?.reauthenticatedAt ?? null,
        }),
    )
  }

  app.get(
    `${EMPLOYEE}/access-history`,
    {
      schema: {
        tags: ['my-number'],
        description: 'この従業員と被扶養者のデータへのアクセス履歴（監査ログから）',
        params: ZClientEmployeeParams,
        querystring: ZHistoryQuery,
        response: { 200: ZAccessHistory },
      },
      config: { access: { roles: ['office_admin'], scope: 'client' } },
    },
    async (request) => ({
      items: await accessHistory(deps.db, contextOf(request), officeRef(request.params), {
        days: request.query.days ?? DEFAULT_HISTORY_DAYS,
        now: deps.now(),
      }),
    }),
  )

  app.get(
    '/clients/:clientId/access-report',
    {
      schema: {
        tags: ['my-number'],
        description:
          '事業所の誰のどのデータが、いつ、誰に、どう扱われたか（監査ログから。漏えい等の範囲の確認に）',
        params: ZClientParams,
        querystring: ZAccessReportQuery,
        response: { 200: ZAccessReport },
      },
      config: { access: { roles: ['office_admin'], scope: 'client' } },
    },
    async (request) => ({
      items: await clientAccessReport(deps.db, contextOf(request), request.params.clientId, {
        days: request.query.days ?? 30,
        now: deps.now(),
        ...(request.query.scope === 'disclosure' ? { operations: ['read', 'export', 'print'] as const } : {}),
      }),
    }),
  )

  // The employee's own page (self-service): the person comes from the session, never the URL.
  app.get(
    '/me/my-number',
    {
      schema: { tags: ['my-number'], response: { 200: ZSelfStatuses } },
      config: { access: { roles: ['employee'], scope: 'self' } },
    },
    async (request) => {
      const ctx = contextOf(request)
      const self = await myNumberStatus(deps, ctx, { kind: 'self' })
      const dependentIds = await withTenant(deps.db, ctx.actor.officeId, async (trx) => {
        const subject = await resolveSubject(trx, ctx, { kind: 'self' })
        return (await dependentsOf(trx, ctx.actor.officeId, subject.employeeId)).map((d) => d.id)
      })
      const dependents = []
      for (const dependentId of dependentIds) {
        dependents.push(await myNumberStatus(deps, ctx, { kind: 'self', dependentId }))
      }
      return { self, dependents }
    },
  )

  app.put(
    '/me/my-number',
    {
      schema: { tags: ['my-number'], body: ZMyNumberRegistration, response: { 200: ZRegistered } },
      config: { access: { roles: ['employee'], scope: 'self' } },
    },
    async (request) => {
      const { dependentId, ...input } = request.body
      return registerMyNumber(deps, contextOf(request), { kind: 'self', dependentId }, input)
    },
  )

  app.post(
    '/me/my-number/reveal',
    {
      schema: { tags: ['my-number'], body: ZMyNumberReveal, response: { 200: ZRevealed } },
      config: { access: { roles: ['employee'], scope: 'self', reauth: true } },
    },
    async (request) => {
      const { dependentId, ...input } = request.body
      return revealMyNumber(
        deps,
        contextOf(request),
        { kind: 'self', dependentId },
        {
          ...input,
          reauthenticatedAt: request.authSession?.reauthenticatedAt ?? null,
        },
      )
    },
  )

  app.get(
    '/me/access-history',
    {
      schema: { tags: ['my-number'], querystring: ZHistoryQuery, response: { 200: ZAccessHistory } },
      config: { access: { roles: ['employee'], scope: 'self' } },
    },
    async (request) => ({
      items: await accessHistory(
        deps.db,
        contextOf(request),
        { kind: 'self' },
        {
          days: request.query.days ?? DEFAULT_HISTORY_DAYS,
          now: deps.now(),
        },
      ),
    }),
  )
}
