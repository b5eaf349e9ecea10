import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import type { FastifyInstance } from 'fastify'
import type { SignedInUser } from '../auth/testing.ts'
import { createSyntheticOffice, signInAs } from '../auth/testing.ts'
import type { ServerTables } from '../db/tables.ts'
import {
  buildClientBody,
  buildDependentBody,
  buildEmployeeBody,
  employeeBody,
  syntheticGenerator,
} from './factories.ts'
import type { Call } from './test-app.ts'
import { auditCount, buildPeopleTestApp, callerFor, PEOPLE_TEST_MIGRATIONS } from './test-app.ts'

describeOnEachDatabase<ServerTables>(
  'clients, employees and dependents over HTTP',
  PEOPLE_TEST_MIGRATIONS,
  ({ db }) => {
    let app: FastifyInstance
    let admin: SignedInUser
    let call: Call
    const generator = syntheticGenerator('people-routes')

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

    test('a client is registered with typed identifiers normalised, and listed', async () => {
      const body = buildClientBody(generator, {
        corporateNumber: '７１２３４５６７８９０１２',
        officeSymbol: { districtCode: '０１', officeMark: 'けいと' },
        employmentInsuranceOfficeNumber: '1234-567890-1',
        labourInsuranceNumber: '13-1-01-123456-000',
        postalCode: '１００ー０００１',
      })
      const created = await call('POST', '/api/clients', body)
      assert.equal(created.statusCode, 201, created.body)
      const client = created.json()
      assert.equal(client.corporateNumber, '7123456789012')
      assert.deepEqual(client.officeSymbol, { districtCode: '01', officeMark: 'ｹｲﾄ' })
      assert.equal(client.employmentInsuranceOfficeNumber, '12345678901')
      assert.equal(client.labourInsuranceNumber, '13101123456000')
      assert.equal(client.postalCode, '100-0001')
      const list = await call('GET', '/api/clients')
      assert.ok(list.json().items.some((c: { id: string }) => c.id === client.id))
    })

    test('bad input gets one Japanese message per field with a stable code, and nothing is stored', async () => {
      const before = (await call('GET', '/api/clients')).json().items.length
      const response = await call('POST', '/api/clients', {
        ...buildClientBody(generator),
        corporateNumber: '1123456789012',
        prefectureCode: 48,
        address: '',
      })
      assert.equal(response.statusCode, 400)
      const body = response.json()
      assert.equal(body.code, 'REQUEST_INVALID')
      const byField = Object.fromEntries(body.issues.map((i: { field: string }) => [i.field, i]))
      assert.equal(byField.corporateNumber.code, 'CORPORATE_NUMBER_CHECK_DIGIT')
      assert.match(byField.corporateNumber.message, /法人番号/)
      assert.match(byField.prefectureCode.message, /都道府県コード/)
      assert.match(byField.address.message, /入力してください/)
      assert.match(body.message, /入力内容に誤りがあります/)
      assert.equal((await call('GET', '/api/clients')).json().items.length, before)
    })

    test('a body that is not JSON is a 400 with a code and a Japanese message, not a 500', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/clients',
        headers: { ...admin.headers, 'content-type': 'application/json' },
        payload: '{"name": ',
      })
      assert.equal(response.statusCode, 400)
      assert.equal(response.json().code, 'REQUEST_INVALID')
      assert.match(response.json().message, /読み取れませんでした/)
    })

    test('a 12-digit number typed into a free-text field is refused, never stored', async () => {
      const clientId = await newClient()
      const response = await call(
        'POST',
        `/api/clients/${clientId}/employees`,
        buildEmployeeBody(generator, { address: '東京都千代田区1-2-3 123456789018' }),
      )
      assert.equal(response.statusCode, 400)
      const issue = response.json().issues[0]
      assert.deepEqual([issue.field, issue.code], ['address', 'MY_NUMBER_IN_TEXT'])
      assert.doesNotMatch(response.body, /123456789018/)
      const list = await call('GET', `/api/clients/${clientId}/employees`)
      assert.deepEqual(list.json().items, [])
    })

    test('an employee is created with a first version, changed from a date, and leaves', async () => {
      const clientId = await newClient()
      const employee = generator.employee()
      const created = await call(
        'POST',
        `/api/clients/${clientId}/employees`,
        employeeBody(employee, { hireDate: '2020-04-01' }),
      )
      assert.equal(created.statusCode, 201, created.body)
      const id = created.json().id
      assert.equal(created.json().versions.length, 1)
      assert.equal(created.json().current.validFrom, '2020-04-01')
      assert.deepEqual(created.json().myNumber, { status: 'not_registered', identityVerified: false })

      const moved = await call('POST', `/api/clients/${clientId}/employees/${id}/versions`, {
        validFrom: '2025-10-01',
        reason: 'address_change',
        address: '大阪府大阪市北区梅田1-1-1',
        prefectureCode: 27,
      })
      assert.equal(moved.statusCode, 201, moved.body)
      const versions = moved.json().versions
      assert.deepEqual(
        versions.map((v: { validFrom: string; validTo: string | null }) => [v.validFrom, v.validTo]),
        [
          ['2025-10-01', null],
          ['2020-04-01', '2025-10-01'],
        ],
      )
      assert.equal(versions[0].familyName, employee.familyName)
      assert.equal(versions[1].address, employee.address)

      const backdated = await call('POST', `/api/clients/${clientId}/employees/${id}/versions`, {
        validFrom: '2025-09-30',
        reason: 'pay_change',
        basePayYen: 300000,
      })
      assert.equal(backdated.statusCode, 409)
      assert.equal(backdated.json().code, 'VERSION_DATE_CONFLICT')

      const left = await call('POST', `/api/clients/${clientId}/employees/${id}/leave`, {
        leaveDate: '2026-03-31',
        reason: 'resignation',
      })
      assert.equal(left.statusCode, 200, left.body)
      assert.equal(left.json().leaveDate, '2026-03-31')
      const active = await call('GET', `/api/clients/${clientId}/employees`)
      assert.ok(!active.json().items.some((e: { id: string }) => e.id === id))
      const all = await call('GET', `/api/clients/${clientId}/employees?status=all`)
      assert.ok(all.json().items.some((e: { id: string }) => e.id === id))
    })

    test('the response carries only the fields of its schema', async () => {
      const clientId = await newClient()
      const created = await call('POST', `/api/clients/${clientId}/employees`, buildEmployeeBody(generator))
      const detail = await call('GET', `/api/clients/${clientId}/employees/${created.json().id}`)
      assert.deepEqual(Object.keys(detail.json()).sort(), [
        'basicPensionNumber',
        'birthDate',
        'clientId',
        'current',
        'dependents',
        'employeeNumber',
        'employmentInsuranceNumber',
        'hireDate',
        'id',
        'insuredSerial',
        'leaveDate',
        'leaveReason',
        'myNumber',
        'sex',
        'versions',
      ])
      assert.doesNotMatch(detail.body, /office_id|officeId/)
    })

    test('the list searches by name or kana (hiragana too) and pages by keyset without gaps or repeats', async () => {
      const clientId = await newClient()
      const ids: string[] = []
      for (let i = 0; i < 23; i++) {
        const r = await call('POST', `/api/clients/${clientId}/employees`, buildEmployeeBody(generator))
        assert.equal(r.statusCode, 201, r.body)
        ids.push(r.json().id)
      }
      const seen: Array<{ id: string; familyNameKana: string; givenNameKana: string }> = []
      let cursor: string | null = null
      do {
        const page: { items: typeof seen; nextCursor: string | null } = (
          await call(
            'GET',
            `/api/clients/${clientId}/employees?limit=5${cursor === null ? '' : `&cursor=${cursor}`}`,
          )
        ).json()
        assert.ok(page.items.length <= 5)
        seen.push(...page.items)
        cursor = page.nextCursor
      } while (cursor !== null)
      assert.deepEqual(seen.map((e) => e.id).sort(), [...ids].sort())
      const keys = seen.map((e) => `${e.familyNameKana}\u0000${e.givenNameKana}\u0000${e.id}`)
      assert.deepEqual(keys, [...keys].sort())

      const target = seen[7]!
      const hiragana = target.familyNameKana.replace(/[\u30a1-\u30f6]/g, (c) =>
        String.fromCharCode(c.charCodeAt(0) - 0x60),
      )
      const found = (
        await call('GET', `/api/employees?q=${encodeURIComponent(hiragana)}&clientId=${clientId}&limit=200`)
      ).json()
      assert.ok(found.items.length > 0)
      assert.ok(
        found.items.every((e: { familyNameKana: string; givenNameKana: string }) =>
          `${e.familyNameKana}${e.givenNameKana}`.includes(target.familyNameKana),
        ),
      )
      const byNumber = await call('GET', `/api/clients/${clientId}/employees/${target.id}`)
      const employeeNumber: string | null = byNumber.json().employeeNumber
      if (employeeNumber !== null) {
        const numbered = (
          await call('GET', `/api/employees?q=${encodeURIComponent(employeeNumber)}&clientId=${clientId}`)
        ).json()
        assert.deepEqual(
          numbered.items.map((e: { id: string }) => e.id),
          [target.id],
          'a 社員番号 finds its employee',
        )
      }
      const bad = await call('GET', `/api/employees?cursor=not-a-cursor`)
      assert.equal(bad.statusCode, 400)
      assert.equal(bad.json().field, 'cursor')
    })

    test('dependents are added, changed, listed and deleted, each change audited', async () => {
      const clientId = await newClient()
      const employee = generator.employee()
      const created = await call('POST', `/api/clients/${clientId}/employees`, employeeBody(employee))
      const base = `/api/clients/${clientId}/employees/${created.json().id}/dependents`
      const audited = await auditCount(db(), admin.officeId)
      const added = await call('POST', base, buildDependentBody(generator, employee))
      assert.equal(added.statusCode, 201, added.body)
      const dependentId = added.json().id
      const apart = await call('PATCH', `${base}/${dependentId}`, { cohabiting: false })
      assert.equal(apart.statusCode, 400)
      assert.equal(apart.json().field, 'address')
      const changed = await call('PATCH', `${base}/${dependentId}`, {
        annualIncomeYen: 1_400_000,
        dependentUntil: '2026-03-31',
      })
      assert.equal(changed.statusCode, 200, changed.body)
      assert.equal(changed.json().dependentUntil, '2026-03-31')
      const listed = await call('GET', base)
      assert.equal(listed.json().items.length, 1)
      const deleted = await call('DELETE', `${base}/${dependentId}`)
      assert.equal(deleted.statusCode, 204)
      assert.equal((await call('GET', base)).json().items.length, 0)
      assert.equal(await auditCount(db(), admin.officeId), audited + 5)
    })

    test('staff see only their assigned clients; another office sees nothing', async () => {
      const mine = await newClient()
      const theirs = await newClient()
      const inMine = await call('POST', `/api/clients/${mine}/employees`, buildEmployeeBody(generator))
      const inTheirs = await call('POST', `/api/clients/${theirs}/employees`, buildEmployeeBody(generator))
      const staff = await signInAs(app, db(), {
        role: 'office_staff',
        officeId: admin.officeId,
        clientIds: [mine],
      })
      const asStaff = callerFor(app, staff)
      const list = (await asStaff('GET', '/api/employees?limit=200')).json().items as Array<{
        clientId: string
      }>
      assert.ok(list.length > 0 && list.every((e) => e.clientId === mine))
      assert.equal((await asStaff('GET', `/api/employees?clientId=${theirs}`)).statusCode, 404)
      assert.equal(
        (await asStaff('GET', `/api/clients/${theirs}/employees/${inTheirs.json().id}`)).statusCode,
        404,
      )
      assert.equal(
        (await asStaff('GET', `/api/clients/${mine}/employees/${inTheirs.json().id}`)).statusCode,
        404,
      )
      assert.equal(
        (await asStaff('GET', `/api/clients/${mine}/employees/${inMine.json().id}`)).statusCode,
        200,
      )
      assert.deepEqual(
        (await asStaff('GET', '/api/clients')).json().items.map((c: { id: string }) => c.id),
        [mine],
      )

      const stranger = await signInAs(app, db(), { role: 'office_admin' })
      const asStranger = callerFor(app, stranger)
      assert.equal((await asStranger('GET', `/api/clients/${mine}`)).statusCode, 404)
      assert.equal(
        (await asStranger('GET', `/api/clients/${mine}/employees/${inMine.json().id}`)).statusCode,
        404,
      )
      assert.equal((await asStranger('PATCH', `/api/clients/${mine}`, { name: '乗っ取り' })).statusCode, 404)
      assert.deepEqual((await asStranger('GET', '/api/employees')).json().items, [])
    })

    test('an employee user reads their own record only', async () => {
      const clientId = await newClient()
      const created = await call('POST', `/api/clients/${clientId}/employees`, buildEmployeeBody(generator))
      const me = await signInAs(app, db(), {
        role: 'employee',
        officeId: admin.officeId,
        personId: created.json().id,
      })
      const asMe = callerFor(app, me)
      const own = await asMe('GET', '/api/me/employee')
      assert.equal(own.statusCode, 200, own.body)
      assert.equal(own.json().id, created.json().id)
      assert.equal((await asMe('GET', '/api/employees')).statusCode, 403)
      assert.equal(
        (await asMe('GET', `/api/clients/${clientId}/employees/${created.json().id}`)).statusCode,
        403,
      )
    })
  },
)
