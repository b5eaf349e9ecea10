import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { describeOnEachDatabase } from '@mamori/db/testing'
import type { FastifyInstance } from 'fastify'
import { declaredRoutes } from '../access/access-hook.ts'
import type { ServerTables } from '../db/tables.ts'
import { buildPeopleTestApp, PEOPLE_TEST_MIGRATIONS } from '../people/test-app.ts'

describeOnEachDatabase<ServerTables>('OpenAPI document', PEOPLE_TEST_MIGRATIONS, ({ db }) => {
  let app: FastifyInstance
  before(async () => {
    app = await buildPeopleTestApp(db())
  })
  after(() => app.close())

  test('GET /api/openapi.json describes every API route with its request and response schemas', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' })
    assert.equal(response.statusCode, 200)
    const document = response.json()
    assert.equal(document.openapi, '3.1.0')
    const documented = new Set(
      Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    )
    // The routes of apiRoutes. Once app.ts registers the document before every route (api.ts),
    // this becomes every /api route.
    const apiRoutes = declaredRoutes(app).filter(
      (r) =>
        /^\/api\/(clients|employees|me)(\/|$)/.test(r.url) &&
        !r.url.endsWith('/invitation') &&
        r.method !== 'HEAD',
    )
    assert.ok(apiRoutes.length >= 17)
    for (const route of apiRoutes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}')
      assert.ok(documented.has(`${route.method} ${path}`), `${route.method} ${path} is documented`)
    }
    const create = document.paths['/api/clients/{clientId}/employees'].post
    assert.ok(create.requestBody.content['application/json'].schema.properties.familyNameKana)
    assert.ok(create.responses['201'].content['application/json'].schema.properties.versions)
    const list = document.paths['/api/employees'].get
    assert.ok(list.parameters.some((p: { name: string; in: string }) => p.name === 'q' && p.in === 'query'))
  })
})
