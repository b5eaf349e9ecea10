import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import iconv from 'iconv-lite'
import { sql } from 'kysely'
import type { SignedInUser } from '../auth/testing.ts'
import { createSyntheticOffice, signInAs } from '../auth/testing.ts'
import type { ServerTables } from '../db/tables.ts'
import { buildClientBody, syntheticGenerator } from '../people/factories.ts'
import type { Call } from '../people/test-app.ts'
import { auditCount, buildPeopleTestApp, callerFor, PEOPLE_TEST_MIGRATIONS } from '../people/test-app.ts'
import type { CommitLine } from './imports.schema.ts'
import { syntheticSheets, tableToCsv } from './testing.ts'

describeOnEachDatabase<ServerTables>('imports over HTTP', PEOPLE_TEST_MIGRATIONS, ({ db }) => {
  let app: FastifyInstance
  let admin: SignedInUser
  let call: Call
  const generator = syntheticGenerator('imports-routes')

  before(async () => {
    app = await buildPeopleTestApp(db())
    admin = await signInAs(app, db(), { role: 'office_admin', officeId: await createSyntheticOffice(db()) })
    call = callerFor(app, admin)
  })
  after(() => app.close())

  async function newClient(): Promise<string> {
    const response = await call('POST', '/api/clients', buildClientBody(generator))
    assert.equal(response.statusCode, 201, response.body)
    return response.json().id
  }

  async function peopleOf(clientId: string): Promise<{ employees: number; dependents: number }> {
    const { rows } = await sql<{ employees: number; dependents: number }>`
      select (select count(*) from employees where client_id = ${clientId})::int as employees,
             (select count(*) from dependents d join employees e on e.id = d.employee_id
               where e.client_id = ${clientId})::int as dependents`.execute(db())
    return rows[0]!
  }

  function lines(body: string): CommitLine[] {
    return body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as CommitLine)
  }

  test('preview checks every row and stores no person, only the audit entry of its 社員番号 check', async () => {
    const clientId = await newClient()
    const sheets = syntheticSheets(generator, 30, { dependents: true })
    const audits = await auditCount(db(), admin.officeId)
    const response = await call('POST', `/api/clients/${clientId}/imports/preview`, {
      employees: sheets.employees,
      dependents: sheets.dependents,
    })
    assert.equal(response.statusCode, 200, response.body)
    assert.deepEqual(response.json(), {
      ok: true,
      rows: { employees: 30, dependents: 15 },
      valid: { employees: 30, dependents: 15 },
      issues: [],
    })
    assert.deepEqual(await peopleOf(clientId), { employees: 0, dependents: 0 })
    assert.equal(await auditCount(db(), admin.officeId), audits + 1)
  })

  test("preview lists every row's problems by row number and field, in Japanese, with codes", async () => {
    const clientId = await newClient()
    const sheets = syntheticSheets(generator, 6)
    sheets.employees.rows[1]!.cells[3] = '平成31年5月1日'
    sheets.employees.rows[4]!.cells[10] = '役職なし'
    const response = await call('POST', `/api/clients/${clientId}/imports/preview`, {
      employees: sheets.employees,
    })
    const preview = response.json()
    assert.equal(preview.ok, false)
    assert.deepEqual(preview.valid, { employees: 4, dependents: 0 })
    assert.deepEqual(
      preview.issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code]),
      [
        [3, '生年月日', 'WAREKI_OUT_OF_RANGE'],
        [6, '雇用形態', 'VALUE_UNKNOWN'],
      ],
    )
    assert.match(preview.issues[1].message, /雇用形態は/)
  })

  test('a raw CSV in Shift_JIS is read by the server for preview, with the default Japanese headers', async () => {
    const clientId = await newClient()
    const sheets = syntheticSheets(generator, 10)
    const response = await app.inject({
      method: 'POST',
      url: `/api/clients/${clientId}/imports/preview-file`,
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: iconv.encode(tableToCsv(sheets.employees), 'cp932'),
    })
    assert.equal(response.statusCode, 200, response.body)
    assert.deepEqual(response.json().valid, { employees: 10, dependents: 0 })
  })

  test('a raw .xlsx with employees and dependents on two named sheets is read for preview', async () => {
    const clientId = await newClient()
    const sheets = syntheticSheets(generator, 8, { dependents: true })
    const workbook = new ExcelJS.Workbook()
    for (const [name, t] of [
      ['社員', sheets.employees],
      ['扶養家族', sheets.dependents],
    ] as const) {
      const sheet = workbook.addWorksheet(name)
      sheet.addRow(t.headers)
      for (const row of t.rows) sheet.addRow(row.cells)
    }
    const response = await app.inject({
      method: 'POST',
      url: `/api/clients/${clientId}/imports/preview-file?sheet=${encodeURIComponent('社員')}&dependentsSheet=${encodeURIComponent('扶養家族')}`,
      headers: {
        ...admin.headers,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      payload: Buffer.from(await workbook.xlsx.writeBuffer()),
    })
    assert.equal(response.statusCode, 200, response.body)
    assert.deepEqual(response.json().valid, { employees: 8, dependents: 4 })
  })

  test('a file with My Numbers in plaintext is refused row by row, and no number comes back', async () => {
    const clientId = await newClient()
    const sheets = syntheticSheets(generator, 3)
    const numbers = sheets.employees.rows.map(() => generator.myNumber())
    sheets.employees.headers.push('個人番号')
    for (const [i, r] of sheets.employees.rows.entries()) r.cells.push(numbers[i]!)
    const response = await app.inject({
      method: 'POST',
      url: `/api/clients/${clientId}/imports/preview-file`,
      headers: { ...admin.headers, 'content-type': 'text/csv' },
      payload: Buffer.from(tableToCsv(sheets.employees)),
    })
    assert.equal(response.statusCode, 200, response.body)
    assert.deepEqual(
      response.json().issues.map((i: { row: number; code: string }) => [i.row, i.code]),
      [
        [2, 'MY_NUMBER_NOT_SEALED'],
        [3, 'MY_NUMBER_NOT_SEALED'],
        [4, 'MY_NUMBER_NOT_SEALED'],
      ],
    )
    for (const number of numbers) assert.ok(!response.body.includes(number))
  })

  test('commit writes everyone in one go with an audit entry per person, streams progress, and leaves a record', async () => {
    const clientId = await newClient()
    const sheets = syntheticSheets(generator, 250, { dependents: true })
    const importId = crypto.randomUUID()
    const audits = await auditCount(db(), admin.officeId)
    const response = await call('POST', `/api/clients/${clientId}/imports/commit`, {
      importId,
      employees: sheets.employees,
      dependents: sheets.dependents,
    })
    assert.equal(response.statusCode, 200, response.body)
    assert.match(String(response.headers['content-type']), /application\/x-ndjson/)
    const all = lines(response.body)
    const progress = all.filter((l) => l.type === 'progress')
    assert.ok(progress.length >= 50)
    assert.deepEqual(progress[0], { type: 'progress', processed: 0, total: 375 })
    assert.deepEqual(progress.at(-1), { type: 'progress', processed: 375, total: 375 })
    assert.ok(progress.every((p, i) => i === 0 || p.processed > progress[i - 1]!.processed))
    const last = all.at(-1)!
    assert.equal(last.type, 'committed')
    assert.ok(last.type === 'committed' && last.employeesCreated === 250 && last.dependentsCreated === 125)
    assert.ok(last.type === 'committed' && last.subjects.length === 375)
    assert.deepEqual(await peopleOf(clientId), { employees: 250, dependents: 125 })
    assert.equal(await auditCount(db(), admin.officeId), audits + 1 + 250 + 125)

    const list = await call(
      'GET',
      `/api/clients/${clientId}/employees?q=${encodeURIComponent(sheets.people[0]!.familyNameKana)}`,
    )
    assert.ok(list.json().items.some((e: { employeeNumber: string }) => e.employeeNumber === 'S00001'))
    const record = await call('GET', `/api/clients/${clientId}/imports/${importId}`)
    assert.equal(record.statusCode, 200, record.body)
    assert.deepEqual(
      { ...record.json<Record<string, unknown>>(), createdAt: undefined },
      {
        importId,
        clientId,
        state: 'committed',
        employeesCreated: 250,
        dependentsCreated: 125,
        createdBy: admin.userId,
        createdAt: undefined,
      },
    )

    const again = await call('POST', `/api/clients/${clientId}/imports/commit`, {
      importId,
      employees: syntheticSheets(generator, 2).employees,
    })
    assert.equal(again.statusCode, 400)
    assert.equal(again.json().field, 'importId')
    assert.deepEqual(await peopleOf(clientId), { employees: 250, dependents: 125 })
  })

  test('a bad row in the middle refuses the whole commit, naming the row: zero people, zero audit entries', async () => {
    const clientId = await newClient()
    const sheets = syntheticSheets(generator, 100, { dependents: true })
    sheets.employees.rows[50]!.cells[9] = '2026-13-01' // 入社日
    const audits = await auditCount(db(), admin.officeId)
    const importId = crypto.randomUUID()
    const response = await call('POST', `/api/clients/${clientId}/imports/commit`, {
      importId,
      employees: sheets.employees,
      dependents: sheets.dependents,
    })
    assert.equal(response.statusCode, 400, response.body)
    assert.equal(response.json().code, 'REQUEST_INVALID')
    assert.equal(response.json().field, 'employees.52.hireDate')
    assert.match(response.json().message, /社員の52行目「入社日」/)
    assert.deepEqual(await peopleOf(clientId), { employees: 0, dependents: 0 })
    assert.equal(await auditCount(db(), admin.officeId), audits)
    assert.equal((await call('GET', `/api/clients/${clientId}/imports/${importId}`)).statusCode, 404)
  })

  test('社員番号 already used in the client: preview names the rows, commit refuses', async () => {
    const clientId = await newClient()
    const first = syntheticSheets(generator, 3)
    const committed = await call('POST', `/api/clients/${clientId}/imports/commit`, {
      importId: crypto.randomUUID(),
      employees: first.employees,
    })
    assert.equal(lines(committed.body).at(-1)!.type, 'committed')
    const second = syntheticSheets(generator, 5)
    const preview = await call('POST', `/api/clients/${clientId}/imports/preview`, {
      employees: second.employees,
    })
    assert.deepEqual(
      preview.json().issues.map((i: { row: number; code: string }) => [i.row, i.code]),
      [
        [2, 'EMPLOYEE_NUMBER_TAKEN'],
        [3, 'EMPLOYEE_NUMBER_TAKEN'],
        [4, 'EMPLOYEE_NUMBER_TAKEN'],
      ],
    )
    const commit = await call('POST', `/api/clients/${clientId}/imports/commit`, {
      importId: crypto.randomUUID(),
      employees: second.employees,
    })
    assert.equal(commit.statusCode, 400)
    assert.equal(commit.json().field, 'employees.2.employeeNumber')
    assert.deepEqual(await peopleOf(clientId), { employees: 3, dependents: 0 })
  })

  test("staff import only into their assigned clients; clients' HR contacts do not import", async () => {
    const own = await newClient()
    const other = await newClient()
    const staff = await signInAs(app, db(), {
      role: 'office_staff',
      officeId: admin.officeId,
      clientIds: [own],
    })
    const hr = await signInAs(app, db(), { role: 'client_hr', officeId: admin.officeId, clientIds: [own] })
    const body = { employees: syntheticSheets(generator, 1).employees }
    assert.equal(
      (await callerFor(app, staff)('POST', `/api/clients/${own}/imports/preview`, body)).statusCode,
      200,
    )
    assert.equal(
      (await callerFor(app, staff)('POST', `/api/clients/${other}/imports/preview`, body)).statusCode,
      404,
    )
    assert.equal(
      (await callerFor(app, hr)('POST', `/api/clients/${own}/imports/preview`, body)).statusCode,
      403,
    )
  })
})
