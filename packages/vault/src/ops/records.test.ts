import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { before, describe, test } from 'node:test'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import type { TestVault } from '../test-vault.ts'
import { callContext, describeVault, identityCheck, recipient } from '../test-vault.ts'
import { deletionDue, retentionEnds } from './deletion-due.ts'

const numbers = createSyntheticGenerator('vault-records')

describe('deletion due dates (retention rules)', () => {
  test('扶養控除等申告書: 7 years from 11 January of the year after the 提出期限', () => {
    assert.equal(retentionEnds({ kind: 'TAX_DECLARATION', date: '2026-01-31' }), '2034-01-11')
  })

  test('雇用保険 4 years, 労働保険 3 years, 健保・厚年 2 years, 源泉徴収簿 7 years from completion', () => {
    assert.equal(retentionEnds({ kind: 'EMPLOYMENT_INSURANCE', date: '2026-03-31' }), '2030-03-31')
    assert.equal(retentionEnds({ kind: 'LABOR_INSURANCE', date: '2026-03-31' }), '2029-03-31')
    assert.equal(retentionEnds({ kind: 'HEALTH_PENSION_INSURANCE', date: '2024-02-29' }), '2026-02-28')
    assert.equal(retentionEnds({ kind: 'WITHHOLDING_LEDGER', date: '2026-12-31' }), '2033-12-31')
  })

  test('due when the relationship has ended and the longest retention has passed', () => {
    const records = [
      { kind: 'HEALTH_PENSION_INSURANCE', date: '2026-04-30' },
      { kind: 'TAX_DECLARATION', date: '2026-01-31' },
    ] as const
    assert.deepEqual(deletionDue('2026-04-30', records), {
      dueOn: '2034-01-11',
      lastRetainedBy: 'TAX_DECLARATION',
    })
  })

  test('no due date while the relationship continues; the end date itself when nothing is retained', () => {
    assert.deepEqual(deletionDue(null, [{ kind: 'LABOR_INSURANCE', date: '2026-03-31' }]), {
      dueOn: null,
      lastRetainedBy: 'LABOR_INSURANCE',
    })
    assert.deepEqual(deletionDue('2026-04-30', []), { dueOn: '2026-04-30', lastRetainedBy: null })
  })
})

