import type { FastifyPluginAsync } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import type { RouteAccess } from '../access/access.ts'
import type { AuthDeps } from '../auth/auth-deps.ts'
import { contextOf } from '../people/operation-context.ts'
import { approvePayrollRun } from './approve-payroll-run.ts'
import { correctPayrollRun } from './correct-payroll-run.ts'
import { exportPayslipPdf, exportRunCsv } from './export-payslips.ts'
import { presentPayslip, presentRun } from './payroll.presenter.ts'
import {
  ZClientParams,
  ZCorrectionRequest,
  ZCsvQuery,
  ZPayslipParams,
  ZRunParams,
  ZRunRequest,
  ZRunResponse,
  ZRunSummary,
  ZVersionsResponse,
} from './payroll.schema.ts'
import type { PayrollDb } from './payroll-tables.ts'
import { loadPayslipFont, type PayslipFont } from './payslip-font.ts'
import { getPayrollRun, listPayrollRunVersions } from './read-payroll-runs.ts'
import { runPayroll } from './run-payroll.ts'

/** Calculating, approving and correcting: the office's own staff. */
const CHANGE: RouteAccess = { roles: ['office_admin', 'office_staff'], scope: 'client' }
/** Reading a client's payroll: also the client's HR contact. */
const READ: RouteAccess = { roles: ['office_admin', 'office_staff', 'client_hr'], scope: 'client' }
/** A file of every payslip of a run leaves the system: password + TOTP again first. */
const EXPORT: RouteAccess = { ...READ, reauth: true }

/**
 * /api/clients/:clientId/payroll/…: runs, versions, approval, corrections and payslip files. The
 * access hook has checked the client; every nested id is looked up under that client.
 */
export const payrollRoutes: FastifyPluginAsync<AuthDeps> = async (plugin, deps) => {
  plugin.setValidatorCompiler(validatorCompiler)
  plugin.setSerializerCompiler(serializerCompiler)
  const app = plugin.withTypeProvider<ZodTypeProvider>()
  const payroll = { db: deps.db as unknown as Kysely<PayrollDb>, now: deps.now }
  let font: Promise<PayslipFont> | undefined
  const loadFont = (): Promise<PayslipFont> => {
    font ??= loadPayslipFont().catch((error: unknown) => {
      font = undefined
      throw error
    })
    return font
  }

  app.post(
    '/clients/:clientId/payroll/runs',
    {
      config: { access: CHANGE },
      schema: { params: ZClientParams, body: ZRunRequest, response: { 200: ZRunResponse } },
    },
    async (request) => {
      const { run, payslips } = await runPayroll(payroll, contextOf(request), {
        ...request.body,
        clientId: request.params.clientId,
      })
      return { run: presentRun(run), payslips: payslips.map(presentPayslip) }
    },
  )

  app.get(
    '/clients/:clientId/payroll/runs/:runId',
    { config: { access: READ }, schema: { params: ZRunParams, response: { 200: ZRunResponse } } },
    async (request) => {
      const { run, payslips } = await getPayrollRun(payroll, contextOf(request), request.params)
      return { run: presentRun(run), payslips: payslips.map(presentPayslip) }
    },
  )

  app.get(
    '/clients/:clientId/payroll/runs/:runId/versions',
    { config: { access: READ }, schema: { params: ZRunParams, response: { 200: ZVersionsResponse } } },
    async (request) => {
      const versions = await listPayrollRunVersions(payroll, contextOf(request), request.params)
      return { versions: versions.map(presentRun) }
    },
  )

  app.post(
    '/clients/:clientId/payroll/runs/:runId/approve',
    { config: { access: CHANGE }, schema: { params: ZRunParams, response: { 200: ZRunSummary } } },
    async (request) => presentRun(await approvePayrollRun(payroll, contextOf(request), request.params)),
  )

  app.post(
    '/clients/:clientId/payroll/runs/:runId/corrections',
    {
      config: { access: CHANGE },
      schema: { params: ZRunParams, body: ZCorrectionRequest, response: { 201: ZRunSummary } },
    },
    async (request, reply) => {
      const run = await correctPayrollRun(payroll, contextOf(request), {
        ...request.params,
        reason: request.body.reason,
      })
      return reply.status(201).send(presentRun(run))
    },
  )

  app.get(
    '/clients/:clientId/payroll/payslips/:payslipId/pdf',
    { config: { access: READ }, schema: { params: ZPayslipParams } },
    async (request, reply) => {
      const { pdf, fileName } = await exportPayslipPdf(
        { ...payroll, font: loadFont },
        contextOf(request),
        request.params,
      )
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(pdf))
    },
  )

  app.get(
    '/clients/:clientId/payroll/runs/:runId/csv',
    { config: { access: EXPORT }, schema: { params: ZRunParams, querystring: ZCsvQuery } },
    async (request, reply) => {
      const { csv, fileName } = await exportRunCsv(payroll, contextOf(request), {
        ...request.params,
        encoding: request.query.encoding,
      })
      const charset = request.query.encoding === 'shift_jis' ? 'Shift_JIS' : 'utf-8'
      return reply
        .type(`text/csv; charset=${charset}`)
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(csv)
    },
  )
}
