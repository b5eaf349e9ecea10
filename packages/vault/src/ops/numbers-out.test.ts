import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { before, test } from 'node:test'
import { createSyntheticGenerator } from '@mamori/rules/synthetic/generator.ts'
import { perMinute } from '../limits/rate-limiter.ts'
import type { TestVault } from '../test-vault.ts'
import { callContext, describeVault, identityCheck, recipient } from '../test-vault.ts'

const numbers = createSyntheticGenerator('vault-numbers-out')

const LIMITS = {
  match: { actor: perMinute(3), tenant: perMinute(1000) },
  reveal: { actor: perMinute(1000), tenant: perMinute(2) },
  merge: { actor: perMinute(1000), tenant: perMinute(1000) },
}

describeVault(
  'match, merge and reveal',
  ({ vault: testVault, db }) => {
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

    test('match answers yes for the number on file and no for another, and audits both', async () => {
      const { ctx, number } = await registered()
      const yes = await vault.post('/v1/match', { context: ctx, candidate: await vault.seal(number, ctx) })
      assert.deepEqual(yes.json(), { matches: true })
      const no = await vault.post('/v1/match', {
        context: ctx,
        candidate: await vault.seal(numbers.myNumber(), ctx),
      })
      assert.deepEqual(no.json(), { matches: false })
      const entries = (await vault.auditEntries(['MY_NUMBER_MATCHED'])).filter(
        (e) => e.subject_id === ctx.subjectId,
      )
      assert.deepEqual(
        entries.map((e) => e.result),
        ['success', 'success'],
      )
    })

    test('match for a subject without a number is refused with NOT_REGISTERED', async () => {
      const ctx = callContext()
      const response = await vault.post('/v1/match', {
        context: ctx,
        candidate: await vault.seal(numbers.myNumber(), ctx),
      })
      assert.equal(response.statusCode, 404)
      assert.equal(response.json().code, 'NOT_REGISTERED')
    })

    test('past the per-user match limit: 429 RATE_LIMITED, an alarm entry, and a row for mamori doctor', async () => {
      const { ctx, number } = await registered()
      const codes: string[] = []
      for (let i = 0; i < 4; i++) {
        const c = { ...ctx, requestId: randomUUID() }
        const response = await vault.post('/v1/match', { context: c, candidate: await vault.seal(number, c) })
        codes.push(response.statusCode === 200 ? 'OK' : response.json().code)
      }
      assert.deepEqual(codes, ['OK', 'OK', 'OK', 'RATE_LIMITED'])
      const alarms = await vault.auditEntries(['VAULT_RATE_LIMIT_EXCEEDED'])
      assert.ok(alarms.some((e) => e.actor_id === ctx.actorId && e.document === 'match.ACTOR'))
      const report = await vault.app.inject({
        method: 'GET',
        url: '/v1/health-report',
        headers: { authorization: `Bearer ${vault.token}` },
      })
      const alarm = report.json().alarms.find((a: { actorId: string }) => a.actorId === ctx.actorId)
      assert.deepEqual(
        { operation: alarm.operation, scope: alarm.scope, count: alarm.count },
        { operation: 'match', scope: 'ACTOR', count: 1 },
      )
    })

    test('merge fills each subject’s number into a document on the legal list, sealed to the requester', async () => {
      const tenantId = randomUUID()
      const a = await registered({ tenantId })
      const b = await registered({ tenantId })
      const device = await recipient()
      const { subjectId: _, ...context } = callContext({ tenantId })
      const template = `資格取得届\n${a.ctx.subjectId}: {{MY_NUMBER:${a.ctx.subjectId}}}\n${b.ctx.subjectId}: {{MY_NUMBER:${b.ctx.subjectId}}}\n`
      const response = await vault.post('/v1/merge', {
        context,
        documentType: 'NENKIN_2200700_ACQUISITION',
        template,
        subjects: [a, b].map((s) => ({ subjectId: s.ctx.subjectId, isEmployee70OrOver: false })),
        recipientPublicKey: device.publicKey,
      })
      assert.equal(response.statusCode, 200)
      assert.equal(response.body.includes(a.number), false)
      const document = await device.open(response.json().document, tenantId, context.requestId)
      assert.equal(document, `資格取得届\n${a.ctx.subjectId}: ${a.number}\n${b.ctx.subjectId}: ${b.number}\n`)
      const entries = (await vault.auditEntries(['MY_NUMBER_MERGED'])).filter((e) => e.tenant_id === tenantId)
      assert.deepEqual(
        entries.map((e) => [e.subject_id, e.document, e.result]),
        [
          [a.ctx.subjectId, 'NENKIN_2200700_ACQUISITION', 'success'],
          [b.ctx.subjectId, 'NENKIN_2200700_ACQUISITION', 'success'],
        ],
      )
      await assert.rejects(
        device.open(response.json().document, tenantId, randomUUID()),
        /HPKE_OPEN_FAILED|did not open/,
      )
    })

    const refusedMerges = [
      {
        name: 'a document type not on the legal list',
        documentType: 'JUMINHYO',
        code: 'DOCUMENT_NOT_ON_LEGAL_LIST',
      },
      {
        name: 'a purpose the document does not serve',
        documentType: 'TAX_WITHHOLDING_SLIP',
        code: 'PURPOSE_MISMATCH',
      },
      {
        name: '算定基礎届 for someone under 70',
        documentType: 'NENKIN_2225700_REGULAR_DETERMINATION',
        code: 'SUBJECT_NOT_70_OR_OVER',
      },
    ]
    for (const refused of refusedMerges) {
      test(`merge of ${refused.name} is refused with ${refused.code}, and audited as refused`, async () => {
        const { ctx } = await registered()
        const { subjectId, ...context } = { ...ctx, requestId: randomUUID() }
        const response = await vault.post('/v1/merge', {
          context,
          documentType: refused.documentType,
          template: `{{MY_NUMBER:${subjectId}}}`,
          subjects: [{ subjectId, isEmployee70OrOver: false }],
          recipientPublicKey: (await recipient()).publicKey,
        })
        assert.equal(response.statusCode, 403)
        assert.equal(response.json().code, refused.code)
        const entries = await vault.auditEntries(['MY_NUMBER_MERGED'])
        assert.ok(entries.some((e) => e.actor_id === ctx.actorId && e.result === 'denied'))
      })
    }

    test('merge of 算定基礎届 for a 70歳以上被用者 is allowed', async () => {
      const { ctx, number } = await registered()
      const { subjectId, ...context } = { ...ctx, requestId: randomUUID() }
      const device = await recipient()
      const response = await vault.post('/v1/merge', {
        context,
        documentType: 'NENKIN_2225700_REGULAR_DETERMINATION',
        template: `[{{MY_NUMBER:${subjectId}}}]`,
        subjects: [{ subjectId, isEmployee70OrOver: true }],
        recipientPublicKey: device.publicKey,
      })
      assert.equal(response.statusCode, 200)
      assert.equal(
        await device.open(response.json().document, ctx.tenantId, context.requestId),
        `[${number}]`,
      )
    })

    test('merge whose placeholders and subjects differ is refused with TEMPLATE_SUBJECTS_MISMATCH', async () => {
      const { ctx } = await registered()
      const { subjectId, ...context } = ctx
      const base = {
        context,
        documentType: 'NENKIN_2200700_ACQUISITION',
        subjects: [{ subjectId, isEmployee70OrOver: false }],
        recipientPublicKey: (await recipient()).publicKey,
      }
      for (const template of [
        `{{MY_NUMBER:${randomUUID()}}}`,
        'no placeholder at all',
        `{{MY_NUMBER:${subjectId}}} {{ MY_NUMBER:${subjectId}}}`,
      ]) {
        const response = await vault.post('/v1/merge', { ...base, template })
        assert.equal(response.json().code, 'TEMPLATE_SUBJECTS_MISMATCH', template)
      }
    })

    test('merge naming a subject without a number is refused with NOT_REGISTERED', async () => {
      const { subjectId, ...context } = callContext()
      const response = await vault.post('/v1/merge', {
        context,
        documentType: 'NENKIN_2200700_ACQUISITION',
        template: `{{MY_NUMBER:${subjectId}}}`,
        subjects: [{ subjectId, isEmployee70OrOver: false }],
        recipientPublicKey: (await recipient()).publicKey,
      })
      assert.equal(response.json().code, 'NOT_REGISTERED')
    })

    test('reveal to 本人: the subject sees their number, sealed to their device, fully masked in clear', async () => {
      const { ctx, number } = await registered()
      const device = await recipient()
      const self = { ...ctx, actorId: ctx.subjectId, requestId: randomUUID() }
      const response = await vault.post('/v1/reveal', {
        context: self,
        viewer: 'SELF',
        reason: '本人による確認',
        reauthenticatedAt: new Date().toISOString(),
        recipientPublicKey: device.publicKey,
      })
      assert.equal(response.statusCode, 200)
      assert.equal(response.json().masked, '************')
      assert.equal(await device.open(response.json().sealed, ctx.tenantId, self.requestId), number)
    })

    test('reveal as 本人 by someone else is refused with REVEAL_NOT_ALLOWED', async () => {
      const { ctx } = await registered()
      const response = await vault.post('/v1/reveal', {
        context: ctx,
        viewer: 'SELF',
        reason: '本人による確認',
        reauthenticatedAt: new Date().toISOString(),
        recipientPublicKey: (await recipient()).publicKey,
      })
      assert.equal(response.statusCode, 403)
      assert.equal(response.json().code, 'REVEAL_NOT_ALLOWED')
    })

    test('reveal by an office administrator needs a fresh re-authentication: REAUTHENTICATION_REQUIRED', async () => {
      const { ctx } = await registered()
      const request = async (reauthenticatedAt: string) =>
        vault.post('/v1/reveal', {
          context: { ...ctx, requestId: randomUUID() },
          viewer: 'OFFICE_ADMIN',
          reason: '届出内容の確認のため',
          reauthenticatedAt,
          recipientPublicKey: (await recipient()).publicKey,
        })
      const stale = await request(new Date(Date.now() - 10 * 60_000).toISOString())
      assert.equal(stale.json().code, 'REAUTHENTICATION_REQUIRED')
      const future = await request(new Date(Date.now() + 10 * 60_000).toISOString())
      assert.equal(future.json().code, 'REAUTHENTICATION_REQUIRED')
      const fresh = await request(new Date().toISOString())
      assert.equal(fresh.statusCode, 200)
    })

    test('past the per-office reveal limit: RATE_LIMITED with the TENANT scope', async () => {
      const tenantId = randomUUID()
      const subjects = [
        await registered({ tenantId }),
        await registered({ tenantId }),
        await registered({ tenantId }),
      ]
      const codes: string[] = []
      for (const { ctx } of subjects) {
        const response = await vault.post('/v1/reveal', {
          context: { ...ctx, actorId: ctx.subjectId },
          viewer: 'SELF',
          reason: '本人による確認',
          reauthenticatedAt: new Date().toISOString(),
          recipientPublicKey: (await recipient()).publicKey,
        })
        codes.push(response.statusCode === 200 ? 'OK' : response.json().code)
      }
      assert.deepEqual(codes, ['OK', 'OK', 'RATE_LIMITED'])
      const alarms = await db()
        .selectFrom('vault_alarms')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .execute()
      assert.deepEqual(
        alarms.map((a) => [a.operation, a.scope]),
        [['reveal', 'TENANT']],
      )
    })
  },
  { rateLimits: LIMITS },
)