describeVault('refusal records, deletion and the request gate', ({ vault: testVault, db }) => {
  let vault: TestVault
  before(() => {
    vault = testVault()
  })

  async function registered(overrides: Parameters<typeof callContext>[0] = {}) {
    const ctx = callContext(overrides)
    const number = numbers.myNumber()
    const response = await vault.post('/v1/register', {
      context: ctx,
      sealed: await vault.seal(number, ctx),
      identityCheck: identityCheck(),
    })
    assert.equal(response.statusCode, 200)
    return { ctx, number }
  }

  test('a refusal (提供を求めた経過) is recorded and status reports it', async () => {
    const ctx = callContext()
    const response = await vault.post('/v1/refusal', {
      context: ctx,
      requestedAt: '2026-04-01T09:00:00+09:00',
      method: 'IN_PERSON',
      answer: 'REFUSED',
    })
    assert.equal(response.statusCode, 200)
    const status = await vault.post('/v1/status', { context: ctx })
    assert.deepEqual(status.json().refusal, { requestedAt: '2026-04-01T00:00:00.000Z', answer: 'REFUSED' })
    const entries = await vault.auditEntries(['MY_NUMBER_REFUSAL_RECORDED'])
    assert.ok(entries.some((e) => e.subject_id === ctx.subjectId && e.result === 'success'))
  })

  test('delete crypto-shreds the subject: key bytes gone, number unreachable, disposal record kept', async () => {
    const { ctx } = await registered()
    const response = await vault.post('/v1/delete', { context: ctx, reason: 'RETENTION_ENDED' })
    assert.equal(response.statusCode, 200)
    const keys = await db()
      .selectFrom('vault_data_keys')
      .selectAll()
      .where('key_id', '=', ctx.subjectId)
      .execute()
    assert.deepEqual(
      keys.map((k) => k.wrapped),
      [null],
    )
    const [disposal] = await db()
      .selectFrom('vault_disposals')
      .selectAll()
      .where('subject_id', '=', ctx.subjectId)
      .execute()
    assert.deepEqual(
      [disposal?.id, disposal?.method, disposal?.disposed_by, disposal?.reason],
      [response.json().disposalId, 'CRYPTO_SHRED', ctx.actorId, 'RETENTION_ENDED'],
    )
    const status = await vault.post('/v1/status', { context: ctx })
    assert.equal(status.json().registered, false)
    const device = await recipient()
    const reveal = await vault.post('/v1/reveal', {
      context: { ...ctx, actorId: ctx.subjectId },
      viewer: 'SELF',
      reason: '本人による確認',
      reauthenticatedAt: new Date().toISOString(),
      recipientPublicKey: device.publicKey,
    })
    assert.equal(reveal.json().code, 'NOT_REGISTERED')
    const again = await vault.post('/v1/delete', { context: ctx, reason: 'RETENTION_ENDED' })
    assert.equal(again.json().code, 'NOT_REGISTERED')
  })

  test('after deletion the subject can be registered again, under a new data key version', async () => {
    const { ctx, number } = await registered()
    await vault.post('/v1/delete', { context: ctx, reason: 'REGISTERED_IN_ERROR' })
    const again = await vault.post('/v1/register', {
      context: { ...ctx, requestId: randomUUID() },
      sealed: await vault.seal(number, ctx),
      identityCheck: identityCheck(),
    })
    assert.equal(again.statusCode, 200)
    const versions = await db()
      .selectFrom('vault_data_keys')
      .select('version')
      .where('key_id', '=', ctx.subjectId)
      .orderBy('version')
      .execute()
    assert.deepEqual(
      versions.map((v) => v.version),
      [1, 2],
    )
  })

  test('delete-client shreds every subject of that client and no other', async () => {
    const tenantId = randomUUID()
    const clientId = randomUUID()
    const mine = [await registered({ tenantId, clientId }), await registered({ tenantId, clientId })]
    const other = await registered({ tenantId })
    const { subjectId: _, ...context } = callContext({ tenantId, clientId })
    const response = await vault.post('/v1/delete-client', { context, reason: 'CONTRACT_ENDED' })
    assert.equal(response.json().disposedSubjects, 2)
    for (const { ctx } of mine) {
      assert.equal((await vault.post('/v1/status', { context: ctx })).json().registered, false)
    }
    assert.equal((await vault.post('/v1/status', { context: other.ctx })).json().registered, true)
    const disposals = await db()
      .selectFrom('vault_disposals')
      .select('scope')
      .where('client_id', '=', clientId)
      .execute()
    assert.deepEqual(
      disposals.map((d) => d.scope),
      ['CLIENT', 'CLIENT'],
    )
  })

  test('deletion-due answers per subject and audits the listing', async () => {
    const { subjectId, ...context } = callContext()
    const response = await vault.post('/v1/deletion-due', {
      context,
      subjects: [
        {
          subjectId,
          relationshipEndedOn: '2026-04-30',
          records: [{ kind: 'EMPLOYMENT_INSURANCE', date: '2026-05-10' }],
        },
      ],
    })
    assert.deepEqual(response.json(), {
      subjects: [{ subjectId, dueOn: '2030-05-10', lastRetainedBy: 'EMPLOYMENT_INSURANCE' }],
    })
  })

  test('no service token, or a wrong one: SERVICE_UNAUTHENTICATED', async () => {
    const body = { context: callContext() }
    for (const auth of [false, 'not-the-token'] as const) {
      const response = await vault.post('/v1/status', body, { auth })
      assert.equal(response.statusCode, 401)
      assert.equal(response.json().code, 'SERVICE_UNAUTHENTICATED')
    }
  })

  test('a request without its call context, or missing one id, is refused with CONTEXT_MISSING', async () => {
    const missing = await vault.post('/v1/status', {})
    assert.equal(missing.statusCode, 400)
    assert.equal(missing.json().code, 'CONTEXT_MISSING')
    for (const field of ['actorId', 'tenantId', 'clientId', 'subjectId', 'requestId'] as const) {
      const { [field]: _, ...rest } = callContext()
      const response = await vault.post('/v1/status', { context: rest })
      assert.equal(response.json().code, 'CONTEXT_MISSING', field)
      assert.equal(response.json().field, `context.${field}`)
    }
    const notUuid = await vault.post('/v1/status', { context: callContext({ subjectId: '山田太郎' }) })
    assert.equal(notUuid.json().code, 'CONTEXT_MISSING')
  })

  test('a purpose outside 個人番号関係事務 is refused with PURPOSE_UNKNOWN', async () => {
    const response = await vault.post('/v1/status', { context: { ...callContext(), purpose: 'MARKETING' } })
    assert.equal(response.statusCode, 400)
    assert.equal(response.json().code, 'PURPOSE_UNKNOWN')
  })

  test('a plaintext number field is refused with REQUEST_INVALID and never echoed', async () => {
    const ctx = callContext()
    const number = numbers.myNumber()
    const response = await vault.post('/v1/register', {
      context: ctx,
      sealed: await vault.seal(number, ctx),
      identityCheck: identityCheck(),
      myNumber: number,
    })
    assert.equal(response.statusCode, 400)
    assert.equal(response.json().code, 'REQUEST_INVALID')
    assert.equal(response.body.includes(number), false)
  })

  test('an unknown path is NOT_FOUND; there is no endpoint that lists numbers', async () => {
    const response = await vault.app.inject({
      method: 'GET',
      url: '/v1/numbers',
      headers: { authorization: `Bearer ${vault.token}` },
    })
    assert.equal(response.statusCode, 404)
    assert.equal(response.json().code, 'NOT_FOUND')
  })

  test('the OpenAPI document describes every operation and is served without a token', async () => {
    const response = await vault.app.inject({ method: 'GET', url: '/openapi.json' })
    const paths = Object.keys(response.json().paths).sort()
    assert.deepEqual(paths, [
      '/health',
      '/v1/approve',
      '/v1/delete',
      '/v1/delete-client',
      '/v1/deletion-due',
      '/v1/health-report',
      '/v1/match',
      '/v1/merge',
      '/v1/public-key',
      '/v1/refusal',
      '/v1/register',
      '/v1/reveal',
      '/v1/rotate',
      '/v1/status',
    ])
  })
})
