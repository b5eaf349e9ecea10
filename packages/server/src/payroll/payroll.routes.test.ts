import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, before, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import type { FastifyInstance } from 'fastify'
import iconv from 'iconv-lite'
import { buildApp } from '../app.ts'
import type { SignedInUser } from '../auth/testing.ts'
import { createSyntheticOffice, signInAs } from '../auth/testing.ts'
import { APP_DATABASE_MIGRATIONS, SERVER_VERSION } from '../main.ts'
import {
  createPayrollTestClient,
  enrolSyntheticEmployee,
  putMonthlyInput,
  setUpPayrollClient,
} from './testing.ts'

describeOnEachDatabase<unknown>('payroll routes', [...APP_DATABASE_MIGRATIONS], ({ db, backend }) => {
  let app: FastifyInstance
  let officeId: string
  let clientId: string
  let staff: SignedInUser
  let hr: SignedInUser
  const base = () => `/api/clients/${clientId}/payroll`
  const may = { kind: 'monthly', paymentDate: '2026-05-25', periodEndDate: '2026-05-20' }

  before(async () => {
    app = await buildApp({
      db: db(),
      databaseKind: backend,
      version: SERVER_VERSION,
      sessionKey: randomBytes(32),
    })
    officeId = await createSyntheticOffice(db())
    clientId = await createPayrollTestClient(db(), officeId)
    await setUpPayrollClient(db(), officeId, clientId)
    for (const [n, seed] of ['routes-a', 'routes-b'].entries()) {
      const employeeId = await enrolSyntheticEmployee(db(), officeId, clientId, {
        seed,
        employeeNumber: `R${n + 1}`,
        allowances: [{ name: '役職手当', amountYen: 10_000 }],
      })
      for (const month of ['2026-05-01', '2026-07-01']) {
        await putMonthlyInput(db(), officeId, clientId, month, { employeeId, residentTaxYen: 8_000 })
      }
    }
    staff = await signInAs(app, db(), { role: 'office_staff', officeId, clientIds: [clientId] })
    hr = await signInAs(app, db(), { role: 'client_hr', officeId, clientIds: [clientId] })
  })
  after(() => app.close())

  test('run, read, approve, correct and list versions over HTTP', async () => {
    const ran = await app.inject({
      method: 'POST',
      url: `${base()}/runs`,
      headers: staff.headers,
      payload: may,
    })
    assert.equal(ran.statusCode, 200, ran.body)
    const { run, payslips } = ran.json()
    assert.equal(run.status, 'calculated')
    assert.equal(payslips.length, 2)
    assert.deepEqual(
      payslips.map((p: { employeeCode: string }) => p.employeeCode),
      ['R1', 'R2'],
    )
    for (const p of payslips) {
      assert.equal(p.totals.netPay, p.totals.grossPay - p.totals.totalDeductions)
      assert.ok(!JSON.stringify(p).includes('explanationJa'))
    }

    const again = await app.inject({
      method: 'POST',
      url: `${base()}/runs`,
      headers: staff.headers,
      payload: may,
    })
    assert.equal(again.json().run.id, run.id)
    assert.deepEqual(
      again.json().payslips.map((p: { totals: unknown }) => p.totals),
      payslips.map((p: { totals: unknown }) => p.totals),
    )

    const read = await app.inject({ method: 'GET', url: `${base()}/runs/${run.id}`, headers: hr.headers })
    assert.equal(read.statusCode, 200)
    assert.equal(read.json().payslips.length, 2)

    const approved = await app.inject({
      method: 'POST',
      url: `${base()}/runs/${run.id}/approve`,
      headers: staff.headers,
    })
    assert.equal(approved.statusCode, 200)
    assert.equal(approved.json().status, 'approved')
    assert.equal(approved.json().approvedBy, staff.userId)

    const frozen = await app.inject({
      method: 'POST',
      url: `${base()}/runs`,
      headers: staff.headers,
      payload: may,
    })
    assert.equal(frozen.statusCode, 409)
    assert.equal(frozen.json().code, 'PAYROLL_RUN_FROZEN')
    assert.match(frozen.json().message, /承認済み/)

    const corrected = await app.inject({
      method: 'POST',
      url: `${base()}/runs/${run.id}/corrections`,
      headers: staff.headers,
      payload: { reason: '住民税額の訂正' },
    })
    assert.equal(corrected.statusCode, 201, corrected.body)
    assert.equal(corrected.json().version, 2)
    const recalculated = await app.inject({
      method: 'POST',
      url: `${base()}/runs`,
      headers: staff.headers,
      payload: may,
    })
    assert.equal(recalculated.json().run.version, 2)

    const versions = await app.inject({
      method: 'GET',
      url: `${base()}/runs/${run.id}/versions`,
      headers: hr.headers,
    })
    assert.deepEqual(
      versions
        .json()
        .versions.map((v: { version: number; status: string; correctionReason: string | null }) => [
          v.version,
          v.status,
          v.correctionReason,
        ]),
      [
        [1, 'approved', null],
        [2, 'calculated', '住民税額の訂正'],
      ],
    )
  })

  test('payslip PDF and run CSV (UTF-8 with BOM, or Shift_JIS) download', async () => {
    const july = { ...may, paymentDate: '2026-07-24', periodEndDate: '2026-07-20' }
    const ran = await app.inject({
      method: 'POST',
      url: `${base()}/runs`,
      headers: staff.headers,
      payload: july,
    })
    assert.equal(ran.statusCode, 200, ran.body)
    const { run, payslips } = ran.json()

    const pdf = await app.inject({
      method: 'GET',
      url: `${base()}/payslips/${payslips[0].id}/pdf`,
      headers: hr.headers,
    })
    assert.equal(pdf.statusCode, 200, pdf.body)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-')
    // The file name carries ids and dates, never a name.
    assert.equal(
      pdf.headers['content-disposition'],
      `attachment; filename="payslip-2026-07-24-v1-${payslips[0].id}.pdf"`,
    )

    const utf8 = await app.inject({
      method: 'GET',
      url: `${base()}/runs/${run.id}/csv`,
      headers: staff.headers,
    })
    assert.equal(utf8.statusCode, 200, utf8.body)
    assert.equal(utf8.headers['content-type'], 'text/csv; charset=utf-8')
    assert.deepEqual([...utf8.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    const rows = utf8.rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n')
    assert.equal(rows.length, 3)
    assert.match(rows[0]!, /^社員番号,氏名,明細,対象,支給日,/)
    assert.ok(rows[1]!.startsWith('R1,'))
    assert.ok(rows[1]!.endsWith(`,${payslips[0].totals.netPay}`))

    const sjis = await app.inject({
      method: 'GET',
      url: `${base()}/runs/${run.id}/csv?encoding=shift_jis`,
      headers: staff.headers,
    })
    assert.equal(sjis.statusCode, 200)
    assert.equal(sjis.headers['content-type'], 'text/csv; charset=Shift_JIS')
    assert.equal(iconv.decode(sjis.rawPayload, 'windows-31j'), utf8.rawPayload.subarray(3).toString('utf8'))
  })

  test('refusals carry codes and Japanese messages', async () => {
    const hrRun = await app.inject({
      method: 'POST',
      url: `${base()}/runs`,
      headers: hr.headers,
      payload: may,
    })
    assert.equal(hrRun.statusCode, 403)
    assert.equal(hrRun.json().code, 'FORBIDDEN')
    const bad = await app.inject({
      method: 'POST',
      url: `${base()}/runs`,
      headers: staff.headers,
      payload: { kind: 'monthly', paymentDate: '2026-05-25' },
    })
    assert.equal(bad.statusCode, 400)
    assert.equal(bad.json().code, 'REQUEST_INVALID')
    const unknown = await app.inject({
      method: 'GET',
      url: `${base()}/runs/${crypto.randomUUID()}`,
      headers: staff.headers,
    })
    assert.equal(unknown.statusCode, 404)
    assert.equal(unknown.json().code, 'PAYROLL_RUN_NOT_FOUND')
  })
})
