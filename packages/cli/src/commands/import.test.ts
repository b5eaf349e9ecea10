import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { OutgoingHttpHeaders, Server } from 'node:http'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import type { FastifyInstance } from 'fastify'
import iconv from 'iconv-lite'
import { sql } from 'kysely'
import { createSyntheticOffice, signInAs } from '../../../server/src/auth/testing.ts'
import type { ServerTables } from '../../../server/src/db/tables.ts'
import { syntheticSheets, tableToCsv } from '../../../server/src/imports/testing.ts'
import type { TestVault } from '../../../server/src/my-number/testing.ts'
import { startTestVault } from '../../../server/src/my-number/testing.ts'
import { buildClientBody, syntheticGenerator } from '../../../server/src/people/factories.ts'
import { buildPeopleTestApp, callerFor, PEOPLE_TEST_MIGRATIONS } from '../../../server/src/people/test-app.ts'
import { run } from '../run-for-test.ts'

// The real vault, one for both databases' suites (it takes seconds to start).
let vaultDir: string
let vault: TestVault
before(async () => {
  vaultDir = await mkdtemp(join(tmpdir(), 'mamori-cli-import-vault-'))
  vault = await startTestVault(vaultDir)
})
after(async () => {
  await vault?.stop()
  await rm(vaultDir, { recursive: true, force: true })
})

describeOnEachDatabase<ServerTables>('mamori import employees', PEOPLE_TEST_MIGRATIONS, ({ db, backend }) => {
  let app: FastifyInstance
  let front: Server
  let url: string
  /** Every request body the server received, as text. */
  const received: string[] = []
  let officeId: string
  let clientId: string
  let dir: string
  const generator = syntheticGenerator('cli-import')

  before(async () => {
    app = await buildPeopleTestApp(db(), backend, vault.access)
    // The CLI talks HTTP; this front records what reaches the server and hands it to the app.
    front = createServer(async (request, response) => {
      const chunks: Buffer[] = []
      for await (const chunk of request) chunks.push(chunk as Buffer)
      const payload = Buffer.concat(chunks)
      received.push(payload.toString('utf8'))
      const answer = await app.inject({
        method: request.method as 'POST',
        url: request.url!,
        headers: request.headers,
        payload,
      })
      const { 'transfer-encoding': _chunked, ...headers } = answer.headers
      response.writeHead(answer.statusCode, headers as OutgoingHttpHeaders)
      response.end(answer.rawPayload)
    })
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve))
    const address = front.address()
    url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
    officeId = await createSyntheticOffice(db())
    const admin = await signInAs(app, db(), { role: 'office_admin', officeId })
    clientId = (await callerFor(app, admin)('POST', '/api/clients', buildClientBody(generator))).json().id
    dir = await mkdtemp(join(tmpdir(), 'mamori-cli-import-'))
  })
  after(async () => {
    await new Promise((resolve) => front.close(resolve))
    await app.close()
    await rm(dir, { recursive: true, force: true })
  })

  /** Each run signs in afresh: TOTP codes are single use. */
  async function mamori(...args: string[]) {
    const user = await signInAs(app, db(), { role: 'office_staff', officeId, clientIds: [clientId] })
    return run(['import', 'employees', '--client', clientId, ...args], {
      MAMORI_SERVER_URL: url,
      MAMORI_LOGIN_ID: user.loginId,
      MAMORI_PASSWORD: user.password,
      MAMORI_TOTP_CODE: user.nextTotpCode(),
    })
  }

  async function employeesOfClient(): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from employees where client_id = ${clientId}`.execute(db())
    return rows[0]!.n
  }

  test('a Shift_JIS CSV with a 個人番号 column: numbers checked on this machine and never sent; preview then --commit', async () => {
    const sheets = syntheticSheets(generator, 12, { dependents: true })
    const numbers = sheets.employees.rows.map(() => generator.myNumber())
    sheets.employees.headers.push('個人番号')
    for (const [i, r] of sheets.employees.rows.entries()) r.cells.push(numbers[i]!)
    const employees = join(dir, '社員.csv')
    const dependents = join(dir, '扶養.csv')
    await writeFile(employees, iconv.encode(tableToCsv(sheets.employees), 'cp932'))
    await writeFile(dependents, tableToCsv(sheets.dependents))

    const preview = await mamori('--file', employees, '--dependents', dependents)
    assert.equal(preview.code, 0, preview.err)
    assert.match(preview.out, /社員 12行（うち正しい行 12）、被扶養者 6行/)
    assert.match(preview.out, /個人番号: 12件の検査用数字を確認しました/)
    assert.equal(await employeesOfClient(), 0)

    const withoutCheck = await mamori('--file', employees, '--dependents', dependents, '--commit')
    assert.equal(withoutCheck.code, 2)
    assert.match(withoutCheck.err, /--number-check/)
    assert.equal(await employeesOfClient(), 0, 'nothing is sent before the 本人確認 options are right')

    const committed = await mamori(
      '--file',
      employees,
      '--dependents',
      dependents,
      '--commit',
      '--number-check',
      'MY_NUMBER_CARD',
      '--identity-check',
      'MY_NUMBER_CARD',
    )
    assert.equal(committed.code, 0, committed.err)
    assert.match(committed.out, /登録中: 18 \/ 18/)
    assert.match(committed.out, /登録しました: 社員 12人、被扶養者 6人/)
    assert.match(committed.out, /個人番号を登録しました: 12件/)
    assert.equal(await employeesOfClient(), 12)
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from my_number_statuses s join employees e on e.id = s.employee_id
      where e.client_id = ${clientId} and s.status = 'registered'`.execute(db())
    assert.equal(rows[0]!.n, 12)
    assert.ok(received.length >= 4)
    for (const number of numbers)
      assert.ok(!received.some((b) => b.includes(number)), 'a My Number reached the server')
  })

  test('row errors are printed in Japanese by row and column, exit code 1, nothing registered', async () => {
    const before = await employeesOfClient()
    const sheets = syntheticSheets(generator, 4)
    for (const r of sheets.employees.rows) r.cells[0] = `E${r.row}`
    sheets.employees.rows[2]!.cells[3] = '昭和65年1月1日'
    sheets.employees.headers.push('個人番号')
    for (const r of sheets.employees.rows) r.cells.push('123456789012')
    const file = join(dir, 'bad.csv')
    await writeFile(file, tableToCsv(sheets.employees))
    const result = await mamori('--file', file, '--commit')
    assert.equal(result.code, 1)
    assert.match(result.err, /社員 4行目 「生年月日」: その元号の期間にない日付です.*\[WAREKI_OUT_OF_RANGE\]/)
    assert.match(result.err, /社員 2行目 「個人番号」: 個人番号が正しくありません.*\[MY_NUMBER_CHECK_DIGIT\]/)
    assert.match(result.err, /エラー \[REQUEST_INVALID\] 5件の誤りがあります/)
    assert.equal(await employeesOfClient(), before)
  })

  test('a missing option is exit code 2 with the flag named', async () => {
    const result = await run(['import', 'employees', '--file', 'x.csv'])
    assert.equal(result.code, 2)
    assert.match(result.err, /--client を指定してください/)
  })
})
